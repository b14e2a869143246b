using CustomerService.WebFront.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Auth;

/// <summary>Agent and visitor bearer tokens, the keys that protect them, and the policies <c>agent</c>,
/// <c>admin</c>, <c>visitor</c> and <c>participant</c>.</summary>
public static class AuthExtensions
{
    /// <summary>The policy of agent tokens (agents and admins).</summary>
    public const string AgentPolicy = "agent";
    /// <summary>The policy of admin agents.</summary>
    public const string AdminPolicy = "admin";
    /// <summary>The policy of visitor tokens.</summary>
    public const string VisitorPolicy = "visitor";
    /// <summary>A visitor token used from one of its tenant's allowed origins (the visitor hub).</summary>
    public const string WidgetConnectionPolicy = "widget-connection";
    /// <summary>Either token.</summary>
    public const string ParticipantPolicy = "participant";

    /// <summary>Adds authentication and authorisation.</summary>
    public static WebApplicationBuilder AddWebFrontAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();

        // Keys on disk, under one application name: tokens stay valid across restarts and across the front-ends
        // of a cluster that share the directory.
        var keys = builder.Configuration[$"{WebFrontOptions.SectionName}:{nameof(WebFrontOptions.KeysDirectory)}"] ?? new WebFrontOptions().KeysDirectory;
        services.AddDataProtection().SetApplicationName("CustomerService").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddAuthentication(WebFrontClaims.AgentScheme)
            .AddBearerToken(WebFrontClaims.AgentScheme, o => o.Events = TokenFromQuery())
            .AddBearerToken(WebFrontClaims.VisitorScheme, o => o.Events = TokenFromQuery());
        services.AddAuthorizationBuilder()
            .AddPolicy(AgentPolicy, p => p.AddAuthenticationSchemes(WebFrontClaims.AgentScheme).RequireClaim(WebFrontClaims.Kind, "agent"))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(WebFrontClaims.AgentScheme).RequireClaim(WebFrontClaims.Kind, "agent").RequireClaim(WebFrontClaims.Role, "admin"))
            .AddPolicy(VisitorPolicy, p => p.AddAuthenticationSchemes(WebFrontClaims.VisitorScheme).RequireClaim(WebFrontClaims.Kind, "visitor"))
            .AddPolicy(WidgetConnectionPolicy, p => p.AddAuthenticationSchemes(WebFrontClaims.VisitorScheme).RequireClaim(WebFrontClaims.Kind, "visitor")
                .AddRequirements(new AllowedOriginRequirement()))
            .AddPolicy(ParticipantPolicy, p => p.AddAuthenticationSchemes(WebFrontClaims.AgentScheme, WebFrontClaims.VisitorScheme).RequireClaim(WebFrontClaims.Kind, "agent", "visitor"));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AllowedOriginHandler>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AgentPasswords>();
        services.TryAddTimeProvider();
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    // Browsers cannot set headers on WebSockets, so hubs also take the token from the access_token query; so do file
    // downloads, which an <img> or a link fetches.
    private static BearerTokenEvents TokenFromQuery() => new()
    {
        OnMessageReceived = context =>
        {
            var path = context.HttpContext.Request.Path;
            if (context.Request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token)
                && (path.StartsWithSegments("/hubs") || path.StartsWithSegments("/api/v1/files")))
                context.Token = token;
            return Task.CompletedTask;
        },
    };
}
