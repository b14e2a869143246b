using Microsoft.Playwright;

namespace CustomerService.Browser.Tests;

/// <summary>Launches Debian's chromium through Playwright. Playwright's own browser download cannot work on these
/// machines, so the system browser is used; ./test.sh installs it when missing.</summary>
internal static class Chromium
{
    // Without these, chromium keeps trying to reach hosts this network cannot reach, and refuses to run as root.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    public static string ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
        ?? throw new InvalidOperationException(
            "Chromium was not found at /usr/bin/chromium. Install it with 'apt-get install -y chromium' (./test.sh does), or set CHROMIUM_PATH.");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = 30_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
