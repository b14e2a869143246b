using CustomerService.Grains.Conversations;

namespace CustomerService.WebFront.Api;

/// <summary>REST errors: <c>application/problem+json</c> with <c>{type, title, status, code}</c>, code as in
/// docs/protocol.md.</summary>
public static class ApiProblems
{
    /// <summary>The HTTP status of a code.</summary>
    public static int StatusOf(string code) => code switch
    {
        "unauthorized" => StatusCodes.Status401Unauthorized,
        "forbidden" => StatusCodes.Status403Forbidden,
        ChatErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ChatErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
        "rate_limited" => StatusCodes.Status429TooManyRequests,
        "unavailable" => StatusCodes.Status503ServiceUnavailable,
        ChatErrorCodes.Closed or ChatErrorCodes.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The code of a status the framework answered with on its own.</summary>
    public static string CodeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => ChatErrorCodes.NotFound,
        StatusCodes.Status413PayloadTooLarge => ChatErrorCodes.TooLarge,
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        >= 400 and < 500 => ChatErrorCodes.InvalidArgument,
        _ => "internal",
    };

    /// <summary>A problem result with <paramref name="code"/>.</summary>
    public static IResult Problem(string code, string title) => Results.Problem(
        title: title,
        statusCode: StatusOf(code),
        type: $"https://customerservice.dev/errors/{code}",
        extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Writes a problem directly (middleware that runs before endpoints).</summary>
    public static Task WriteAsync(HttpContext context, string code, string title) =>
        Problem(code, title).ExecuteAsync(context);
}
