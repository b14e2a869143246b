using CustomerService.Runtime.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseGrainRuntime(silo => silo.AddGrainStorageFromConfiguration());
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.Run();
public partial class Program;
