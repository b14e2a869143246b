namespace CustomerService.Grains.Messages;

/// <summary>The database engine behind a message store.</summary>
public enum MessageStoreEngine
{
    /// <summary>One SQLite file (embedded mode).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (cluster mode).</summary>
    PostgreSql,
}
