using CustomerService.Runtime.AdoNet.Dialects;
using CustomerService.Runtime.Storage;

namespace CustomerService.Runtime.AdoNet.Storage;

/// <summary>The SQL of one provider, built once. Parameter ordinals: 1 service id, 2 grain type, 3 grain key,
/// 4 state name, then 5 payload and 6 modified time for writes, 7 the expected version for updates.</summary>
internal sealed class GrainStateStatements
{
    public GrainStateStatements(AdoNetDialect dialect, string table)
    {
        string P(int ordinal) => dialect.Parameter(ordinal);
        var key = $"service_id = {P(1)} AND grain_type = {P(2)} AND grain_key = {P(3)} AND state_name = {P(4)}";

        CreateTable = dialect.GrainStateTableDdl(table);
        Read = $"SELECT payload, version FROM {table} WHERE {key}";
        ReadVersion = $"SELECT version FROM {table} WHERE {key}";
        // First write: only if no row exists, cleared ones included (a handle that never read must not overwrite).
        Insert = $"""
            INSERT INTO {table} (service_id, grain_type, grain_key, state_name, payload, version, modified_at)
            VALUES ({P(1)}, {P(2)}, {P(3)}, {P(4)}, {P(5)}, {VersionEtag.FirstVersion}, {P(6)})
            ON CONFLICT DO NOTHING RETURNING version
            """;
        // Later writes and clears (payload NULL): only if the stored version is the one the caller read.
        Update = $"""
            UPDATE {table} SET payload = {P(5)}, version = version + 1, modified_at = {P(6)}
            WHERE {key} AND version = {P(7)} RETURNING version
            """;
    }

    public string CreateTable { get; }

    /// <summary>Returns (payload, version) or no row.</summary>
    public string Read { get; }

    /// <summary>Returns (version) or no row.</summary>
    public string ReadVersion { get; }

    /// <summary>Returns the new version, or no row when a row already exists.</summary>
    public string Insert { get; }

    /// <summary>Returns the new version, or no row when the stored version differs (or there is no row).</summary>
    public string Update { get; }
}
