using CustomerService.WebFront.Api;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Hosting;
using CustomerService.WebFront.Hubs;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront;

/// <summary>Builds the web front-end; <c>Program.cs</c> runs it, tests start it on a free port.</summary>
public static class WebFrontApp
{
    /// <summary>Creates the application from <paramref name="args"/> (and appsettings, environment variables);
    /// <paramref name="configure"/> runs last on the builder (tests use it for configuration overrides).</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddWebFrontGrains();
        builder.AddWebFrontHosting(); // after the grains: the seed runs once the embedded silo has started
        builder.AddWebFrontAuth();
        builder.AddWebFrontHubs();
        builder.AddWebFrontApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWebFrontStaticFiles();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        // The REST limiter only limits /api: other requests skip the middleware, so a hub connection (one request
        // that lasts as long as the connection) does not hold its frame and lease, about 250 bytes each.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseRateLimiter());
        app.MapWebFrontDiagnostics();
        app.MapWebFrontApi();
        app.MapWebFrontHubs();
        app.MapConsoleFallback();
        return app;
    }

    private static void AddWebFrontHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebFrontOptions>().BindConfiguration(WebFrontOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebFrontOptions>, WebFrontOptionsValidator>();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        builder.Services.AddHealthChecks();
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHostedService<StartupBanner>();
    }
}
