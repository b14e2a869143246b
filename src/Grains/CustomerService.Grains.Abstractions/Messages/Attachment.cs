using CustomerService.Runtime;

namespace CustomerService.Grains;

/// <summary>Metadata of a file sent with a message; the bytes live elsewhere, at <paramref name="Url"/>.</summary>
/// <param name="Id">The upload's id.</param>
/// <param name="FileName">The file name as the sender gave it.</param>
/// <param name="ContentType">The checked media type, e.g. <c>image/png</c>.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Url">Where clients fetch the file.</param>
[Immutable]
[Alias("attachment")]
public sealed record Attachment(string Id, string FileName, string ContentType, long Size, string Url);
