using System.Security.Cryptography;
using System.Text.Json;
using CustomerService.Grains;
using CustomerService.Grains.Conversations;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Files;

/// <summary>Uploaded files on disk: <c>{Directory}/{tenant}/{id}</c> with a metadata file beside it. Ids are 128
/// random bits, so a file cannot be guessed; tenants' files never mix.</summary>
public sealed class FileStore(IOptions<FileStorageOptions> options, TimeProvider time)
{
    /// <summary>Stores an upload after checking its size and its type by content.</summary>
    public async Task<Attachment> SaveAsync(string tenant, string uploader, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxBytes;
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var folder = TenantFolder(tenant);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, id);
        var head = new byte[ContentSniffer.HeaderLength];
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (size < head.Length) buffer.AsSpan(0, (int)Math.Min(read, head.Length - size)).CopyTo(head.AsSpan((int)size));
                    size += read;
                    if (size > max) throw new ChatException("too_large", $"The file is larger than {max} bytes.");
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size == 0) throw new ChatException(ChatErrorCodes.InvalidArgument, "The file is empty.");
            var contentType = ContentSniffer.Detect(head.AsSpan(0, (int)Math.Min(size, head.Length)))
                ?? throw new ChatException(ChatErrorCodes.InvalidArgument,
                    "This file type is not accepted: send an image (PNG, JPEG, GIF, WebP), a PDF, a ZIP archive or plain text.");
            var name = SafeFileName(fileName);
            var metadata = new StoredFile(name, contentType, size, uploader, time.GetUtcNow());
            await File.WriteAllTextAsync(path + ".json", JsonSerializer.Serialize(metadata), cancellationToken);
            return ToAttachment(tenant, id, metadata);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A stored file of the tenant, or null.</summary>
    public async Task<(Attachment Attachment, string Path)?> FindAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(id) || !TenantIds.IsValid(tenant)) return null;
        var path = Path.Combine(TenantFolder(tenant), id);
        if (!File.Exists(path + ".json")) return null;
        var metadata = JsonSerializer.Deserialize<StoredFile>(await File.ReadAllTextAsync(path + ".json", cancellationToken));
        return metadata is null ? null : (ToAttachment(tenant, id, metadata), path);
    }

    private string TenantFolder(string tenant) => Path.Combine(Path.GetFullPath(options.Value.Directory), tenant);

    private static Attachment ToAttachment(string tenant, string id, StoredFile f) =>
        new(id, f.FileName, f.ContentType, f.Size, $"/api/v1/files/{tenant}/{id}");

    private static bool IsValidId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/')).ToArray());
        if (name.Length > 200) name = name[..200];
        return name.Length == 0 ? "file" : name;
    }

    private sealed record StoredFile(string FileName, string ContentType, long Size, string Uploader, DateTimeOffset UploadedAt);
}
