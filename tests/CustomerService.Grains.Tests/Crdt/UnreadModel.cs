namespace CustomerService.Grains.Tests.Crdt;

/// <summary>The obvious model of unread messages: a log of who wrote each message, and per reader the position in
/// the log it has read up to. Unread = the messages after that position the reader counts.</summary>
internal sealed class UnreadModel
{
    private readonly List<string> _log = [];
    private readonly Dictionary<string, int> _readUpTo = [];

    /// <summary>The seq of the last message (messages are numbered from 1).</summary>
    public int LastSeq => _log.Count;

    public void Apply(ChatOp op)
    {
        switch (op)
        {
            case WriteOp write:
                _log.Add(write.Side);
                break;
            case ReadOp read:
                _readUpTo[read.Reader.Id] = _log.Count;
                break;
            case UnreadOp unread:
                // Back to just before the last message the reader counts, so that exactly that one is unread.
                _readUpTo[unread.Reader.Id] = Math.Max(0, _log.FindLastIndex(unread.Reader.Counts));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, "The model knows only writes, reads and unreads.");
        }
    }

    public int ReadUpTo(Reader reader) => _readUpTo.GetValueOrDefault(reader.Id);

    public long Seen(Reader reader) => _log.Take(ReadUpTo(reader)).Count(reader.Counts);

    public long Unread(Reader reader) => _log.Skip(ReadUpTo(reader)).Count(reader.Counts);
}
