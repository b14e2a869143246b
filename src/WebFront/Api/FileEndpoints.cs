using System.Security.Claims;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CustomerService.WebFront.Api;

/// <summary>Uploads (<c>/widget/uploads</c>, <c>/agent/uploads</c>) and downloads (<c>/files/{tenant}/{id}</c>).
/// Types are decided by content; only raster images are ever shown inline, everything else is a download, and
/// <c>nosniff</c> keeps browsers from guessing otherwise.</summary>
internal static class FileEndpoints
{
    public static RouteGroupBuilder MapFileEndpoints(this RouteGroupBuilder api, long maxBytes)
    {
        var limit = new RequestSizeLimitAttribute(maxBytes + 64 * 1024);
        api.MapPost("/widget/uploads", Upload).WithTags("files").RequireCors(CorsPolicies.Widget)
            .RequireAuthorization(AuthExtensions.VisitorPolicy).DisableAntiforgery().WithMetadata(limit);
        api.MapPost("/agent/uploads", Upload).WithTags("files")
            .RequireAuthorization(AuthExtensions.AgentPolicy).DisableAntiforgery().WithMetadata(limit);
        api.MapGet("/files/{tenant}/{id}", Download).WithTags("files").RequireCors(CorsPolicies.Widget)
            .RequireAuthorization(AuthExtensions.ParticipantPolicy);
        return api;
    }

    private static async Task<IResult> Upload(IFormFile? file, ClaimsPrincipal user, FileStore files, CancellationToken cancellationToken)
    {
        if (file is null) return ApiProblems.Problem("invalid_argument", "Send the file as multipart form field 'file'.");
        await using var stream = file.OpenReadStream();
        var attachment = await files.SaveAsync(user.TenantId(), user.SubjectKey(), file.FileName, stream, cancellationToken);
        return Results.Ok(attachment);
    }

    private static async Task<IResult> Download(string tenant, string id, ClaimsPrincipal user, FileStore files, HttpContext http)
    {
        if (tenant != user.TenantId()) return ApiProblems.Problem("not_found", "No such file.");
        var found = await files.FindAsync(tenant, id, http.RequestAborted);
        if (found is not { } f) return ApiProblems.Problem("not_found", "No such file.");
        var headers = http.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        headers[HeaderNames.CacheControl] = "private, max-age=86400";
        var inline = ContentSniffer.IsInlineImage(f.Attachment.ContentType);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(f.Attachment.FileName);
        headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return Results.File(f.Path, f.Attachment.ContentType);
    }
}
