import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import type {
  Ack, Agent, AgentQueueEvent, AgentSendMessage, AgentStatus, AgentUnreadEvent, Conversation, ConversationStatus,
  ListConversationsQuery, MentionEvent, Message, OpenResult, ReadEvent, TransferTarget, TypingEvent, VisitorDetails,
} from "../shared/protocol";
import { HUB_PATHS } from "../shared/protocol";

export interface AgentHubEvents {
  message(m: Message): void;
  read(e: ReadEvent): void;
  typing(e: TypingEvent): void;
  conversationAssigned(c: Conversation): void;
  conversationUpdated(c: Conversation): void;
  unread(e: AgentUnreadEvent): void;
  queue(e: AgentQueueEvent): void;
  mention(e: MentionEvent): void;
  agentUpdated(a: Agent): void;
  connected(): void;
  disconnected(): void;
  unauthorized(): void;
}

/** The /hubs/agent connection with one typed method per hub method of docs/protocol.md. */
export class AgentHub {
  private connection?: HubConnection;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(private readonly token: () => string, private readonly events: AgentHubEvents) {}

  get isConnected(): boolean {
    return this.connection?.state === HubConnectionState.Connected;
  }

  async start(): Promise<void> {
    const c = new HubConnectionBuilder()
      .withUrl(HUB_PATHS.agent, { accessTokenFactory: this.token })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => (ctx.previousRetryCount < 6 ? delay(ctx.previousRetryCount) : null) })
      .configureLogging(LogLevel.Warning)
      .build();
    const e = this.events;
    for (const name of ["message", "read", "typing", "conversationAssigned", "conversationUpdated", "unread", "queue", "mention", "agentUpdated"] as const) {
      c.on(name, (arg: never) => (e[name] as (x: never) => void)(arg));
    }
    c.onreconnecting(() => e.disconnected());
    c.onreconnected(() => e.connected());
    c.onclose(() => {
      e.disconnected();
      this.retry(0);
    });
    this.connection = c;
    await this.connect(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.connection?.stop();
  }

  private async connect(attempt: number): Promise<void> {
    if (this.stopped || !this.connection) return;
    try {
      await this.connection.start();
      this.events.connected();
    } catch (err) {
      if ((err as { statusCode?: number })?.statusCode === 401) return this.events.unauthorized();
      this.retry(attempt + 1);
    }
  }

  private retry(attempt: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(attempt), delay(attempt));
  }

  setStatus = (s: AgentStatus) => this.invoke<Agent>("SetStatus", s);
  setCapacity = (n: number) => this.invoke<Agent>("SetCapacity", n);
  listConversations = (q: ListConversationsQuery) => this.invoke<Conversation[]>("ListConversations", q);
  open = (id: string) => this.invoke<OpenResult>("Open", id);
  leave = (id: string) => this.invoke<void>("Leave", id);
  accept = (id: string) => this.invoke<Conversation>("Accept", id);
  sendMessage = (m: AgentSendMessage) => this.invoke<Ack>("SendMessage", m);
  markRead = (id: string, seq: number) => this.invoke<void>("MarkRead", id, seq);
  markUnread = (id: string) => this.invoke<void>("MarkUnread", id);
  typing = (id: string, isTyping: boolean) => this.invoke<void>("Typing", id, isTyping);
  transfer = (id: string, to: TransferTarget) => this.invoke<Conversation>("Transfer", id, to);
  // Optional arguments are always sent (as null): a .NET hub method binds by argument count.
  setConversationStatus = (id: string, status: ConversationStatus, snoozedUntil?: string) =>
    this.invoke<Conversation>("SetConversationStatus", id, status, snoozedUntil ?? null);
  close = (id: string) => this.invoke<Conversation>("Close", id);
  reopen = (id: string) => this.invoke<Conversation>("Reopen", id);
  addLabel = (id: string, label: string) => this.invoke<Conversation>("AddLabel", id, label);
  removeLabel = (id: string, label: string) => this.invoke<Conversation>("RemoveLabel", id, label);
  resume = (id: string, lastSeq: number) => this.invoke<Message[]>("Resume", id, lastSeq);
  getHistory = (id: string, beforeSeq: number | null, limit: number) => this.invoke<Message[]>("GetHistory", id, beforeSeq, limit);
  getVisitor = (id: string) => this.invoke<VisitorDetails>("GetVisitor", id);

  // A click made while the hub is (re)connecting is carried out once it is back, rather than refused at once;
  // only a connection that stays down for the whole wait fails the call.
  private async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    for (let waited = 0; !this.isConnected; waited += CONNECT_POLL_MS) {
      if (this.stopped || waited >= CONNECT_WAIT_MS) throw new Error("not connected");
      await new Promise((resolve) => setTimeout(resolve, CONNECT_POLL_MS));
    }
    return this.connection!.invoke<T>(method, ...args);
  }
}

const CONNECT_WAIT_MS = 10_000;
const CONNECT_POLL_MS = 100;

function delay(attempt: number): number {
  const base = Math.min(15_000, 500 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}
