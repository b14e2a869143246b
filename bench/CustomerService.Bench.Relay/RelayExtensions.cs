using CustomerService.Bench.Relay.Api;
using CustomerService.Bench.Relay.Auth;
using CustomerService.Bench.Relay.Conversations;
using CustomerService.Bench.Relay.Echo;
using CustomerService.Bench.Relay.Hubs;

namespace CustomerService.Bench.Relay;

public static class RelayExtensions
{
    public static WebApplicationBuilder AddRelay(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RelayConversations>();
        builder.Services.AddSingleton<ConnectionCounter>();
        builder.Services.AddAuthentication(RelayTokenHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, RelayTokenHandler>(
                RelayTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddSignalR();
        return builder;
    }

    public static WebApplication MapRelay(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/healthz", () => "ok");
        app.MapRelayApi();
        app.MapHub<VisitorHub>("/hubs/visitor");
        app.MapHub<AgentHub>("/hubs/agent");
        app.MapEcho();
        return app;
    }
}
