using CustomerService.Grains.Hosting;
using CustomerService.Grains.Messages;
using CustomerService.Runtime.Cluster;
using CustomerService.Runtime.Hosting;

namespace CustomerService.WebFront.Hosting;

/// <summary>Chooses how the front-end reaches grains. <c>Silo:Membership:Provider</c> <c>None</c> (the default) is
/// embedded mode: a silo in this process with storage from <c>Silo:Storage</c>. <c>Redis</c> or <c>PostgreSql</c> is
/// cluster mode: a grain client that reads that membership table and calls the silos.</summary>
public static class GrainModeExtensions
{
    private const string DefaultMessageStore = "Data Source=./data/messages.db";

    /// <summary>Adds the embedded silo or the grain client, as configured.</summary>
    public static WebApplicationBuilder AddWebFrontGrains(this WebApplicationBuilder builder)
    {
        var mode = GrainMode.From(builder.Configuration);
        builder.Services.AddSingleton(mode);
        if (mode.IsCluster)
        {
            AddMembership(builder.Services, mode);
            builder.Services.AddGrainClient(o => o.AdvertisedHost = builder.Configuration["Silo:Cluster:AdvertisedHost"] ?? o.AdvertisedHost);
            return builder;
        }

        // Messages go where the grain state goes: PostgreSQL in the same database, SQLite in ./data/messages.db;
        // MessageStore:ConnectionString, when set, wins.
        var postgres = string.Equals(builder.Configuration["Silo:Storage:Provider"], "PostgreSql", StringComparison.OrdinalIgnoreCase);
        var engine = postgres ? MessageStoreEngine.PostgreSql : MessageStoreEngine.Sqlite;
        var derived = postgres ? builder.Configuration["Silo:Storage:ConnectionString"] ?? "" : DefaultMessageStore;
        builder.UseGrainRuntime(silo =>
        {
            silo.AddGrainStorageFromConfiguration();
            silo.AddCustomerServiceGrains(engine, store =>
            {
                if (string.IsNullOrWhiteSpace(store.ConnectionString)) store.ConnectionString = derived;
            });
        });
        return builder;
    }

    private static void AddMembership(IServiceCollection services, GrainMode mode)
    {
        if (mode.Provider == "redis")
            services.AddRedisMembership(o => { o.ConnectionString = mode.ConnectionString!; o.ClusterId = mode.ClusterId; });
        else
            services.AddPostgreSqlMembership(o => { o.ConnectionString = mode.ConnectionString!; o.ClusterId = mode.ClusterId; });
    }
}
