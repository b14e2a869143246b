using CustomerService.Bench.Runtime;

// Benchmarks of the grain runtime. Usage: dotnet run -c Release --project bench/CustomerService.Bench.Runtime -- <ping|remote|storage|all>
var which = args.Length > 0 ? args[0] : "all";
var rest = args.Skip(1).ToArray();
switch (which)
{
    case "ping":
        await PingBenchmark.RunAsync(rest);
        break;
    case "remote":
        await RemoteBenchmark.RunAsync(rest);
        break;
    case "remote-host":
        await RemoteHost.RunAsync();
        break;
    case "storage":
        await StorageBenchmark.RunAsync(rest);
        break;
    case "all":
        // Each benchmark takes its own options; "all" runs both with their defaults.
        await PingBenchmark.RunAsync([]);
        await StorageBenchmark.RunAsync([]);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Use ping, remote, storage or all.");
        return 2;
}
return 0;
