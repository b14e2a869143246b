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

/** Attachment urls are server paths (/api/v1/files/...); only http(s) urls relative to the server are followed. */
export function attachmentHref(baseUrl: string, url: string): string {
  const resolved = new URL(url, baseUrl + "/");
  return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : "#";
}
