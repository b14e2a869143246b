using System.Globalization;
using CustomerService.Bench.Conversations;

// dotnet run -c Release --project bench/CustomerService.Bench.Conversations -- [seconds per case, default 3] [senders, default 64]
// dotnet run -c Release --project bench/CustomerService.Bench.Conversations -- burst [conversations 100] [agents 20] [cycles 5] [messages 10]
if (args.Length > 0 && args[0] == "burst")
{
    int Arg(int at, int fallback) => args.Length > at ? int.Parse(args[at], CultureInfo.InvariantCulture) : fallback;
    return await RoutingBurstBenchmark.RunAsync(Arg(1, 100), Arg(2, 20), Arg(3, 5), Arg(4, 10));
}

var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var senders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
return await ConversationBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), senders);
