using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

/// <summary>Frames over a real loopback TCP connection, as silos and clients will exchange them.</summary>
public sealed class FramedConnectionTests
{
    private const string PingAlias = "CustomerService.Runtime.Tests.Grains.IFailingGrain.Ping";
    private const string NoteAlias = "CustomerService.Runtime.Tests.Grains.ITurnGrain.Note";

    [Fact]
    public async Task EveryRequestSentFromManyThreadsGetsItsOwnResponse()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        await using var pair = await ConnectedPair.OpenAsync(codec);

        var calls = Enumerable.Range(1, 2_000).Select(id => Task.Run(() => pair.Client.CallAsync(id))).ToList();
        var answers = await Task.WhenAll(calls).Within(30);

        Assert.Equal(Enumerable.Range(1, 2_000).Select(id => $"pong {id}"), answers);
    }

    [Fact]
    public async Task WhenThePeerGoesAwayTheConnectionCompletesAndLaterSendsFailAtOnce()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        await using var pair = await ConnectedPair.OpenAsync(codec);
        Assert.Equal("pong 1", await pair.Client.CallAsync(1).Within());

        await pair.Server.Connection.DisposeAsync();

        await pair.Client.Connection.Completion.Within();
        Assert.True(pair.Client.Connection.IsClosed);
        Assert.Throws<SiloUnavailableException>(() => pair.Client.Connection.Send(_ => { }));
    }

    [Fact]
    public async Task APeerSendingGarbageIsDisconnectedWithAProtocolError()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        await using var pair = await ConnectedPair.OpenAsync(codec);

        pair.Client.Connection.Send(output => output.Write<byte>([0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3]));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => pair.Server.Connection.Completion.Within());
        Assert.Contains("not speaking this protocol", error.Message);
    }

    [Fact]
    public async Task FramesQueuedWhileAWriteIsInProgressGoOutWholeAndInTheOrderTheyWereQueued()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        await using var pair = await ConnectedPair.OpenAsync(codec);
        const int senders = 8, framesEach = 400;
        // 4 KB a frame: the socket's buffer fills, so writes wait and later frames pile up behind them.
        var text = new string('x', 4096);
        pair.Server.ExpectOneWay(senders * framesEach);

        await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < framesEach; i++)
            {
                var note = GrainManifest.CreateRequest(NoteAlias);
                note.SetArgument(0, text);
                pair.Client.Connection.SendRequest(sender * 1_000_000L + i, new GrainId("turn", "t"), null, note, oneWay: true);
            }
        }))).Within(30);
        var received = await pair.Server.AllOneWayArrived.Within(30);

        Assert.All(received, request => Assert.Equal(text, request.Request.GetArgument(0)));
        foreach (var fromOneSender in received.Select(r => r.Id).GroupBy(id => id / 1_000_000))
            Assert.Equal(Enumerable.Range(0, framesEach).Select(i => fromOneSender.Key * 1_000_000L + i), fromOneSender);
    }

    [Fact]
    public async Task FramesSentInABatchLeaveTogetherWhenTheBatchEndsInTheOrderTheyWereSent()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        await using var pair = await ConnectedPair.OpenAsync(codec);
        pair.Server.ExpectOneWay(3);

        bool arrivedDuringTheBatch;
        using (FrameBatch.Begin())
        {
            for (var id = 1; id <= 3; id++)
            {
                var note = GrainManifest.CreateRequest(NoteAlias);
                note.SetArgument(0, $"note {id}");
                pair.Client.Connection.SendRequest(id, new GrainId("turn", "t"), null, note, oneWay: true);
            }

            // Blocking on purpose: the batch belongs to this thread, and nothing may leave before it ends.
            arrivedDuringTheBatch = SpinWait.SpinUntil(() => pair.Server.OneWayCount > 0, 300);
        }

        Assert.False(arrivedDuringTheBatch);
        var received = await pair.Server.AllOneWayArrived.Within();
        Assert.Equal([1L, 2L, 3L], received.Select(r => r.Id));
        Assert.Equal(["note 1", "note 2", "note 3"], received.Select(r => r.Request.GetArgument(0)));
    }

    [Fact]
    public async Task AFrameWhoseArgumentsCannotBeWrittenIsLeftOutAndTheFramesAroundItArriveWhole()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        await using var pair = await ConnectedPair.OpenAsync(codec);

        var first = pair.Client.CallAsync(1);
        var error = Assert.Throws<InvalidOperationException>(() =>
            pair.Client.Connection.SendRequest(2, new GrainId("failing", "x"), null, new UnwritableRequest(), oneWay: false));
        var third = pair.Client.CallAsync(3);

        Assert.Equal("cannot be written", error.Message);
        Assert.Equal(["pong 1", "pong 3"], await Task.WhenAll(first, third).Within());
        Assert.False(pair.Client.Connection.IsClosed);
    }

    [Fact]
    public async Task ARawWriteThatFailsHalfWayLeavesNothingBehind()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        await using var pair = await ConnectedPair.OpenAsync(codec);

        Assert.Throws<InvalidOperationException>(() => pair.Client.Connection.Send(output =>
        {
            output.Write<byte>([0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3]);
            throw new InvalidOperationException("half-way");
        }));

        Assert.Equal("pong 1", await pair.Client.CallAsync(1).Within());
    }

    /// <summary>A request whose arguments fail to serialize half-way through the frame.</summary>
    private sealed class UnwritableRequest : GrainRequest<string>
    {
        public override string InterfaceName => "IUnwritable";

        public override string MethodName => "Write";

        public override string RequestAlias => "IUnwritable.Write";

        public override void WriteArguments(System.Text.Json.Utf8JsonWriter writer, IGrainSerializer serializer)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(new string('y', 10_000));
            throw new InvalidOperationException("cannot be written");
        }

        public override ValueTask<Response> InvokeAsync(object target) => throw new NotSupportedException();
    }


    /// <summary>One side of a connection: answers requests with "pong {id}" and matches responses to its calls.</summary>
    private sealed class Side : IFrameHandler
    {
        private readonly ConcurrentDictionary<long, (GrainRequest Request, TaskCompletionSource<string> Answer)> pending = new();

        public FramedConnection Connection { get; set; } = null!;

        public Task<string> CallAsync(long id)
        {
            var request = GrainManifest.CreateRequest(PingAlias);
            var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = (request, answer);
            Connection.SendRequest(id, new GrainId("failing", "x"), null, request, oneWay: false);
            return answer.Task;
        }

        public Task<WireRequest[]> AllOneWayArrived => allOneWay.Task;

        private readonly ConcurrentQueue<WireRequest> oneWay = new();
        private readonly TaskCompletionSource<WireRequest[]> allOneWay = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int expectedOneWay;

        public void ExpectOneWay(int count) => expectedOneWay = count;

        public int OneWayCount => oneWay.Count;

        public GrainRequest? PendingRequest(long id) => pending.TryGetValue(id, out var call) ? call.Request : null;

        public void OnMessage(FramedConnection connection, WireMessage message)
        {
            switch (message)
            {
                case WireRequest { OneWay: true } request:
                    oneWay.Enqueue(request);
                    if (oneWay.Count == expectedOneWay) allOneWay.TrySetResult([.. oneWay]);
                    break;
                case WireRequest request:
                    connection.SendResponse(request.Id, Response.FromResult($"pong {request.Id}"));
                    break;
                case WireResponse response when pending.TryRemove(response.Id, out var call):
                    call.Answer.SetResult(response.Response.GetResult<string>());
                    break;
            }
        }
    }

    private sealed class ConnectedPair : IAsyncDisposable
    {
        public required Side Client { get; init; }

        public required Side Server { get; init; }

        public static async Task<ConnectedPair> OpenAsync(MessageCodec codec)
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            var clientSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var accepting = listener.AcceptAsync();
            await clientSocket.ConnectAsync(listener.LocalEndPoint!).Within();
            var serverSocket = await accepting.Within();

            var client = new Side();
            var server = new Side();
            client.Connection = new FramedConnection(clientSocket, codec, client);
            server.Connection = new FramedConnection(serverSocket, codec, server);
            client.Connection.Start();
            server.Connection.Start();
            return new ConnectedPair { Client = client, Server = server };
        }

        public async ValueTask DisposeAsync()
        {
            await Client.Connection.DisposeAsync();
            await Server.Connection.DisposeAsync();
        }
    }
}
