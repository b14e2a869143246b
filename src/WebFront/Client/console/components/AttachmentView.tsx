import { useEffect, useState } from "preact/hooks";
import type { Attachment } from "../../shared/protocol";
import { formatSize, isRasterImage } from "../../shared/attachments";
import type { ConsoleRest } from "../rest";

const urls = new Map<string, Promise<string>>();

function blobUrl(rest: ConsoleRest, a: Attachment): Promise<string> {
  let u = urls.get(a.id);
  if (!u) {
    u = rest.fileUrl(a.url);
    u.catch(() => urls.delete(a.id));
    urls.set(a.id, u);
  }
  return u;
}

/** Raster images inline; any other type only as a download link. */
export function AttachmentView({ a, rest }: { a: Attachment; rest: ConsoleRest }) {
  const [src, setSrc] = useState<string>();
  const raster = isRasterImage(a);
  useEffect(() => {
    if (raster) void blobUrl(rest, a).then(setSrc, () => {});
  }, [a.id]);
  if (raster) return src ? <img class="attachment" src={src} alt={a.fileName} /> : <span class="attachment">{a.fileName}</span>;
  const download = async (ev: MouseEvent) => {
    ev.preventDefault();
    const link = document.createElement("a");
    link.href = await blobUrl(rest, a);
    link.download = a.fileName;
    link.click();
  };
  return <a class="attachment file" href="#" onClick={download}>{a.fileName} ({formatSize(a.size)})</a>;
}
