using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Transport;

/// <summary>One TCP connection carrying length-prefixed frames both ways. Senders write frames into a buffer under a
/// lock. When no write is in progress, the sender writes the buffer out itself, on its own thread: a hand-off to another
/// thread costs more CPU than the write on a busy machine. Senders that come while a write is in progress only append,
/// and the writer takes their frames with its next write, in the order they were queued. Grain work sends inside a
/// <see cref="FrameBatch"/> (one write per connection when the piece of work ends), and when frames come faster than
/// one every 50 µs the write is handed to the thread pool, so that those queued meanwhile share one system call. When the
/// connection ends, for whatever reason, <see cref="Completion"/> completes and later sends fail at once, so callers
/// can fail their pending calls instead of waiting for a timeout.</summary>
internal sealed class FramedConnection : IAsyncDisposable, IThreadPoolWorkItem
{
    private readonly Socket socket;
    private readonly MessageCodec codec;
    private readonly IFrameHandler handler;
    private readonly NetworkStream stream;
    private readonly PipeReader input;
    private FrameBuffer filling = new();
    private FrameBuffer draining = new();
    private readonly Lock sendGate = new();
    private readonly CancellationTokenSource closing = new();
    private readonly CancellationToken closingToken;
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // A write that starts this soon after the previous one is left to the thread pool instead of done by its sender:
    // frames are coming fast (many callers), and the hand-off lets those queued meanwhile share the system call.
    private static readonly long BusyTicks = Stopwatch.Frequency / 20_000; // 50 µs
    private long lastWriteStarted;
    private bool writing;
    private bool held;
    private bool closed;

    public FramedConnection(Socket socket, MessageCodec codec, IFrameHandler handler)
    {
        this.socket = socket;
        this.codec = codec;
        this.handler = handler;
        socket.NoDelay = true;
        closingToken = closing.Token;
        stream = new NetworkStream(socket, ownsSocket: true);
        input = PipeReader.Create(stream);
        RemoteEndPoint = socket.RemoteEndPoint?.ToString() ?? "unknown";
    }

    public string RemoteEndPoint { get; }

    /// <summary>Completes when the connection has closed; faulted when it closed because of an error.</summary>
    public Task Completion => completion.Task;

    public bool IsClosed
    {
        get
        {
            lock (sendGate) return closed;
        }
    }

    /// <summary>Starts the read loop.</summary>
    public void Start() => _ = Task.Run(ReadLoopAsync);

    /// <summary>Queues a call (see <see cref="MessageCodec.WriteRequest"/>).</summary>
    /// <exception cref="SiloUnavailableException">The connection has closed.</exception>
    public void SendRequest(long id, GrainId target, GrainId? source, GrainRequest request, bool oneWay, int forwardCount = 0)
    {
        lock (sendGate)
        {
            ThrowIfClosed();
            codec.WriteRequest(filling, id, target, source, request, oneWay, forwardCount);
            if (!StartWriting()) return;
        }

        WriteNowOrSoon();
    }

    /// <summary>Queues a response (see <see cref="MessageCodec.WriteResponse"/>).</summary>
    /// <exception cref="SiloUnavailableException">The connection has closed.</exception>
    public void SendResponse(long id, Response response)
    {
        lock (sendGate)
        {
            ThrowIfClosed();
            codec.WriteResponse(filling, id, response);
            if (!StartWriting()) return;
        }

        WriteNowOrSoon();
    }

    /// <summary>Queues raw bytes; <paramref name="write"/> writes them (tests use it to send what the codec would not).</summary>
    /// <exception cref="SiloUnavailableException">The connection has closed.</exception>
    public void Send(Action<IBufferWriter<byte>> write)
    {
        lock (sendGate)
        {
            ThrowIfClosed();
            var before = filling.WrittenCount;
            try
            {
                write(filling);
            }
            catch
            {
                filling.Truncate(before);
                throw;
            }

            if (!StartWriting()) return;
        }

        WriteNowOrSoon();
    }

    // Called with the gate held, after a frame was queued: true when the caller is to write now. Not when a write is in
    // progress (it takes the frame with its next write), nor in a batch (the batch's end writes). A sender outside any
    // batch writes even if a batch elsewhere holds frames back: they go out with its write, and the batch finds less.
    private bool StartWriting()
    {
        if (writing) return false;
        if (FrameBatch.IsOpen)
        {
            if (held) return false;
            held = true;
            FrameBatch.Hold(this);
            return false;
        }

        writing = true;
        return true;
    }

    // Called by the sender that set `writing`.
    private void WriteNowOrSoon()
    {
        var now = Stopwatch.GetTimestamp();
        var busy = now - Volatile.Read(ref lastWriteStarted) < BusyTicks;
        if (busy) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        else _ = WriteOutAsync();
    }

    void IThreadPoolWorkItem.Execute() => _ = WriteOutAsync();

    /// <summary>Writes the frames a batch held back (see <see cref="FrameBatch"/>).</summary>
    public void WriteHeld()
    {
        lock (sendGate)
        {
            held = false;
            if (writing || closed) return;
            writing = true;
        }

        WriteNowOrSoon();
    }

    private void ThrowIfClosed()
    {
        if (closed) throw new SiloUnavailableException($"The connection to {RemoteEndPoint} is closed.");
    }

    // Run by the one sender that set `writing`: it writes on its own thread for as long as the writes complete at once
    // (the usual case: the socket's send buffer has room), and continues on the thread pool only when one has to wait.
    private async Task WriteOutAsync()
    {
        try
        {
            while (true)
            {
                lock (sendGate)
                {
                    if (closed || filling.WrittenCount == 0)
                    {
                        writing = false;
                        return;
                    }

                    (filling, draining) = (draining, filling);
                }

                Volatile.Write(ref lastWriteStarted, Stopwatch.GetTimestamp());
                // Not on the caller's scheduler (a grain's): a write that waits continues on the thread pool.
                await stream.WriteAsync(draining.WrittenMemory, closingToken).ConfigureAwait(false);
                draining.Clear();
            }
        }
        catch (Exception exception)
        {
            Close(exception);
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(closingToken);
                var buffer = result.Buffer;
                // The grain work these frames start (turns, continuations of calls they answer) runs on this thread
                // once they are handled, rather than being handed to the thread pool (see DeferredDrains); also when
                // a bad frame ends the connection half-way.
                using (DeferredDrains.Begin())
                {
                    while (codec.TryReadFrame(ref buffer, out var frame))
                    {
                        if (codec.Read(frame, handler.PendingRequest) is { } message) handler.OnMessage(this, message);
                    }
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) break;
            }

            Close(null);
        }
        catch (Exception exception)
        {
            Close(exception);
        }
    }

    private void Close(Exception? error)
    {
        lock (sendGate)
        {
            if (closed) return;
            closed = true;
        }

        closing.Cancel();
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone: that is what closing wants.
        }

        socket.Dispose();
        if (error is null or OperationCanceledException or IOException or SocketException) completion.TrySetResult();
        else completion.TrySetException(error);
    }

    public async ValueTask DisposeAsync()
    {
        Close(null);
        await Completion.ContinueWith(static _ => { }, TaskScheduler.Default);
        closing.Dispose();
    }
}
