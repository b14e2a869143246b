/** The server's base url from the widget script's own src: the folder it was loaded from, without a trailing "/". */
export function baseUrlOf(src: string): string {
  const u = new URL(src);
  return u.origin + u.pathname.replace(/\/[^/]*$/, "");
}
