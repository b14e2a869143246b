using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using Microsoft.AspNetCore.Diagnostics;

namespace CustomerService.WebFront.Api;

/// <summary>Maps exceptions escaping REST endpoints to problem responses: refusals keep their code, malformed
/// requests are <c>invalid_argument</c>, cluster failures <c>unavailable</c>, anything else a generic 500 without
/// details.</summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ChatException chat:
                await ApiProblems.WriteAsync(context, chat.Code.Length > 0 ? chat.Code : ChatErrorCodes.InvalidArgument, chat.Message);
                return true;
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await ApiProblems.WriteAsync(context, ChatErrorCodes.TooLarge, "The request body is too large.");
                return true;
            case BadHttpRequestException or InvalidDataException or System.Text.Json.JsonException:
                await ApiProblems.WriteAsync(context, ChatErrorCodes.InvalidArgument, "The request is malformed.");
                return true;
            case SiloUnavailableException or TimeoutException:
                await ApiProblems.WriteAsync(context, "unavailable", "The service is briefly unavailable; try again.");
                return true;
            default:
                Unexpected(logger, context.Request.Path, exception);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await Results.Problem(title: "The server could not complete the request.", statusCode: 500,
                    extensions: new Dictionary<string, object?> { ["code"] = "internal" }).ExecuteAsync(context);
                return true;
        }
    }
}
