using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Storage.Tests.Conformance;

[Trait("Category", "Integration")]
public sealed class SqliteGrainStorageTests : GrainStorageConformanceTests
{
    private readonly TempSqliteFile database = new();

    protected override void AddStorage(IServiceCollection services, string name) =>
        services.AddSqliteGrainStorage(name, options => options.ConnectionString = database.ConnectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}
