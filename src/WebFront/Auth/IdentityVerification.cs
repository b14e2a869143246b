using System.Security.Cryptography;
using System.Text;

namespace CustomerService.WebFront.Auth;

/// <summary>Checks a widget session's <c>userHash</c>: hex HMAC-SHA256 of the host site's user id keyed with the
/// tenant's identity secret, compared in constant time.</summary>
public static class IdentityVerification
{
    /// <summary>Whether <paramref name="userHash"/> proves <paramref name="userId"/> for a tenant with
    /// <paramref name="identitySecret"/>.</summary>
    public static bool IsValid(string identitySecret, string userId, string userHash)
    {
        if (string.IsNullOrEmpty(identitySecret) || userHash.Length != 64) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(userHash);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(identitySecret), Encoding.UTF8.GetBytes(userId));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The hash a host site computes (for tests and docs).</summary>
    public static string Compute(string identitySecret, string userId) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(identitySecret), Encoding.UTF8.GetBytes(userId))).ToLowerInvariant();
}
