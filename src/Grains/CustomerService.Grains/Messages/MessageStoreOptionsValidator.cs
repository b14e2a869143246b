using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerService.Grains.Messages;

/// <summary>Checks <see cref="MessageStoreOptions"/> and reports every problem with the configuration key that fixes it.</summary>
public sealed partial class MessageStoreOptionsValidator(MessageStoreEngine engine) : IValidateOptions<MessageStoreOptions>
{
    private const string Key = MessageStoreOptions.SectionName + ":";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,58}$")]
    private static partial Regex PlainIdentifier();

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MessageStoreOptions options)
    {
        var errors = new List<string>();
        var where = $"(message store, {engine})";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            errors.Add($"{Key}{nameof(options.ConnectionString)} is empty {where}: set it to a connection string such as '{Example}'.");
        else if (FindProblem(options.ConnectionString) is { } problem)
            errors.Add($"{Key}{nameof(options.ConnectionString)} is not usable {where}: {problem}");

        if (options.TableName is null || !PlainIdentifier().IsMatch(options.TableName))
            errors.Add($"{Key}{nameof(options.TableName)} '{options.TableName}' is not a plain SQL identifier {where}: use 1 to 59 letters, digits or underscores, not starting with a digit.");
        if (options.MaxBatchSize is < 1 or > 1000)
            errors.Add($"{Key}{nameof(options.MaxBatchSize)} is {options.MaxBatchSize} {where}: use 1 (no group commit) to 1000.");
        if (options.MaxTextLength is < 1 or > 1_000_000)
            errors.Add($"{Key}{nameof(options.MaxTextLength)} is {options.MaxTextLength} {where}: use 1 to 1000000 characters.");
        if (options.MaxAttachments is < 0 or > 100)
            errors.Add($"{Key}{nameof(options.MaxAttachments)} is {options.MaxAttachments} {where}: use 0 to 100.");
        if (options.SearchScanLimit < 1)
            errors.Add($"{Key}{nameof(options.SearchScanLimit)} is {options.SearchScanLimit} {where}: use a positive number of messages.");
        if (options.IndexWriteInterval < TimeSpan.Zero || options.IndexWriteInterval > TimeSpan.FromMinutes(1))
            errors.Add($"{Key}{nameof(options.IndexWriteInterval)} is {options.IndexWriteInterval} {where}: use 00:00:00 (write as soon as a summary is queued) to 00:01:00.");
        if (options.FullTextIndexBatchSize is < 1 or > 100_000)
            errors.Add($"{Key}{nameof(options.FullTextIndexBatchSize)} is {options.FullTextIndexBatchSize} {where}: use 1 to 100000 messages per index transaction.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private string Example => engine == MessageStoreEngine.Sqlite
        ? "Data Source=./data/messages.db"
        : "Host=localhost;Database=customerservice;Username=customerservice;Password=...";

    private string? FindProblem(string connectionString)
    {
        try
        {
            if (engine == MessageStoreEngine.PostgreSql)
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                return string.IsNullOrWhiteSpace(builder.Host) ? "it names no server; add 'Host=<server>'." : null;
            }

            var sqlite = new SqliteConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(sqlite.DataSource)) return "it names no database file; add 'Data Source=<path>'.";
            if (sqlite.Mode is SqliteOpenMode.ReadOnly) return "'Mode=ReadOnly' cannot store messages; remove it.";
            if (sqlite.DataSource == ":memory:" || sqlite.Mode is SqliteOpenMode.Memory)
                return "an in-memory database is not durable, and messages are acknowledged only once durable; use a file.";
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
