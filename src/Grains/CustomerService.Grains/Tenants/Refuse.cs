using System.Security.Cryptography;
using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Tenants;

/// <summary>The refusals and id rules the tenant, agent and visitor grains share: every refusal names the field.</summary>
internal static class Refuse
{
    private const string UrlSafe = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static ChatException Invalid(string field, string problem) =>
        new(ChatErrorCodes.InvalidArgument, $"{field}: {problem}");

    public static ChatException NotFound(string what) => new(ChatErrorCodes.NotFound, $"{what} does not exist.");

    public static ChatException Conflict(string field, string problem) => new(ChatErrorCodes.Conflict, $"{field}: {problem}");

    /// <summary>Ids chosen by admins or generated here: 1..40 of <c>[a-z0-9_-]</c>, safe in URLs and grain keys.</summary>
    public static bool IsUrlSafeId(string? id) =>
        id is { Length: >= 1 and <= 40 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    public static void UrlSafeId(string field, string? id)
    {
        if (!IsUrlSafeId(id)) throw Invalid(field, "use 1 to 40 characters of a-z, 0-9, '-' and '_'.");
    }

    public static void Length(string field, string? value, int min, int max)
    {
        var length = value?.Length ?? 0;
        if (length < min || length > max)
            throw Invalid(field, min == 0 ? $"at most {max} characters." : $"use {min} to {max} characters.");
    }

    /// <summary>A random id of <paramref name="length"/> characters of <c>[a-z0-9]</c>.</summary>
    public static string NewId(int length = 16) => RandomNumberGenerator.GetString(UrlSafe, length);
}
