import type { Attachment, Message } from "../../shared/protocol";
import { formatSize, isRasterImage } from "../../shared/attachments";
import { appendMessageText } from "../../shared/text";
import { h } from "./dom";

/** Loads an attachment with the visitor token and hands back a blob url (cached by the caller). */
export type FileLoader = (a: Attachment) => Promise<string>;

/** One message bubble. Text goes in as text nodes; only raster images are shown inline. */
export function messageElement(m: Pick<Message, "author" | "text" | "attachments"> & { sentAt?: string }, mine: boolean, load: FileLoader): HTMLElement {
  const kind = m.author.kind === "system" ? "system" : mine ? "mine" : "theirs";
  const el = h("div", { class: `msg ${kind}` });
  if (m.sentAt) el.title = new Date(m.sentAt).toLocaleString();
  if (kind === "theirs" && m.author.name) el.appendChild(h("span", { class: "who" }, m.author.name));
  if (m.text) appendMessageText(document, el, m.text);
  for (const a of m.attachments ?? []) el.appendChild(attachmentElement(a, load));
  return el;
}

function attachmentElement(a: Attachment, load: FileLoader): HTMLElement {
  if (isRasterImage(a)) {
    const img = h("img", { alt: a.fileName, loading: "lazy" });
    load(a).then((url) => (img.src = url), () => (img.alt = `${a.fileName} (could not load)`));
    return img;
  }
  // Other files are a download link; the blob url is made on click so the list does not fetch every file.
  const link = h("a", { class: "file", href: "#", attrs: { download: a.fileName } }, `${a.fileName} (${formatSize(a.size)})`);
  link.addEventListener("click", async (ev) => {
    if (link.dataset.ready) return;
    ev.preventDefault();
    try {
      link.href = await load(a);
      link.dataset.ready = "1";
      link.click();
    } catch {
      link.textContent = `${a.fileName} (could not load)`;
    }
  });
  return link;
}
