using Microsoft.AspNetCore.Identity;

namespace CustomerService.WebFront.Auth;

/// <summary>Hashes and checks agent passwords with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2).</summary>
public sealed class AgentPasswords
{
    private static readonly Credential User = new();
    private readonly PasswordHasher<Credential> hasher = new();
    private readonly Lazy<string> dummy;

    /// <summary>Creates the hasher.</summary>
    public AgentPasswords() => dummy = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));

    /// <summary>The hash to store for <paramref name="password"/>.</summary>
    public string Hash(string password) => hasher.HashPassword(User, password);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>. A null hash (no such agent) still
    /// costs one hash, so timing does not tell which emails exist.</summary>
    public bool Verify(string? hash, string password)
    {
        var result = hasher.VerifyHashedPassword(User, hash ?? dummy.Value, password);
        return hash is not null && result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }

    private sealed class Credential;
}
