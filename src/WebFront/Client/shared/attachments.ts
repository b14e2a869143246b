import type { Attachment } from "./protocol";

// Only these are shown inline: SVG can carry script, and other types may be anything the uploader named them.
const RASTER_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export function isRasterImage(a: Pick<Attachment, "contentType">): boolean {
  return RASTER_IMAGE_TYPES.has(a.contentType.toLowerCase().split(";")[0].trim());
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The absolute url of an attachment if it is a file on our own server, else undefined. Files are fetched with the
 * user's token, so a forged attachment pointing elsewhere must never be fetched: it would hand the token over.
 */
export function ownFileUrl(baseUrl: string, url: string): string | undefined {
  try {
    const base = new URL(baseUrl + "/");
    const u = new URL(url, base);
    return u.origin === base.origin && u.pathname.startsWith("/api/v1/files/") ? u.href : undefined;
  } catch {
    return undefined;
  }
}
