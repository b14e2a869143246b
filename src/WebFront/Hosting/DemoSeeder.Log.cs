using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Hosting;

internal sealed partial class DemoSeeder
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Seed: created tenant '{Tenant}'.")]
    private static partial void TenantCreated(ILogger logger, string tenant);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning,
        Message = "Seed: created admin {Email} of tenant '{Tenant}' with the generated password: {Password}  (printed only this once; set Seed:AdminPassword to choose it)")]
    private static partial void AdminCreatedWithGeneratedPassword(ILogger logger, string email, string tenant, string password);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Seed: created admin {Email} of tenant '{Tenant}' with the password from Seed:AdminPassword.")]
    private static partial void AdminCreated(ILogger logger, string email, string tenant);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Seed: could not create the demo tenant and admin.")]
    private static partial void SeedFailed(ILogger logger, Exception exception);
}
