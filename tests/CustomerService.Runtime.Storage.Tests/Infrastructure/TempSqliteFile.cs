namespace CustomerService.Runtime.Storage.Tests.Infrastructure;

/// <summary>A SQLite database file name in the temp directory, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempSqliteFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cs-storage-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        foreach (var suffix in (string[])["", "-wal", "-shm"]) File.Delete(Path + suffix);
    }
}
