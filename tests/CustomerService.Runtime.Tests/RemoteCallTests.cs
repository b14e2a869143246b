using System.Buffers;
using System.Net;
using System.Net.Sockets;
using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Tests.Grains;
using CustomerService.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

/// <summary>Calls from one silo to a grain on another over real TCP: the path the cluster's router will use.</summary>
public sealed class RemoteCallTests
{
    private const string Grains = "CustomerService.Runtime.Tests.Grains.";
    private static readonly GrainId Failing = new(Grains + "FailingGrain", "remote");

    [Fact]
    public async Task AGrainOnAnotherSiloAnswersThroughTheConnection()
    {
        await using var silos = await TwoSilos.StartAsync();

        var response = await silos.Remote.SendAsync(new GrainId(Grains + "CopyGrain", "c"), null,
            Request(Grains + "ICopyGrain.EchoReceipt", new Receipt("r-7", 70))).Within();

        Assert.Equal(new Receipt("r-7", 70), response.GetResult<Receipt>());
    }

    [Fact]
    public async Task AnExceptionOnTheOtherSiloArrivesWithItsTypeAndCode()
    {
        await using var silos = await TwoSilos.StartAsync();

        var response = await silos.Remote.SendAsync(Failing, null, Request(Grains + "IFailingGrain.ThrowCoded", "gone", "conversation closed")).Within();

        var error = Assert.IsType<CodedException>(response.Exception);
        Assert.Equal("gone", error.Code);
        Assert.Equal("conversation closed", error.Message);
    }

    [Fact]
    public async Task AnErrorTheCallerCannotRecreateFailsOnlyItsOwnCallAndTheConnectionCarriesOn()
    {
        await using var silos = await TwoSilos.StartAsync();
        var waiting = silos.Remote.SendAsync(Failing, null, Request(Grains + "IFailingGrain.Hang"));
        await silos.Target.Probe.WhenRecorded("hanging");

        var failed = await silos.Remote.SendAsync(new GrainId(Grains + "FailingGrain", "other"), null,
            Request(Grains + "IFailingGrain.ThrowUnrecreatable", 53300)).Within();
        silos.Target.Probe.Open("never");

        var error = Assert.IsType<GrainInvocationException>(failed.Exception);
        Assert.Equal("failed with 53300", error.Message);
        Assert.Null((await waiting.Within(5)).Exception);
        Assert.True(silos.Remote.IsConnected);
    }

    [Fact]
    public async Task CallsWaitingOnASiloThatDiesFailAtOnceInsteadOfTimingOut()
    {
        await using var silos = await TwoSilos.StartAsync();
        var hanging = silos.Remote.SendAsync(Failing, null, Request(Grains + "IFailingGrain.Hang"));
        await silos.Target.Probe.WhenRecorded("hanging");

        await silos.Listener.DisposeAsync(); // the silo's sockets drop with no goodbye

        var response = await hanging.Within(5);
        Assert.IsType<SiloUnavailableException>(response.Exception);
        var later = await silos.Remote.SendAsync(Failing, null, Request(Grains + "IFailingGrain.Ping")).Within(5);
        Assert.IsType<SiloUnavailableException>(later.Exception);
        silos.Target.Probe.Open("never");
    }

    [Fact]
    public async Task AOneWayCallReachesTheOtherSilo()
    {
        await using var silos = await TwoSilos.StartAsync();

        silos.Remote.SendOneWay(new GrainId(Grains + "TurnGrain", "t"), null, Request(Grains + "ITurnGrain.Note", "over the wire"));

        await silos.Target.Probe.WhenRecorded("note over the wire");
    }

    [Fact]
    public async Task FramesThatArriveInOneReadRunEveryGrainsTurnsInOrderAlsoWhenABadFrameEndsTheConnection()
    {
        await using var target = await TestHost.StartAsync();
        await using var listener = new SiloListener(new IPEndPoint(IPAddress.Loopback, 0), target.Codec(),
            new FrameDispatcher(target.Cluster.ServiceProvider, target.Cluster.ServiceProvider.GetRequiredService<CallbackRegistry>()));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(listener.EndPoint).Within();
        // 10 grains, two notes each, then garbage, in one write of under 4 KB (one read): the silo runs the first grain's
        // turns on its read loop once it has handled the frames and hands the others to the thread pool; the bad frame,
        // which ends the read loop, must not lose any of them.
        var frames = new ArrayBufferWriter<byte>();
        var codec = target.Codec();
        for (var round = 1; round <= 2; round++)
        for (var grain = 0; grain < 10; grain++)
            codec.WriteRequest(frames, 0, new GrainId(Grains + "TurnGrain", $"g{grain}"), null, Request(Grains + "ITurnGrain.Note", $"g{grain} {round}"), oneWay: true);
        frames.Write<byte>([0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3]);
        Assert.True(frames.WrittenCount < 4096);

        await socket.SendAsync(frames.WrittenMemory).AsTask().Within();

        for (var grain = 0; grain < 10; grain++) await target.Probe.WhenRecorded($"note g{grain} 2");
        var notes = target.Probe.Events;
        for (var grain = 0; grain < 10; grain++)
            Assert.Equal([$"note g{grain} 1", $"note g{grain} 2"], notes.Where(e => e.StartsWith($"note g{grain} ", StringComparison.Ordinal)));
        Assert.Equal(0, await socket.ReceiveAsync(new byte[16], SocketFlags.None).Within()); // the silo closed the connection
    }

    [Fact]
    public async Task ACallToAnotherSiloThatNeverAnswersFailsWithATimeoutAndTheConnectionCarriesOn()
    {
        var clock = new ManualTimeProvider();
        await using var silos = await TwoSilos.StartAsync(caller => caller.UseTimeProvider(clock)
            .ConfigureRuntime(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var hanging = silos.Remote.SendAsync(Failing, null, Request(Grains + "IFailingGrain.Hang"));
        await silos.Target.Probe.WhenRecorded("hanging");

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(await hanging.CompletesWithin(100));
        clock.Advance(TimeSpan.FromSeconds(2));

        var response = await hanging.Within();
        Assert.IsType<TimeoutException>(response.Exception);
        Assert.Contains("Hang", response.Exception!.Message);
        var other = await silos.Remote.SendAsync(new GrainId(Grains + "FailingGrain", "other"), null, Request(Grains + "IFailingGrain.Ping")).Within();
        Assert.Equal("pong", other.GetResult<string>());
        silos.Target.Probe.Open("never");
    }

    private static GrainRequest Request(string alias, params object?[] arguments)
    {
        var request = GrainManifest.CreateRequest(alias);
        for (var i = 0; i < arguments.Length; i++) request.SetArgument(i, arguments[i]);
        return request;
    }

    private sealed class TwoSilos : IAsyncDisposable
    {
        public required TestHost Caller { get; init; }

        public required TestHost Target { get; init; }

        public required SiloListener Listener { get; init; }

        public required RemoteSilo Remote { get; init; }

        public static async Task<TwoSilos> StartAsync(Action<TestClusterBuilder>? configureCaller = null)
        {
            var caller = await TestHost.StartAsync(configureCaller);
            var target = await TestHost.StartAsync();
            var listener = new SiloListener(new IPEndPoint(IPAddress.Loopback, 0), target.Codec(), Dispatcher(target));
            var remote = await RemoteSilo.ConnectAsync(listener.EndPoint, caller.Codec(), Dispatcher(caller),
                caller.Cluster.ServiceProvider.GetRequiredService<CallbackRegistry>(), CancellationToken.None).Within();
            return new TwoSilos { Caller = caller, Target = target, Listener = listener, Remote = remote };
        }


        private static FrameDispatcher Dispatcher(TestHost host) => new(
            host.Cluster.ServiceProvider,
            host.Cluster.ServiceProvider.GetRequiredService<CallbackRegistry>());

        public async ValueTask DisposeAsync()
        {
            await Remote.DisposeAsync();
            await Listener.DisposeAsync();
            await Caller.DisposeAsync();
            await Target.DisposeAsync();
        }
    }
}
