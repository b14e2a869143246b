using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.Runtime;
using CustomerService.WebFront;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Browser.Tests;

/// <summary>The real WebFront in embedded mode (SQLite in a temp folder) on a free loopback port, serving the widget,
/// console and demo page the client build put in src/WebFront/wwwroot.</summary>
internal sealed class DemoSite : IAsyncDisposable
{
    public const string AdminPassword = "browser-admin-1";

    private readonly WebApplication app;
    private readonly string data;

    private DemoSite(WebApplication app, string data, Uri baseUri)
    {
        this.app = app;
        this.data = data;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts the site; <paramref name="settings"/> adds or overrides configuration (e.g. shorter timings).</summary>
    public static async Task<DemoSite> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var data = Directory.CreateTempSubdirectory("cs-browser-").FullName;
        var contentRoot = Path.Combine(RepositoryRoot(), "src", "WebFront");
        if (!File.Exists(Path.Combine(contentRoot, "wwwroot", "widget.js")))
            throw new InvalidOperationException($"{contentRoot}/wwwroot/widget.js is missing: build src/WebFront first (its build runs npm).");
        var app = WebFrontApp.Create(["--contentRoot", contentRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Silo:Storage:Provider"] = "Sqlite",
                ["Silo:Storage:ConnectionString"] = $"Data Source={Path.Combine(data, "customerservice.db")}",
                ["MessageStore:ConnectionString"] = $"Data Source={Path.Combine(data, "messages.db")}",
                ["WebFront:KeysDirectory"] = Path.Combine(data, "keys"),
                ["WebFront:Files:Directory"] = Path.Combine(data, "files"),
                ["Seed:AdminPassword"] = AdminPassword,
            });
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DemoSite(app, data, new Uri(address));
    }

    /// <summary>Where screenshots go: <c>artifacts/browser</c> at the repository root (CI keeps that folder).</summary>
    public static string ArtifactsDirectory => Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts", "browser")).FullName;

    /// <summary>Creates an agent of the demo tenant through the admin REST API.</summary>
    public async Task CreateAgentAsync(string email, string name, string password)
    {
        var token = await LoginAsync("admin@demo.local", AdminPassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agents")
        {
            Content = JsonContent.Create(new { email, name, role = "agent", password, capacity = 5, groups = Array.Empty<string>() }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> LoginAsync(string email, string password)
    {
        using var response = await Http.PostAsJsonAsync("/api/v1/auth/login", new { tenant = "demo", email, password }).WaitAsync(TimeSpan.FromSeconds(30));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A REST call with a bearer token; the JSON answer (or null for none). Fails on an error status.</summary>
    public async Task<JsonElement?> CallAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The messages of the demo tenant's conversation of a visitor, oldest first, as the REST API gives them to
    /// the admin (the stored history, independent of any page).</summary>
    public async Task<IReadOnlyList<JsonElement>> VisitorHistoryAsync(string visitorId)
    {
        var token = await LoginAsync("admin@demo.local", AdminPassword);
        var conversations = (await CallAsync(HttpMethod.Get, "/api/v1/conversations?limit=100", token))!.Value;
        var conversation = conversations.EnumerateArray().Single(c =>
            c.GetProperty("visitor").ValueKind == JsonValueKind.Object && c.GetProperty("visitor").GetProperty("id").GetString() == visitorId);
        var id = Uri.EscapeDataString(conversation.GetProperty("id").GetString()!);
        var messages = (await CallAsync(HttpMethod.Get, $"/api/v1/conversations/{id}/messages?limit=200", token))!.Value;
        return messages.EnumerateArray().OrderBy(m => m.GetProperty("seq").GetInt64()).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CustomerService.sln"))) return dir.FullName;
        throw new InvalidOperationException("CustomerService.sln not found above the test's directory.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { } // a file still closing; the temp sweep takes it
    }
}
