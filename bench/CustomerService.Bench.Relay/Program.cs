using CustomerService.Bench.Relay;

// A bare SignalR relay that speaks the public protocol's message path (docs/protocol.md): the floor that the
// end-to-end benchmarks compare WebFront against. Usage: dotnet run -c Release -- --urls http://127.0.0.1:5180
var builder = WebApplication.CreateBuilder(args);
builder.AddRelay();

var app = builder.Build();
app.MapRelay();
app.Run();
