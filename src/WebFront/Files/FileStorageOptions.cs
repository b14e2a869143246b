namespace CustomerService.WebFront.Files;

/// <summary>Where uploads are kept and how big they may be, bound from <c>WebFront:Files</c>.</summary>
public sealed class FileStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WebFront:Files";

    /// <summary>The directory of uploaded files (one folder per tenant). Front-ends of a cluster must share it.</summary>
    public string Directory { get; set; } = "./data/files";

    /// <summary>The largest upload in bytes.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
