using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.WebFront.Tests.Infrastructure;

/// <summary>Real SignalR connections through the <c>@microsoft/signalr</c> npm client: a Node process
/// (node/driver.mjs) takes one JSON command per line and answers one line each.</summary>
public sealed class NodeSignalR : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock writeLock = new();
    private int nextId;
    private int nextConnection;

    private NodeSignalR(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async Task<NodeSignalR> StartAsync()
    {
        var directory = typeof(NodeSignalR).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "NodeDriverDirectory").Value!;
        var start = new ProcessStartInfo("node", "driver.mjs")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var driver = new NodeSignalR(Process.Start(start)!);
        await driver.ready.Task.Within(TimeSpan.FromSeconds(20));
        return driver;
    }

    /// <summary>Opens a connection; returns its name for later commands.</summary>
    public async Task<string> ConnectAsync(Uri hub, string? token, string? origin = null)
    {
        var name = $"c{Interlocked.Increment(ref nextConnection)}";
        await CallAsync(new JsonObject { ["op"] = "connect", ["name"] = name, ["url"] = hub.ToString(), ["token"] = token, ["origin"] = origin });
        return name;
    }

    /// <summary>The error text when connecting fails, or null when it succeeded.</summary>
    public async Task<string?> ConnectErrorAsync(Uri hub, string? token, string? origin = null)
    {
        try
        {
            await ConnectAsync(hub, token, origin);
            return null;
        }
        catch (NodeCallException e)
        {
            return e.Message;
        }
    }

    public Task<JsonElement> InvokeAsync(string connection, string method, params object?[] args) =>
        CallAsync(new JsonObject { ["op"] = "invoke", ["conn"] = connection, ["method"] = method, ["args"] = Args(args) });

    /// <summary>Invokes and expects a hub error; returns its message.</summary>
    public async Task<string> InvokeErrorAsync(string connection, string method, params object?[] args)
    {
        try
        {
            var result = await InvokeAsync(connection, method, args);
            throw new Xunit.Sdk.XunitException($"{method} succeeded with {result} where an error was expected.");
        }
        catch (NodeCallException e)
        {
            return e.Message;
        }
    }

    /// <summary>The arguments of the next <paramref name="eventName"/> event on the connection.</summary>
    public Task<JsonElement> WaitAsync(string connection, string eventName, TimeSpan? timeout = null) =>
        CallAsync(new JsonObject { ["op"] = "wait", ["conn"] = connection, ["event"] = eventName, ["timeoutMs"] = (timeout ?? TestTimeouts.Event).TotalMilliseconds });

    /// <summary>Events received and not yet waited for (and forgets them).</summary>
    public Task<JsonElement> DrainAsync(string connection) => CallAsync(new JsonObject { ["op"] = "drain", ["conn"] = connection });

    public async Task<string> StateAsync(string connection) =>
        (await CallAsync(new JsonObject { ["op"] = "state", ["conn"] = connection })).GetProperty("state").GetString()!;

    public Task StopAsync(string connection) => CallAsync(new JsonObject { ["op"] = "stop", ["conn"] = connection });

    private static JsonArray Args(object?[] args) => new(args.Select(a => JsonSerializer.SerializeToNode(a, JsonSerializerOptions.Web)).ToArray());

    private async Task<JsonElement> CallAsync(JsonObject command)
    {
        var id = Interlocked.Increment(ref nextId);
        command["id"] = id;
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        lock (writeLock) process.StandardInput.WriteLine(command.ToJsonString());
        try
        {
            return await completion.Task.Within(TestTimeouts.Call);
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        JsonElement reply;
        try { reply = JsonDocument.Parse(line).RootElement.Clone(); }
        catch (JsonException) { return; }
        var id = reply.GetProperty("id").GetInt32();
        if (id == 0) { ready.TrySetResult(); return; }
        if (!pending.TryGetValue(id, out var completion)) return;
        if (reply.GetProperty("ok").GetBoolean()) completion.TrySetResult(reply.GetProperty("result").Clone());
        else completion.TrySetException(new NodeCallException(reply.GetProperty("error").GetString() ?? "error"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync().Within(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}

/// <summary>A driver command failed; the message is the client's error text (for hub errors, the server's message).</summary>
public sealed class NodeCallException(string message) : Exception(message);
