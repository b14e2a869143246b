namespace CustomerService.Runtime.AdoNet.Dialects;

/// <summary>What configuration checks need to know about a database engine, before any connection is made.</summary>
/// <param name="Engine">The engine's name as operators know it.</param>
/// <param name="ExampleConnectionString">A connection string to show in error messages.</param>
/// <param name="FindProblem">Returns why a (non-empty) connection string cannot work, or null if it looks usable.</param>
/// <param name="DefaultConcurrentCommits">How many group commits of state writes run at once unless configured.</param>
/// <param name="MaxConcurrentCommits">The most that can usefully run at once (SQLite: one writer).</param>
internal sealed record DialectDescription(string Engine, string ExampleConnectionString, Func<string, string?> FindProblem,
    int DefaultConcurrentCommits = 1, int MaxConcurrentCommits = 1);
