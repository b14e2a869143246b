using CustomerService.Grains.Messages.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Messages;

/// <summary>Creates message stores without a service container (tests, tools, benchmarks).</summary>
public static class MessageStores
{
    /// <summary>A store on <paramref name="engine"/>; the options are validated first.</summary>
    /// <exception cref="OptionsValidationException">The options have problems; the message names the keys to fix.</exception>
    public static IMessageStore Create(MessageStoreEngine engine, MessageStoreOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        var result = new MessageStoreOptionsValidator(engine).Validate(Options.DefaultName, options);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(MessageStoreOptions), result.Failures);
        return new AdoNetMessageStore(Dialect(engine, options), options, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance);
    }

    /// <summary>The conversation index in the same database as a store with these options: table
    /// <c>{TableName}_conversations</c>, created on first use.</summary>
    /// <exception cref="OptionsValidationException">The options have problems; the message names the keys to fix.</exception>
    public static IConversationIndex CreateConversationIndex(MessageStoreEngine engine, MessageStoreOptions options, ILogger? logger = null)
    {
        var result = new MessageStoreOptionsValidator(engine).Validate(Options.DefaultName, options);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(MessageStoreOptions), result.Failures);
        return new AdoNetConversationIndex(Dialect(engine, options), options.TableName + "_conversations", options.IndexWriteInterval, logger ?? NullLogger.Instance);
    }

    private static MessageStoreDialect Dialect(MessageStoreEngine engine, MessageStoreOptions options) =>
        engine == MessageStoreEngine.Sqlite
            ? new SqliteMessageStoreDialect(options.ConnectionString, options.TableName)
            : new PostgreSqlMessageStoreDialect(options.ConnectionString, options.TableName);
}
