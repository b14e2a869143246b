using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace CustomerService.Runtime.Transport;

/// <summary>One TCP connection carrying length-prefixed frames both ways. Senders append frames to a buffer under a
/// lock; one flusher swaps it for an empty one and writes it out, so a burst from many callers goes out in few system
/// calls and no sender waits for the network. When the
/// connection ends, for whatever reason, <see cref="Completion"/> completes and later sends fail at once, so callers
/// can fail their pending calls instead of waiting for a timeout.</summary>
internal sealed class FramedConnection : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly MessageCodec codec;
    private readonly IFrameHandler handler;
    private readonly NetworkStream stream;
    private readonly PipeReader input;
    private ArrayBufferWriter<byte> filling = new(64 * 1024);
    private ArrayBufferWriter<byte> draining = new(64 * 1024);
    private readonly object sendGate = new();
    private readonly SemaphoreSlim flushNeeded = new(0);
    private readonly CancellationTokenSource closing = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool flushPending;
    private bool closed;

    public FramedConnection(Socket socket, MessageCodec codec, IFrameHandler handler)
    {
        this.socket = socket;
        this.codec = codec;
        this.handler = handler;
        socket.NoDelay = true;
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

    /// <summary>Starts the read and flush loops.</summary>
    public void Start()
    {
        _ = Task.Run(ReadLoopAsync);
        _ = Task.Run(FlushLoopAsync);
    }

    /// <summary>Queues a frame; <paramref name="write"/> writes it (use <see cref="MessageCodec"/>).</summary>
    /// <exception cref="SiloUnavailableException">The connection has closed.</exception>
    public void Send(Action<IBufferWriter<byte>> write)
    {
        lock (sendGate)
        {
            if (closed) throw new SiloUnavailableException($"The connection to {RemoteEndPoint} is closed.");
            write(filling);
            if (flushPending) return;
            flushPending = true;
        }

        flushNeeded.Release();
    }

    private async Task FlushLoopAsync()
    {
        try
        {
            while (!closing.IsCancellationRequested)
            {
                await flushNeeded.WaitAsync(closing.Token);
                lock (sendGate)
                {
                    flushPending = false;
                    (filling, draining) = (draining, filling);
                }

                await stream.WriteAsync(draining.WrittenMemory, closing.Token);
                draining.ResetWrittenCount();
            }

            Close(null);
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
                var result = await input.ReadAsync(closing.Token);
                var buffer = result.Buffer;
                while (codec.TryReadFrame(ref buffer, out var frame))
                {
                    if (codec.Read(frame, handler.PendingRequest) is { } message) handler.OnMessage(this, message);
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
