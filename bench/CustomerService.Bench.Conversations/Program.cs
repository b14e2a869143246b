using CustomerService.Bench.Conversations;

// dotnet run -c Release --project bench/CustomerService.Bench.Conversations -- [seconds per case, default 3] [senders, default 64]
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
var senders = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 64;
return await ConversationBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), senders);
