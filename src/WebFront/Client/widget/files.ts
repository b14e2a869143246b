import type { Attachment } from "../shared/protocol";
import { hubErrorCode, hubErrorText } from "../shared/hubErrors";
import { ProblemError, type WidgetRest } from "./rest";

/** Uploads and downloads with the visitor token. Downloads become blob urls, cached per attachment id. */
export class WidgetFiles {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(private readonly rest: WidgetRest, private readonly token: () => string) {}

  load(a: Attachment): Promise<string> {
    let url = this.urls.get(a.id);
    if (!url) {
      url = this.rest.fetchFile(a.url, this.token()).then((b) => URL.createObjectURL(b));
      url.catch(() => this.urls.delete(a.id));
      this.urls.set(a.id, url);
    }
    return url;
  }

  upload(file: File): Promise<Attachment> {
    return this.rest.upload(file, this.token());
  }
}

/** What to tell the visitor when an upload failed. */
export function uploadErrorText(err: unknown): string {
  const code = err instanceof ProblemError ? err.code : hubErrorCode(err);
  return code === "too_large" ? "That file is too large." : `Could not send the file: ${hubErrorText(err)}`;
}
