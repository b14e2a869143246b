using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Storage.Tests.Conformance;

/// <summary>Runs in one shared database; each test is isolated by a service id of its own.</summary>
[Trait("Category", "Integration")]
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlGrainStorageTests(PostgreSqlFixture postgres) : GrainStorageConformanceTests
{
    protected override void AddStorage(IServiceCollection services, string name) =>
        services.AddPostgreSqlGrainStorage(name, options =>
        {
            options.ConnectionString = postgres.SharedConnectionString;
            options.ServiceId = $"test-{Guid.NewGuid():N}";
        });
}
