using System.Collections.Frozen;

namespace CustomerService.Grains.Tests.Crdt;

/// <summary>A reader of the test conversations: its id, its own side, and the sides hidden from it.</summary>
internal sealed record Reader(string Id, string Side, IReadOnlySet<string>? Hidden)
{
    public bool Counts(string side) => side != Side && !(Hidden?.Contains(side) ?? false);

    public override string ToString() => Id;
}

/// <summary>Who writes and reads the test conversations: four public sides plus agents' private notes, which the
/// visitor does not see.</summary>
internal static class Cast
{
    public const string VisitorSide = "visitor";
    public const string AgentSide = "agent";
    public const string BotSide = "bot";
    public const string SystemSide = "system";
    public const string NoteSide = "note";

    public static readonly string[] Sides = [VisitorSide, AgentSide, BotSide, SystemSide, NoteSide];

    public static readonly Reader Visitor = new("visitor-1", VisitorSide, new[] { NoteSide }.ToFrozenSet());
    public static readonly Reader Agent1 = new("agent-1", AgentSide, null);
    public static readonly Reader Agent2 = new("agent-2", AgentSide, null);

    public static readonly Reader[] Readers = [Visitor, Agent1, Agent2];
}
