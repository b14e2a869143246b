using CustomerService.Grains.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Tests.Messages;

public sealed class MessageStoreOptionsValidatorTests
{
    [Fact]
    public void EveryProblemIsReportedWithTheConfigurationKeyThatFixesIt()
    {
        var options = new MessageStoreOptions { ConnectionString = "", TableName = "1 bad", MaxBatchSize = 0, MaxTextLength = 0, MaxAttachments = -1, SearchScanLimit = 0, IndexWriteInterval = TimeSpan.FromMinutes(2), FullTextIndexBatchSize = 0 };

        var result = new MessageStoreOptionsValidator(MessageStoreEngine.Sqlite).Validate(null, options);

        Assert.True(result.Failed);
        foreach (var key in new[] { "ConnectionString", "TableName", "MaxBatchSize", "MaxTextLength", "MaxAttachments", "SearchScanLimit", "IndexWriteInterval", "FullTextIndexBatchSize" })
            Assert.Contains(result.Failures!, failure => failure.StartsWith($"MessageStore:{key} ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MessageStoreEngine.Sqlite, "Data Source=:memory:", "in-memory")]
    [InlineData(MessageStoreEngine.Sqlite, "Mode=ReadOnly;Data Source=x.db", "ReadOnly")]
    [InlineData(MessageStoreEngine.PostgreSql, "Database=x", "Host=")]
    [InlineData(MessageStoreEngine.PostgreSql, "NoSuchKeyword=1", "MessageStore:ConnectionString")]
    public void AnUnusableConnectionStringIsExplained(MessageStoreEngine engine, string connectionString, string expected)
    {
        var result = new MessageStoreOptionsValidator(engine).Validate(null, new MessageStoreOptions { ConnectionString = connectionString });

        Assert.Contains(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultsWithAConnectionStringAreValid()
    {
        var result = new MessageStoreOptionsValidator(MessageStoreEngine.PostgreSql).Validate(null, new MessageStoreOptions { ConnectionString = "Host=db;Database=cs" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void TheHostingExtensionBindsTheMessageStoreSectionAndValidatesIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MessageStore:ConnectionString"] = "Data Source=x.db",
            ["MessageStore:MaxBatchSize"] = "5000",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSqliteMessageStore(o => o.MaxTextLength = 500);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MessageStoreOptions>>().Value);

        Assert.Contains("MessageStore:MaxBatchSize is 5000", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxTextLength", error.Message, StringComparison.Ordinal);
    }
}
