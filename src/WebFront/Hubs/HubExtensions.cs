using CustomerService.WebFront.Files;
using CustomerService.WebFront.Hubs.Internal;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs;

/// <summary>The hubs, their filters (errors, rate limits), the grain feeds behind them and their options.</summary>
public static class HubExtensions
{
    /// <summary>Adds SignalR with the hubs' services.</summary>
    public static WebApplicationBuilder AddWebFrontHubs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedOptions>, FeedOptionsValidator>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddOptions<HubLimits>().BindConfiguration(HubLimits.SectionName);
        var maxFrame = builder.Configuration.GetValue<long?>($"{HubLimits.SectionName}:{nameof(HubLimits.MaximumReceiveMessageSize)}") ?? new HubLimits().MaximumReceiveMessageSize;

        services.AddSignalR(o =>
        {
            o.EnableDetailedErrors = false;
            o.MaximumReceiveMessageSize = maxFrame;
            o.AddFilter<HubErrorFilter>();
            o.AddFilter<RateLimitFilter>();
        });
        services.AddSingleton<IHubProtocol, OptionalArgumentsHubProtocol>();
        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<RateLimitFilter>();
        services.AddSingleton<FeedRegistry>();
        services.AddSingleton<OwnSends>();
        services.AddSingleton<ConnectionPresence>();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<FeedRenewalService>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedRenewalService>());
        services.AddSingleton<FileStore>();
        return builder;
    }

    /// <summary>Maps <c>/hubs/visitor</c> and <c>/hubs/agent</c>.</summary>
    public static IEndpointRouteBuilder MapWebFrontHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<VisitorHub>("/hubs/visitor", Configure).RequireCors(CorsPolicies.Widget);
        app.MapHub<AgentHub>("/hubs/agent", Configure);
        return app;
    }

    // Tokens expire: a connection whose token expired is closed, and the client reconnects with a fresh one.
    private static void Configure(HttpConnectionDispatcherOptions o) => o.CloseOnAuthenticationExpiration = true;
}
