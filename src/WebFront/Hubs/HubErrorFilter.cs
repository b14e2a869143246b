using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using CustomerService.WebFront.Hubs.Internal;
using Microsoft.AspNetCore.SignalR;

namespace CustomerService.WebFront.Hubs;

/// <summary>Turns every failure of a hub call into a <see cref="HubException"/> <c>"{code}: {message}"</c> that
/// keeps the connection open: refusals keep the grain's code; cluster failures (a silo left, a timeout) become
/// <c>unavailable</c> and trigger a prompt renewal of the subscriptions; anything else is logged and becomes a
/// generic message without details.</summary>
internal sealed partial class HubErrorFilter(FeedRenewalService renewal, ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (Map(e, context.HubMethodName, context.Context.User) is { } mapped)
        {
            throw mapped;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Map(e, "OnConnected", context.Context.User) is { } mapped)
        {
            throw mapped;
        }
    }

    private HubException? Map(Exception e, string method, System.Security.Claims.ClaimsPrincipal? user)
    {
        switch (e)
        {
            case HubException:
                return null;
            case ChatException chat:
                return new HubException($"{(chat.Code.Length > 0 ? chat.Code : ChatErrorCodes.InvalidArgument)}: {WithoutTenant(chat.Message, user)}");
            case SiloUnavailableException or TimeoutException or ObserverNotAvailableException:
                renewal.RenewSoon();
                ClusterError(logger, method, e.GetType().Name, e.Message);
                return new HubException("unavailable: The service is briefly unavailable; try again.");
            default:
                Unexpected(logger, method, e);
                return new HubException("unavailable: The server could not complete the call; try again.");
        }
    }

    // Grains name keys ({tenant}/{id}); the wire names ids only.
    private static string WithoutTenant(string message, System.Security.Claims.ClaimsPrincipal? user) =>
        user?.FindFirst(Auth.WebFrontClaims.Tenant)?.Value is { } tenant ? message.Replace(tenant + "/", "", StringComparison.Ordinal) : message;
}
