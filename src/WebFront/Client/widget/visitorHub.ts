import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import type {
  Ack, Conversation, Message, ReadEvent, TypingEvent, VisitorQueueEvent, VisitorSendMessage, VisitorUnreadEvent,
} from "../shared/protocol";
import { HUB_PATHS } from "../shared/protocol";

export interface VisitorHubEvents {
  message(m: Message): void;
  read(e: ReadEvent): void;
  typing(e: TypingEvent): void;
  conversationUpdated(c: Conversation): void;
  unread(e: VisitorUnreadEvent): void;
  queue(e: VisitorQueueEvent): void;
  /** Connected for the first time or again after a drop: resume and resend now. */
  connected(): void;
  disconnected(): void;
  /** The server refused the token (expired or from another deployment): get a new one before the next attempt. */
  unauthorized(): Promise<void>;
}

/** The /hubs/visitor connection. It reconnects forever with backoff; the caller resumes on every `connected`. */
export class VisitorHub {
  private connection?: HubConnection;
  private restartTimer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(private readonly baseUrl: string, private readonly token: () => string, private readonly events: VisitorHubEvents) {}

  get isConnected(): boolean {
    return this.connection?.state === HubConnectionState.Connected;
  }

  async start(): Promise<void> {
    this.stopped = false;
    const c = new HubConnectionBuilder()
      // The widget runs on the customer's origin: no cookies, so the server's CORS policy needs no credentials.
      .withUrl(this.baseUrl + HUB_PATHS.visitor, { accessTokenFactory: this.token, withCredentials: false })
      // After a few quick attempts the connection closes and connect() takes over, which can renew the token.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => (ctx.previousRetryCount < 6 ? backoff(ctx.previousRetryCount) : null) })
      .configureLogging(LogLevel.None)
      .build();
    const e = this.events;
    c.on("message", (m: Message) => e.message(m));
    c.on("read", (x: ReadEvent) => e.read(x));
    c.on("typing", (x: TypingEvent) => e.typing(x));
    c.on("conversationUpdated", (x: Conversation) => e.conversationUpdated(x));
    c.on("unread", (x: VisitorUnreadEvent) => e.unread(x));
    c.on("queue", (x: VisitorQueueEvent) => e.queue(x));
    c.onreconnecting(() => e.disconnected());
    c.onreconnected(() => e.connected());
    c.onclose(() => {
      e.disconnected();
      this.scheduleRestart(0);
    });
    this.connection = c;
    await this.connect(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.connection?.stop();
  }

  /** Drops the connection and connects again at once, so the server sees a renewed token (e.g. the visitor's name). */
  async reconnect(): Promise<void> {
    if (!this.connection || this.stopped) return;
    this.stopped = true;
    clearTimeout(this.restartTimer);
    try {
      await this.connection.stop();
    } finally {
      this.stopped = false;
    }
    await this.connect(0);
  }

  private async connect(attempt: number): Promise<void> {
    // Another path (a restart timer, reconnect()) got there first: starting twice would fail and retry forever.
    if (this.stopped || !this.connection || this.connection.state !== HubConnectionState.Disconnected) return;
    try {
      await this.connection.start();
      this.events.connected();
    } catch (err) {
      if ((err as { statusCode?: number })?.statusCode === 401) await this.events.unauthorized().catch(() => {});
      this.scheduleRestart(attempt + 1);
    }
  }

  private scheduleRestart(attempt: number): void {
    if (this.stopped) return;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.connect(attempt), backoff(attempt));
  }

  sendMessage(req: VisitorSendMessage): Promise<Ack> {
    return this.invoke("SendMessage", req);
  }
  markRead(seq: number): Promise<void> {
    return this.invoke("MarkRead", seq);
  }
  // Optional arguments are always sent (as null): a .NET hub method binds by argument count.
  typing(isTyping: boolean, draft?: string): Promise<void> {
    return this.invoke("Typing", isTyping, isTyping ? draft ?? null : null);
  }
  resume(lastSeq: number): Promise<Message[]> {
    return this.invoke("Resume", lastSeq);
  }
  getConversation(): Promise<Conversation | null> {
    return this.invoke("GetConversation");
  }
  rate(score: number, comment?: string): Promise<void> {
    return this.invoke("Rate", score, comment ?? null);
  }

  private invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    if (!this.connection || !this.isConnected) return Promise.reject(new Error("not connected"));
    return this.connection.invoke<T>(method, ...args);
  }
}

/** 0.5 s, 1 s, 2 s ... capped at 30 s, with jitter so a restarted server is not hit by every widget at once. */
function backoff(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}
