/**
 * Black or white text for a background given as the browser's computed "rgb(r, g, b)": a tenant may pick a light
 * primary colour, and white on yellow is unreadable. WCAG relative luminance, threshold where both contrasts meet.
 */
export function readableTextOn(rgb: string): "#000" | "#fff" {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(rgb);
  if (!m) return "#fff";
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? "#000" : "#fff";
}
