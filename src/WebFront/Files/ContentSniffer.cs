using System.Text.Unicode;

namespace CustomerService.WebFront.Files;

/// <summary>Decides a file's type from its first bytes, never from its name or the type the uploader claims. Markup
/// (HTML, SVG, XML) is refused whatever it is called, so nothing uploaded can run script on this origin.</summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeaderLength = 512;

    /// <summary>The media type of the content, or null when it is not an accepted type.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "image/gif";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith("PK\x03\x04"u8)) return "application/zip";
        return IsPlainText(head) ? "text/plain" : null;
    }

    /// <summary>Whether browsers may show the type inline (raster images only; never SVG).</summary>
    public static bool IsInlineImage(string contentType) => contentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    private static bool IsPlainText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || head.Contains((byte)0)) return false;
        var text = head;
        // A multi-byte character may be cut at the end of the header: judge the complete part.
        for (var trim = 0; trim < 4 && text.Length > 0 && !Utf8.IsValid(text); trim++) text = text[..^1];
        if (!Utf8.IsValid(text)) return false;
        var start = 0;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) start = 3;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        return start >= text.Length || text[start] != (byte)'<';
    }
}
