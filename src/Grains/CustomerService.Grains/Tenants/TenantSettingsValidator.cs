using System.Collections.Immutable;

namespace CustomerService.Grains.Tenants;

/// <summary>Checks tenant settings; every refusal is <c>invalid_argument</c> naming the (wire) field.</summary>
internal static class TenantSettingsValidator
{
    public const int MinSecretLength = 16;
    public static readonly ImmutableArray<string> PreChatFields = ["name", "email", "question"];

    public static void Validate(TenantSettings? settings)
    {
        if (settings is null) throw Refuse.Invalid("settings", "required.");
        if (string.IsNullOrWhiteSpace(settings.Name)) throw Refuse.Invalid("name", "required.");
        Refuse.Length("name", settings.Name, 1, 100);
        if (!IsColor(settings.PrimaryColor)) throw Refuse.Invalid("primaryColor", "use #rrggbb.");
        if (settings.Greeting is null) throw Refuse.Invalid("greeting", "required (may be empty).");
        Refuse.Length("greeting", settings.Greeting, 0, 1000);
        if (settings.OfflineMessage is null) throw Refuse.Invalid("offlineMessage", "required (may be empty).");
        Refuse.Length("offlineMessage", settings.OfflineMessage, 0, 1000);
        ValidatePreChat(settings.PreChatForm);
        ValidateOrigins(settings.AllowedOrigins);
        if (settings.IdentitySecret is null || settings.IdentitySecret.Length < MinSecretLength || settings.IdentitySecret.Length > 200)
            throw Refuse.Invalid("identitySecret", $"use {MinSecretLength} to 200 characters.");
        if (settings.Routing is null) throw Refuse.Invalid("routing", "required.");
        if (settings.Routing.UnansweredReassignAfterSeconds is < 0 or > 86_400)
            throw Refuse.Invalid("routing.unansweredReassignAfterSeconds", "use 0 (never) to 86400.");
        Refuse.Length("businessHours", settings.BusinessHours, 0, 200);
    }

    private static bool IsColor(string? color) =>
        color is { Length: 7 } && color[0] == '#' && color.Skip(1).All(char.IsAsciiHexDigit);

    private static void ValidatePreChat(PreChatForm? form)
    {
        if (form is null) throw Refuse.Invalid("preChatForm", "required.");
        var fields = form.Fields.IsDefault ? [] : form.Fields;
        foreach (var field in fields)
            if (!PreChatFields.Contains(field)) throw Refuse.Invalid("preChatForm.fields", "use name, email and question.");
        if (fields.Distinct(StringComparer.Ordinal).Count() != fields.Length)
            throw Refuse.Invalid("preChatForm.fields", "each field at most once.");
    }

    private static void ValidateOrigins(ImmutableArray<string> origins)
    {
        if (origins.IsDefault) return;
        if (origins.Length > 50) throw Refuse.Invalid("allowedOrigins", "at most 50.");
        foreach (var origin in origins)
            if (!IsOrigin(origin)) throw Refuse.Invalid("allowedOrigins", $"'{Shorten(origin)}' is neither * nor an http(s) origin like https://example.com (no path).");
    }

    /// <summary><c>*</c>, or exactly <c>scheme://host[:port]</c> with scheme http or https.</summary>
    public static bool IsOrigin(string? origin) =>
        origin == "*" ||
        (origin is { Length: <= 300 } &&
         Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
         (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
         string.IsNullOrEmpty(uri.UserInfo) &&
         string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string? value) => value is null ? "null" : value.Length <= 60 ? value : value[..60] + "…";
}
