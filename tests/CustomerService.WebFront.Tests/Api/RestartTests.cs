using System.Net;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Api;

[Trait("Category", "Integration")]
public sealed class RestartTests
{
    [Fact]
    public async Task TokensAndTheSeededAdminSurviveARestart()
    {
        string agentToken, visitorToken, data;
        await using (var first = await WebFrontHost.StartAsync())
        {
            data = first.DataDirectory;
            agentToken = await first.LoginAsync();
            visitorToken = (await first.SessionAsync()).GetProperty("visitorToken").GetString()!;
        }

        await using var second = await WebFrontHost.StartAsync(dataDirectory: data);
        using var me = await second.GetAsync("/api/v1/me", agentToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        // Authenticated (404: no such file) rather than refused (401): the visitor token is still valid.
        using var file = await second.GetAsync($"/api/v1/files/demo/{new string('0', 32)}", visitorToken);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.NotEmpty(await second.LoginAsync());
    }
}
