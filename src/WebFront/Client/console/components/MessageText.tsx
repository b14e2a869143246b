import { splitLinks } from "../../shared/text";

/** Message text as Preact text children (escaped by Preact), with http(s) urls as links. Never innerHTML. */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((p) => p.kind === "link"
        ? <a href={p.value} target="_blank" rel="noopener noreferrer nofollow">{p.value}</a>
        : p.value)}
    </>
  );
}
