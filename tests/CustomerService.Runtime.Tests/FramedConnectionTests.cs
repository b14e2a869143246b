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


    /// <summary>One side of a connection: answers requests with "pong {id}" and matches responses to its calls.</summary>
    private sealed class Side(MessageCodec codec) : IFrameHandler
    {
        private readonly ConcurrentDictionary<long, (GrainRequest Request, TaskCompletionSource<string> Answer)> pending = new();

        public FramedConnection Connection { get; set; } = null!;

        public Task<string> CallAsync(long id)
        {
            var request = GrainManifest.CreateRequest(PingAlias);
            var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = (request, answer);
            Connection.Send(output => codec.WriteRequest(output, id, new GrainId("failing", "x"), null, request, oneWay: false));
            return answer.Task;
        }

        public GrainRequest? PendingRequest(long id) => pending.TryGetValue(id, out var call) ? call.Request : null;

        public void OnMessage(FramedConnection connection, WireMessage message)
        {
            switch (message)
            {
                case WireRequest request:
                    connection.Send(output => codec.WriteResponse(output, request.Id, Response.FromResult($"pong {request.Id}")));
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

            var client = new Side(codec);
            var server = new Side(codec);
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
