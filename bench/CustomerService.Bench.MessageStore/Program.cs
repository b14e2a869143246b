using CustomerService.Bench.MessageStore;

// dotnet run -c Release --project bench/CustomerService.Bench.MessageStore -- [seconds per case, default 3]
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
return await MessageStoreBenchmark.RunAsync(TimeSpan.FromSeconds(seconds));
