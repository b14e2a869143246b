using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Tests.Infrastructure;

/// <summary>The real WebFront (embedded mode, SQLite in a temp folder) on a free loopback port.</summary>
public sealed class WebFrontHost : IAsyncDisposable
{
    public const string AdminPassword = "admin-secret-1";

    private readonly WebApplication app;

    private WebFrontHost(WebApplication app, string dataDirectory, Uri baseUri)
    {
        this.app = app;
        DataDirectory = dataDirectory;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TestTimeouts.Call };
    }

    public string DataDirectory { get; }
    public Uri BaseUri { get; }
    public HttpClient Http { get; }
    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    public static async Task<WebFrontHost> StartAsync(IDictionary<string, string?>? overrides = null, string? dataDirectory = null)
    {
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("cs-webfront-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Silo:Storage:Provider"] = "Sqlite",
            ["Silo:Storage:ConnectionString"] = $"Data Source={Path.Combine(data, "customerservice.db")}",
            ["MessageStore:ConnectionString"] = $"Data Source={Path.Combine(data, "messages.db")}",
            ["WebFront:KeysDirectory"] = Path.Combine(data, "keys"),
            ["WebFront:Files:Directory"] = Path.Combine(data, "files"),
            ["Seed:AdminPassword"] = AdminPassword,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;

        var app = WebFrontApp.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync().Within(TimeSpan.FromSeconds(60));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebFrontHost(app, data, new Uri(address));
    }

    public T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public Uri Hub(string name) => new(BaseUri, $"/hubs/{name}");

    public async Task<string> LoginAsync(string email = "admin@demo.local", string password = AdminPassword, string tenant = "demo")
    {
        using var response = await Http.PostAsJsonAsync("/api/v1/auth/login", new { tenant, email, password }).Within();
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().Within();
        return body.GetProperty("token").GetString()!;
    }

    public async Task<JsonElement> SessionAsync(object? body = null, string? origin = null)
    {
        using var response = await PostSessionAsync(body, origin);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>().Within();
    }

    public Task<HttpResponseMessage> PostSessionAsync(object? body = null, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/widget/session") { Content = JsonContent.Create(body ?? new { tenant = "demo" }) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        return Http.SendAsync(request).Within();
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Http.SendAsync(request).Within();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync().Within(TimeSpan.FromSeconds(30));
        await app.DisposeAsync();
    }
}
