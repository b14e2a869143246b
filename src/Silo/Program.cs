using CustomerService.Runtime.Hosting;
using CustomerService.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseGrainRuntime(silo => silo.AddGrainStorageFromConfiguration().UseClusterFromConfiguration().AddChatGrainsFromConfiguration());
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.Run();
public partial class Program;
