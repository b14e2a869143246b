namespace CustomerService.WebFront.Hosting;

/// <summary>The demo page (<c>/</c>), the widget (<c>/widget.js</c>) and the console (<c>/console</c>, a single-page
/// app: unknown paths under it get its index.html), all from wwwroot, which the client build fills.</summary>
public static class StaticFilesExtensions
{
    /// <summary>Serves wwwroot with <c>nosniff</c>.</summary>
    public static WebApplication UseWebFrontStaticFiles(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.XContentTypeOptions = "nosniff",
        });
        return app;
    }

    /// <summary>Maps the console's fallback.</summary>
    public static IEndpointRouteBuilder MapConsoleFallback(this IEndpointRouteBuilder app)
    {
        app.MapFallbackToFile("/console/{*path:nonfile}", "console/index.html");
        app.MapGet("/console", () => Results.Redirect("/console/")).ExcludeFromDescription();
        return app;
    }
}
