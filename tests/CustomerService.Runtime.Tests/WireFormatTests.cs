using System.Buffers;
using System.Text.Json;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

/// <summary>The form calls take between processes: a request alias plus a JSON argument array, and a JSON result.</summary>
public sealed class WireFormatTests
{
    private const string Interface = "CustomerService.Runtime.Tests.Grains.";

    [Fact]
    public async Task ARequestWrittenAsJsonIsReadBackWithEqualArguments()
    {
        await using var host = await TestHost.StartAsync();
        var serializer = host.Cluster.ServiceProvider.GetRequiredService<IGrainSerializer>();
        var request = GrainManifest.CreateRequest(Interface + "ICopyGrain.EchoReceipt");
        request.SetArgument(0, new Receipt("r-9", 12));

        var read = RoundTrip(request, serializer);

        Assert.Equal(new Receipt("r-9", 12), read.GetArgument(0));
        Assert.Equal("EchoReceipt", read.MethodName);
    }

    [Fact]
    public async Task AnObserverReferenceInAnArgumentTravelsAsItsIdentity()
    {
        await using var host = await TestHost.StartAsync();
        var serializer = host.Cluster.ServiceProvider.GetRequiredService<IGrainSerializer>();
        var reference = host.Grains.CreateObjectReference<IChatObserver>(new ChatListener());
        var request = GrainManifest.CreateRequest(Interface + "IRoomGrain.Subscribe");
        request.SetArgument(0, reference);

        var read = RoundTrip(request, serializer);

        var restored = Assert.IsAssignableFrom<IChatObserver>(read.GetArgument(0));
        Assert.Equal(reference.GetGrainId(), restored.GetGrainId());
    }

    [Fact]
    public async Task AResultIsReadBackByTheRequestThatAskedForIt()
    {
        await using var host = await TestHost.StartAsync();
        var serializer = host.Cluster.ServiceProvider.GetRequiredService<IGrainSerializer>();
        var request = GrainManifest.CreateRequest(Interface + "ICopyGrain.GetKept");
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) Response.FromResult(new Basket { Items = ["a", "b"] }).WriteResult(writer, serializer);

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        var response = request.ReadResult(ref reader, serializer);

        Assert.Equal(["a", "b"], response.GetResult<Basket>().Items);
    }

    [Fact]
    public void AnArgumentArrayOfTheWrongLengthIsRejected()
    {
        var serializer = new JsonGrainSerializer([]);
        var request = GrainManifest.CreateRequest(Interface + "ICopyGrain.EchoReceipt");
        var reader = new Utf8JsonReader("[]"u8);

        try
        {
            request.ReadArguments(ref reader, serializer);
            Assert.Fail("an empty argument array was accepted");
        }
        catch (JsonException error)
        {
            Assert.Contains("shorter", error.Message);
        }
    }

    [Fact]
    public void AnUnknownMethodAliasIsRejectedWithItsName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrainManifest.CreateRequest("Nope.IMissing.Method"));
        Assert.Contains("Nope.IMissing.Method", error.Message);
    }

    private static GrainRequest RoundTrip(GrainRequest request, IGrainSerializer serializer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) request.WriteArguments(writer, serializer);
        var read = GrainManifest.CreateRequest(request.RequestAlias);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        read.ReadArguments(ref reader, serializer);
        return read;
    }
}
