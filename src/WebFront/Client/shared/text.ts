/**
 * Message text is always text. These helpers build DOM from it with text nodes only; the one concession is turning
 * http(s) urls into links, which is done by splitting the string, never by parsing it as HTML.
 */

export interface TextPart {
  kind: "text" | "link";
  value: string;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** Splits text into plain parts and http(s) links. Pure, so it is tested without a DOM. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ kind: "text", value: text.slice(last, at) });
    parts.push({ kind: "link", value: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", value: text.slice(last) });
  return parts;
}

/** Appends the message text to a DOM element as text nodes and <a> elements whose label is a text node. */
export function appendMessageText(doc: Document, parent: Element, text: string): void {
  for (const part of splitLinks(text)) {
    if (part.kind === "text") {
      parent.appendChild(doc.createTextNode(part.value));
    } else {
      const a = doc.createElement("a");
      a.href = part.value;
      a.target = "_blank";
      a.rel = "noopener noreferrer nofollow";
      a.textContent = part.value;
      parent.appendChild(a);
    }
  }
}

/** Escapes text for the few places that must build an HTML string (e.g. a notification body never needs it). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
