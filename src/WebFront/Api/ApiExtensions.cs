using System.Threading.RateLimiting;
using CustomerService.WebFront.Files;
using CustomerService.WebFront.Hubs;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Api;

/// <summary>The REST API under <c>/api/v1</c>: route groups, problem responses, rate limits and the OpenAPI document.</summary>
public static class ApiExtensions
{
    /// <summary>Adds the API's services.</summary>
    public static WebApplicationBuilder AddWebFrontApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FileStorageOptions>().BindConfiguration(FileStorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FileStorageOptions>, FileStorageOptionsValidator>();
        // Every error body carries a code, also the empty 401/403/404 the framework answers with (status code pages).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
                context.ProblemDetails.Extensions["code"] = ApiProblems.CodeOf(context.ProblemDetails.Status ?? 500);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        services.AddWidgetCors();
        services.AddOpenApi("v1");
        services.AddRateLimiter(o =>
        {
            // Only /api requests reach the limiter (WebFrontApp runs the middleware for them alone), so every
            // request here is partitioned by its client address.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RestPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) });
            });
            o.OnRejected = (context, _) => new ValueTask(ApiProblems.WriteAsync(context.HttpContext, "rate_limited", "Too many requests; slow down."));
        });
        return builder;
    }

    /// <summary>Maps <c>/api/v1</c> and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapWebFrontApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<FileStorageOptions>>().Value.MaxBytes;
        app.MapGroup("/api/v1")
            .MapWidgetEndpoints()
            .MapAuthEndpoints()
            .MapMeEndpoints()
            .MapConversationEndpoints()
            .MapFileEndpoints(maxBytes)
            .MapAgentEndpoints()
            .MapTenantEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
