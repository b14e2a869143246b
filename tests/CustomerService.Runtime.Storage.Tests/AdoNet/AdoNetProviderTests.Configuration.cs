using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Storage.Tests.AdoNet;

public abstract partial class AdoNetProviderTests
{
    [Fact]
    public void AnEmptyConnectionStringFromConfigurationIsRejectedNamingTheKey()
    {
        var section = Section("GrainStorage:Default", new() { ["GrainStorage:Default:ConnectionString"] = "" });
        var services = Services(s => AddProvider(s, "Default", section));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("Default"));

        Assert.Contains("GrainStorage:Default:ConnectionString is empty", error.Message);
    }

    [Fact]
    public void AnEmptyConnectionStringSetInCodeIsRejectedNamingTheOption()
    {
        var services = Services(s => AddProvider(s, "Default", o => o.ConnectionString = "  "));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("Default"));

        Assert.Contains("AdoNetGrainStorageOptions.ConnectionString is empty", error.Message);
    }

    [Fact]
    public async Task AHostWithBadStorageSettingsFailsToStartNamingEveryKeyToFix()
    {
        var section = Section("GrainStorage:Default", new()
        {
            ["GrainStorage:Default:ConnectionString"] = "",
            ["GrainStorage:Default:ServiceId"] = "",
            ["GrainStorage:Default:TableName"] = "grain-state; drop",
        });
        using var host = Host(s => AddProvider(s, "Default", section));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WithTimeout());

        Assert.Contains("GrainStorage:Default:ConnectionString", error.Message);
        Assert.Contains("GrainStorage:Default:ServiceId", error.Message);
        Assert.Contains("GrainStorage:Default:TableName", error.Message);
    }

    [Fact]
    public async Task SettingsBoundFromConfigurationAreUsed()
    {
        var database = await NewDatabaseAsync();
        var section = Section("Storage", new() { ["Storage:ConnectionString"] = database, ["Storage:TableName"] = "bound_state" });
        var storage = Services(s => AddProvider(s, "Default", section)).GetRequiredKeyedService<IGrainStorage>("Default");

        await storage.WriteStateAsync("state", new GrainId("test.counter", "tenant/1"), new GrainState<CounterState>()).WithTimeout();

        Assert.True(await TableExistsAsync(database, "bound_state").WithTimeout());
    }

    [Fact]
    public async Task AConflictIsLoggedWithTheGrainButNeverThePayload()
    {
        var database = await NewDatabaseAsync();
        var logs = new RecordingLoggerProvider();
        var storage = Services(s => AddProvider(s, "Default", o => o.ConnectionString = database),
            s => s.AddLogging(logging => logging.AddProvider(logs))).GetRequiredKeyedService<IGrainStorage>("Default");
        var grain = new GrainId("test.counter", "tenant/logged");
        await storage.WriteStateAsync("state", grain, new GrainState<CounterState>(new CounterState { Note = "first secret" })).WithTimeout();

        var late = new GrainState<CounterState>(new CounterState { Note = "second secret" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grain, late).WithTimeout());

        var conflict = Assert.Single(logs.Entries, entry => entry.EventId.Id == 603);
        Assert.Contains("tenant/logged", conflict.Message);
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommitLimitsOutOfRangeAreRejectedNamingTheKeysAndTheRange()
    {
        var section = Section("GrainStorage:Default", new()
        {
            ["GrainStorage:Default:ConnectionString"] = await NewDatabaseAsync(),
            ["GrainStorage:Default:MaxConcurrentCommits"] = "0",
            ["GrainStorage:Default:MaxWritesPerCommit"] = "10001",
        });
        var services = Services(s => AddProvider(s, "Default", section));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("Default"));

        Assert.Contains("GrainStorage:Default:MaxConcurrentCommits is 0", error.Message);
        Assert.Contains("GrainStorage:Default:MaxWritesPerCommit is 10001", error.Message);
        Assert.Contains("from 1 to 10000", error.Message);
        Assert.DoesNotContain("ConnectionString", error.Message);
    }
}
