import type { Attachment, WidgetSessionRequest, WidgetSessionResponse, WidgetSettings } from "../shared/protocol";
import { API_PREFIX } from "../shared/protocol";
import { ownFileUrl } from "../shared/attachments";

/** The widget's REST calls: the session and uploads. */
export class WidgetRest {
  constructor(private readonly baseUrl: string) {}

  async createSession(body: WidgetSessionRequest): Promise<WidgetSessionResponse> {
    const res = await fetch(`${this.baseUrl}${API_PREFIX}/widget/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw await problem(res);
    return res.json();
  }

  async getSettings(tenant: string): Promise<WidgetSettings> {
    const res = await fetch(`${this.baseUrl}${API_PREFIX}/widget/settings?tenant=${encodeURIComponent(tenant)}`);
    if (!res.ok) throw await problem(res);
    return res.json();
  }

  async upload(file: File, token: string): Promise<Attachment> {
    const form = new FormData();
    form.append("file", file, file.name);
    const res = await fetch(`${this.baseUrl}${API_PREFIX}/widget/uploads`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    if (!res.ok) throw await problem(res);
    return res.json();
  }

  /** Files need the visitor token, which an <img src> cannot send, so they are fetched and shown as blob urls. */
  async fetchFile(url: string, token: string): Promise<Blob> {
    const own = ownFileUrl(this.baseUrl, url);
    if (!own) throw new Error("not a file of this server");
    const res = await fetch(own, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw await problem(res);
    return res.blob();
  }
}

export class ProblemError extends Error {
  constructor(readonly status: number, readonly code: string | undefined, title: string) {
    super(title);
  }
}

async function problem(res: Response): Promise<ProblemError> {
  let code: string | undefined;
  let title = res.statusText || `HTTP ${res.status}`;
  try {
    const p = await res.json();
    code = p.code;
    title = p.title ?? title;
  } catch {
    /* not problem+json */
  }
  return new ProblemError(res.status, code, title);
}
