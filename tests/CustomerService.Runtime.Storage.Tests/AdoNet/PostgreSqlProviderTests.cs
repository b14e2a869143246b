using CustomerService.Runtime.AdoNet.Storage;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerService.Runtime.Storage.Tests.AdoNet;

[Trait("Category", "Integration")]
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlProviderTests(PostgreSqlFixture postgres) : AdoNetProviderTests
{
    protected override Task<string> NewDatabaseAsync() => postgres.CreateDatabaseAsync();

    protected override void AddProvider(IServiceCollection services, string name, Action<AdoNetGrainStorageOptions> configure) =>
        services.AddPostgreSqlGrainStorage(name, configure);

    protected override void AddProvider(IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddPostgreSqlGrainStorage(name, configuration);

    protected override async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public void AConnectionStringWithoutAServerIsRejectedNamingTheOption()
    {
        var services = Services(s => AddProvider(s, "Default", o => o.ConnectionString = "Database=customerservice"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("Default"));

        Assert.Contains("AdoNetGrainStorageOptions.ConnectionString is not usable", error.Message);
        Assert.Contains("Host=", error.Message);
    }

    [Fact]
    public void MoreConcurrentCommitsThanTheLimitAreRejectedNamingTheRange()
    {
        var services = Services(s => AddProvider(s, "Default", o =>
        {
            o.ConnectionString = "Host=localhost";
            o.MaxConcurrentCommits = 65;
        }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("Default"));

        Assert.Contains("AdoNetGrainStorageOptions.MaxConcurrentCommits is 65", error.Message);
        Assert.Contains("from 1 to 64", error.Message);
    }
}
