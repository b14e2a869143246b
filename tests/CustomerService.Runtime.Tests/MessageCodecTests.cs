using System.Buffers;
using System.Text;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Tests.Grains;
using CustomerService.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

/// <summary>The frames the cluster transport sends: what goes in comes out, whole or in pieces.</summary>
public sealed class MessageCodecTests
{
    private const string Interface = "CustomerService.Runtime.Tests.Grains.";

    [Fact]
    public async Task ARequestFrameCarriesTargetSourceMethodAndArguments()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        var request = GrainManifest.CreateRequest(Interface + "ICopyGrain.EchoReceipt");
        request.SetArgument(0, new Receipt("r-1", 5));
        var output = new ArrayBufferWriter<byte>();

        codec.WriteRequest(output, 42, new GrainId("copy", "k"), new GrainId("caller", "c"), request, oneWay: false);
        var read = Assert.IsType<WireRequest>(ReadSingle(codec, output.WrittenMemory, _ => null));

        Assert.Equal(42, read.Id);
        Assert.Equal(new GrainId("copy", "k"), read.Target);
        Assert.Equal(new GrainId("caller", "c"), read.Source);
        Assert.False(read.OneWay);
        Assert.Equal(new Receipt("r-1", 5), read.Request.GetArgument(0));
    }

    [Fact]
    public async Task AResponseFrameIsReadWithTheRequestItAnswers()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        var asked = GrainManifest.CreateRequest(Interface + "ICopyGrain.AddAndCount");
        var output = new ArrayBufferWriter<byte>();

        codec.WriteResponse(output, 7, Response.FromResult(3));
        var read = Assert.IsType<WireResponse>(ReadSingle(codec, output.WrittenMemory, id => id == 7 ? asked : null));

        Assert.Equal(3, read.Response.GetResult<int>());
    }

    [Fact]
    public async Task AnErrorResponseArrivesAsTheExceptionTypeWithItsProperties()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        var output = new ArrayBufferWriter<byte>();

        codec.WriteResponse(output, 9, Response.FromException(new CodedException("not yours") { Code = "forbidden" }));
        var read = Assert.IsType<WireResponse>(ReadSingle(codec, output.WrittenMemory, _ => GrainManifest.CreateRequest(Interface + "IFailingGrain.Ping")));

        var error = Assert.IsType<CodedException>(read.Response.Exception);
        Assert.Equal("forbidden", error.Code);
        Assert.Equal("not yours", error.Message);
    }

    [Fact]
    public async Task AnErrorWhoseTypeCannotBeRecreatedArrivesAsGrainInvocationExceptionAndTheFramesAfterItAreRead()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        var output = new ArrayBufferWriter<byte>();
        codec.WriteResponse(output, 12, Response.FromException(new NoMessageConstructorException(53300) { Detail = "too many clients" }));
        codec.WriteResponse(output, 13, Response.FromResult(4));
        var asked = GrainManifest.CreateRequest(Interface + "ICopyGrain.AddAndCount");

        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        var read = new List<WireResponse>();
        while (codec.TryReadFrame(ref buffer, out var frame)) read.Add(Assert.IsType<WireResponse>(codec.Read(frame, _ => asked)));

        var error = Assert.IsType<GrainInvocationException>(read[0].Response.Exception);
        Assert.Equal("failed with 53300", error.Message);
        Assert.Equal(typeof(NoMessageConstructorException).FullName, error.OriginalTypeName);
        Assert.Equal(4, read[1].Response.GetResult<int>());
    }

    [Fact]
    public async Task AResponseThatCannotBeReadFailsItsOwnCallInsteadOfTheConnection()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        var asked = GrainManifest.CreateRequest(Interface + "ICopyGrain.AddAndCount");

        var badResult = codec.Read(Frame("""{"id":5,"kind":"response","result":"three"}"""), _ => asked);
        var badError = codec.Read(Frame("""{"id":6,"kind":"response","error":17}"""), _ => asked);

        Assert.IsType<GrainInvocationException>(Assert.IsType<WireResponse>(badResult).Response.Exception);
        Assert.IsType<GrainInvocationException>(Assert.IsType<WireResponse>(badError).Response.Exception);
    }

    private static ReadOnlySequence<byte> Frame(string json) => new(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task AResponseNobodyWaitsForAnyMoreIsDropped()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        var output = new ArrayBufferWriter<byte>();
        codec.WriteResponse(output, 11, Response.FromResult("late"));

        Assert.Null(ReadSingle(codec, output.WrittenMemory, _ => null));
    }

    [Fact]
    public async Task FramesArrivingInPiecesAreReadOnlyWhenWhole()
    {
        await using var host = await TestHost.StartAsync();
        var codec = host.Codec();
        var output = new ArrayBufferWriter<byte>();
        for (var i = 0; i < 3; i++)
            codec.WriteRequest(output, i, new GrainId("t", "k"), null, GrainManifest.CreateRequest(Interface + "IFailingGrain.Ping"), oneWay: true);
        var bytes = output.WrittenMemory;

        var seen = new List<long>();
        var received = ReadOnlySequence<byte>.Empty;
        for (var cut = 0; cut < bytes.Length; cut += 5)
        {
            received = Append(received, bytes.Slice(cut, Math.Min(5, bytes.Length - cut)));
            while (codec.TryReadFrame(ref received, out var frame)) seen.Add(codec.Read(frame, _ => null)!.Id);
        }

        Assert.Equal([0L, 1L, 2L], seen);
        Assert.Equal(0, received.Length);
    }

    [Fact]
    public void AFrameAnnouncingAnAbsurdLengthIsRefused()
    {
        var codec = new MessageCodec(new JsonGrainSerializer([]), new ExceptionCodec(new JsonGrainSerializer([])), maxFrameBytes: 1024);
        var buffer = new ReadOnlySequence<byte>([0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3]);

        var error = Assert.Throws<InvalidDataException>(() => codec.TryReadFrame(ref buffer, out _));
        Assert.Contains("not speaking this protocol", error.Message);
    }

    [Fact]
    public void AMalformedFrameIsRejectedWithAClearError()
    {
        var codec = new MessageCodec(new JsonGrainSerializer([]), new ExceptionCodec(new JsonGrainSerializer([])));
        var frame = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("""{"id":1,"kind":"request","args":[]}"""));

        var error = Assert.Throws<InvalidDataException>(() => codec.Read(frame, _ => null));
        Assert.Contains("target and method", error.Message);
    }


    private static WireMessage? ReadSingle(MessageCodec codec, ReadOnlyMemory<byte> bytes, Func<long, GrainRequest?> pending)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(codec.TryReadFrame(ref buffer, out var frame));
        Assert.Equal(0, buffer.Length);
        return codec.Read(frame, pending);
    }

    private static ReadOnlySequence<byte> Append(ReadOnlySequence<byte> sequence, ReadOnlyMemory<byte> more)
        => new(sequence.ToArray().Concat(more.ToArray()).ToArray());
}
