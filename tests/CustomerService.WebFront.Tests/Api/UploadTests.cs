using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerService.WebFront.Tests.Hubs;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Api;

[Collection(DemoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UploadTests(DemoFixture fixture) : HubTestBase(fixture.Host, fixture.Node)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task APngIsStoredAndServedInlineWithNosniff()
    {
        var token = (await Host.SessionAsync()).GetProperty("visitorToken").GetString()!;
        var (status, attachment) = await UploadAsync(token, Png, "pixel.png");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        Assert.Equal(Png.Length, attachment.GetProperty("size").GetInt64());

        using var file = await Host.GetAsync(attachment.GetProperty("url").GetString()!, token);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join("", file.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync().Within());
    }

    [Fact]
    public async Task HtmlOrSvgNamedAsAnImageIsRefused()
    {
        var token = (await Host.SessionAsync()).GetProperty("visitorToken").GetString()!;
        foreach (var markup in new[] { "<html><script>alert(1)</script></html>", "  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>" })
        {
            var (status, problem) = await UploadAsync(token, Encoding.UTF8.GetBytes(markup), "cat.png", "image/png");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid_argument", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task PlainTextIsServedAsAnAttachmentNeverInline()
    {
        var token = await Host.LoginAsync();
        var (status, attachment) = await UploadAsync(token, Encoding.UTF8.GetBytes("order 42: two mugs"), "order.html", "text/html", agent: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/plain", attachment.GetProperty("contentType").GetString());
        using var file = await Host.GetAsync(attachment.GetProperty("url").GetString()!, token);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join("", file.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task AFileNeedsATokenOfItsTenant()
    {
        var token = (await Host.SessionAsync()).GetProperty("visitorToken").GetString()!;
        var (_, attachment) = await UploadAsync(token, Png, "pixel.png");
        var url = attachment.GetProperty("url").GetString()!;
        using var anonymous = await Host.GetAsync(url, null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        await Tenants.EnsureAcmeAsync(Host.Grains);
        var acme = (await Host.SessionAsync(new { tenant = Tenants.Acme })).GetProperty("visitorToken").GetString();
        using var foreign = await Host.GetAsync(url, acme);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task AnUploadTravelsWithAMessageAsTheServerRecordedIt()
    {
        var (visitor, token) = await VisitorAsync();
        var (_, attachment) = await UploadAsync(token, Png, "pixel.png");
        var id = attachment.GetProperty("id").GetString();
        await Node.InvokeAsync(visitor, "SendMessage", new
        {
            clientMessageId = Guid.NewGuid().ToString(),
            text = "",
            attachments = new[] { new { id, fileName = "evil.html", contentType = "text/html", size = 1, url = "https://evil.example" } },
        });
        var sent = (await Node.InvokeAsync(visitor, "Resume", 0))[0].GetProperty("attachments")[0];
        Assert.Equal("pixel.png", sent.GetProperty("fileName").GetString());
        Assert.Equal("image/png", sent.GetProperty("contentType").GetString());
        Assert.StartsWith("/api/v1/files/demo/", sent.GetProperty("url").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string token, byte[] bytes, string fileName, string? claimedType = null, bool agent = false)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        if (claimedType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(content, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, agent ? "/api/v1/agent/uploads" : "/api/v1/widget/uploads") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Host.Http.SendAsync(request).Within();
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>().Within());
    }
}
