import type {
  Agent, AgentInput, Attachment, CannedReply, Conversation, Group, LoginRequest, LoginResponse, Message, Problem, TenantSettings,
} from "../shared/protocol";
import { API_PREFIX } from "../shared/protocol";
import { ownFileUrl } from "../shared/attachments";

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.title ?? `HTTP ${status}`);
  }
}

/** The console's REST calls (docs/protocol.md, REST). Every call but login carries the agent token. */
export class ConsoleRest {
  constructor(private readonly token: () => string | undefined, private readonly onUnauthorized: () => void = () => {}) {}

  login(body: LoginRequest): Promise<LoginResponse> {
    return this.call("POST", "/auth/login", body);
  }
  me(): Promise<Agent> {
    return this.call("GET", "/me");
  }
  conversations(q: Record<string, string | number | undefined>): Promise<Conversation[]> {
    return this.call("GET", `/conversations${query(q)}`);
  }
  search(q: string, limit = 50): Promise<Message[]> {
    return this.call("GET", `/search${query({ q, limit })}`);
  }
  agents(): Promise<Agent[]> {
    return this.call("GET", "/agents");
  }
  createAgent(a: AgentInput): Promise<Agent> {
    return this.call("POST", "/agents", a);
  }
  updateAgent(id: string, a: AgentInput): Promise<Agent> {
    return this.call("PUT", `/agents/${encodeURIComponent(id)}`, a);
  }
  deleteAgent(id: string): Promise<void> {
    return this.call("DELETE", `/agents/${encodeURIComponent(id)}`);
  }
  groups(): Promise<Group[]> {
    return this.call("GET", "/groups");
  }
  createGroup(g: Group): Promise<Group> {
    return this.call("POST", "/groups", g);
  }
  deleteGroup(id: string): Promise<void> {
    return this.call("DELETE", `/groups/${encodeURIComponent(id)}`);
  }
  cannedReplies(): Promise<CannedReply[]> {
    return this.call("GET", "/canned-replies");
  }
  createCannedReply(c: CannedReply): Promise<CannedReply> {
    return this.call("POST", "/canned-replies", c);
  }
  deleteCannedReply(id: string): Promise<void> {
    return this.call("DELETE", `/canned-replies/${encodeURIComponent(id)}`);
  }
  settings(): Promise<TenantSettings> {
    return this.call("GET", "/settings");
  }
  saveSettings(s: TenantSettings): Promise<TenantSettings> {
    return this.call("PUT", "/settings", s);
  }

  async upload(file: File): Promise<Attachment> {
    const form = new FormData();
    form.append("file", file, file.name);
    return this.send("POST", "/agent/uploads", form);
  }

  /** Files need the token, which <img src> cannot send: fetch them and show a blob url. */
  async fileUrl(url: string): Promise<string> {
    const own = ownFileUrl(location.origin, url);
    if (!own) throw new Error("not a file of this server");
    const res = await fetch(own, { headers: this.auth() });
    if (!res.ok) throw await apiError(res);
    return URL.createObjectURL(await res.blob());
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : "application/json");
  }

  private async send<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T> {
    const headers: Record<string, string> = { ...this.auth(), Accept: "application/json" };
    if (contentType) headers["Content-Type"] = contentType;
    const res = await fetch(API_PREFIX + path, { method, headers, body });
    if (res.status === 401 && path !== "/auth/login") this.onUnauthorized();
    if (!res.ok) throw await apiError(res);
    if (res.status === 204 || res.headers.get("Content-Length") === "0") return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private auth(): Record<string, string> {
    const t = this.token();
    return t ? { Authorization: `Bearer ${t}` } : {};
  }
}

function query(q: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

async function apiError(res: Response): Promise<ApiError> {
  let problem: Problem = { status: res.status, title: res.statusText || `HTTP ${res.status}` };
  try {
    problem = { ...problem, ...(await res.json()) };
  } catch {
    /* not problem+json */
  }
  return new ApiError(res.status, problem);
}
