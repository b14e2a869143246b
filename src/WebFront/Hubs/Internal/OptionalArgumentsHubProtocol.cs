using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>The JSON hub protocol, plus what docs/protocol.md needs and SignalR lacks: optional trailing arguments
/// (<c>Typing(isTyping, draft?)</c>, <c>Rate(score, comment?)</c>, ...). SignalR binds by exact count; when that
/// fails for one of these methods, the frame is bound again with the missing trailing arguments as null. Only the
/// failure path pays for it. Any other binding failure (a wrong type, a missing argument) is reported as
/// <c>invalid_argument</c>, like every other malformed payload.</summary>
internal sealed class OptionalArgumentsHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private static readonly HashSet<string> MethodsWithOptionalArguments =
        new(["Typing", "Rate", "SetConversationStatus", "ListConversations"], StringComparer.OrdinalIgnoreCase);

    private readonly JsonHubProtocol inner = new(options);
    private readonly JsonSerializerOptions payload = options.Value.PayloadSerializerOptions;

    public string Name => inner.Name;
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var before = input;
        if (!inner.TryParseMessage(ref input, binder, out message)) return false;
        if (message is not InvocationBindingFailureMessage failure) return true;
        if (MethodsWithOptionalArguments.Contains(failure.Target) && TryBindPadded(before.Slice(0, input.Start), failure.Target, binder) is { } padded)
            message = padded;
        else
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(new HubException(
                $"invalid_argument: The arguments of {failure.Target} do not match its parameters in number or type (see docs/protocol.md).")));
        return true;
    }

    private InvocationMessage? TryBindPadded(ReadOnlySequence<byte> frame, string target, IInvocationBinder binder)
    {
        try
        {
            var bytes = frame.ToArray();
            var length = bytes.Length > 0 && bytes[^1] == 0x1e ? bytes.Length - 1 : bytes.Length;
            using var document = JsonDocument.Parse(bytes.AsMemory(0, length));
            var root = document.RootElement;
            if (!root.TryGetProperty("type", out var type) || type.GetInt32() != HubProtocolConstants.InvocationMessageType) return null;
            if (root.TryGetProperty("streamIds", out _)) return null;
            var types = binder.GetParameterTypes(target);
            var given = root.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Array ? a : default;
            var count = given.ValueKind == JsonValueKind.Array ? given.GetArrayLength() : 0;
            if (count >= types.Count) return null;
            var arguments = new object?[types.Count];
            for (var i = 0; i < types.Count; i++)
            {
                if (i < count) arguments[i] = given[i].Deserialize(types[i], payload);
                else if (types[i].IsValueType && Nullable.GetUnderlyingType(types[i]) is null) return null;
            }

            var invocationId = root.TryGetProperty("invocationId", out var id) ? id.GetString() : null;
            return new InvocationMessage(invocationId, target, arguments);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return null; // keep SignalR's binding failure
        }
    }
}
