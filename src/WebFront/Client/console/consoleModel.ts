import type { Agent, AgentStatus, CannedReply, Conversation, Group, Message, Participant } from "../shared/protocol";
import { hubErrorText } from "../shared/hubErrors";
import { titleWithUnread } from "../shared/unread";
import { AgentHub } from "./agentHub";
import { Observable } from "./observable";
import { OpenConversation } from "./openConversation";
import { ConsoleRest, ApiError } from "./rest";
import { clearSession, type ConsoleSession, saveSession } from "./session";
import { notify } from "./notifier";
import { belongsTo, type ListName } from "./lists";

export type { ListName };

/**
 * Everything the logged-in console knows: the agent, the conversation lists with unread counts, the open
 * conversation and the lookup data (agents, groups, canned replies). Hub events land here.
 */
export class ConsoleModel extends Observable {
  readonly rest: ConsoleRest;
  readonly hub: AgentHub;
  agent: Agent;
  connected = false;
  readonly conversations = new Map<string, Conversation>();
  lists: Record<ListName, string[]> = { queue: [], mine: [], all: [] };
  waiting = 0;
  readonly unread = new Map<string, number>();
  unreadTotal = 0;
  current?: OpenConversation;
  /** null: the server refused the list (agents may not read /agents); mention and transfer fall back. */
  agents: Agent[] | null = null;
  groups: Group[] = [];
  canned: CannedReply[] = [];
  error = "";
  private refreshTimer?: ReturnType<typeof setTimeout>;

  constructor(private session: ConsoleSession, private readonly onLogout: () => void) {
    super();
    this.agent = session.agent;
    this.rest = new ConsoleRest(() => this.session.token, () => this.logout());
    this.hub = new AgentHub(() => this.session.token, {
      message: (m) => this.onMessage(m),
      read: (e) => this.current?.id === e.conversationId && this.current.onRead(e),
      typing: (e) => this.current?.id === e.conversationId && this.current.onTyping(e),
      conversationAssigned: (c) => {
        this.upsert(c);
        if (c.assignee?.id === this.agent.id) notify("New conversation assigned", c.visitor?.name || "A visitor", () => this.navigate(c.id));
        this.scheduleRefresh();
      },
      conversationUpdated: (c) => {
        this.upsert(c);
        this.scheduleRefresh();
      },
      unread: (e) => {
        this.unread.set(e.conversationId, e.count);
        this.unreadTotal = e.total;
        this.updateTitle();
        this.changed();
      },
      queue: (e) => {
        if (e.waiting !== this.waiting) this.scheduleRefresh();
        this.waiting = e.waiting;
        this.changed();
      },
      mention: (e) => notify(`${e.by.name} mentioned you`, "Open the conversation to read the note.", () => this.navigate(e.conversationId)),
      agentUpdated: (a) => {
        if (a.id === this.agent.id) this.setAgent(a);
      },
      connected: () => void this.onConnected(),
      disconnected: () => {
        this.connected = false;
        this.changed();
      },
      unauthorized: () => this.logout(),
    });
  }

  get self(): Participant {
    return { kind: "agent", id: this.agent.id, name: this.agent.name };
  }

  async start(): Promise<void> {
    document.addEventListener("visibilitychange", () => this.current?.markRead());
    await this.hub.start();
    void this.loadLookups();
  }

  async logout(): Promise<void> {
    clearSession();
    await this.hub.stop().catch(() => {});
    this.onLogout();
  }

  /** Hash routing lives in the App; this asks it to show a conversation. */
  navigate(conversationId: string): void {
    location.hash = `#/inbox/${encodeURIComponent(conversationId)}`;
  }

  private async onConnected(): Promise<void> {
    this.connected = true;
    this.changed();
    await this.refreshLists();
    // The open conversation's subscription died with the old connection: open it again and resume by seq.
    if (this.current) {
      await this.hub.open(this.current.id).then((r) => this.current?.update(r.conversation), () => {});
      await this.current.resume();
    }
  }

  private async loadLookups(): Promise<void> {
    this.canned = await this.rest.cannedReplies().catch(() => []);
    this.groups = await this.rest.groups().catch(() => []);
    this.agents = await this.rest.agents().catch((e) => (e instanceof ApiError && e.status === 403 ? null : []));
    this.changed();
  }

  async refreshLists(): Promise<void> {
    try {
      const [queue, mine, all] = await Promise.all([
        this.hub.listConversations({ status: "open", assignee: "unassigned" }),
        this.hub.listConversations({ assignee: "me" }),
        this.hub.listConversations({ limit: 100 }),
      ]);
      for (const c of [...queue, ...mine, ...all]) this.upsert(c, false);
      this.lists = { queue: queue.map((c) => c.id), mine: mine.map((c) => c.id), all: all.map((c) => c.id) };
      this.waiting = queue.length;
      // The server's unread events carry the exact total; between them, the sum over my conversations.
      this.unreadTotal = mine.reduce((n, c) => n + (this.unread.get(c.id) ?? 0), 0);
      this.updateTitle();
      this.changed();
    } catch (err) {
      this.fail(err);
    }
  }

  /** Lists are re-read after events that move conversations between them; bursts collapse into one read. */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refreshLists(), 400);
  }

  private upsert(c: Conversation, notifyChange = true): void {
    this.conversations.set(c.id, c);
    if (!this.unread.has(c.id) || !notifyChange) this.unread.set(c.id, c.unread);
    if (this.current?.id === c.id) this.current.update(c);
    if (notifyChange) this.changed();
  }

  /** The list's preview of a conversation: its newest message, pushed or (for this agent's own) acked. */
  private preview(m: Message): Conversation | undefined {
    const c = this.conversations.get(m.conversationId);
    if (c && (!c.lastMessage || c.lastMessage.seq < m.seq)) this.conversations.set(c.id, { ...c, lastMessage: m, lastSeq: Math.max(c.lastSeq, m.seq) });
    return c;
  }

  private onMessage(m: Message): void {
    const c = this.preview(m);
    const isOpen = this.current?.id === m.conversationId;
    if (isOpen) this.current!.onMessage(m);
    const fromOthers = !(m.author.kind === "agent" && m.author.id === this.agent.id);
    // Colleagues' conversations are not this agent's business unless they open them.
    const concernsMe = !c || !c.assignee || c.assignee.id === this.agent.id;
    if (fromOthers && concernsMe && !m.private && (!isOpen || document.visibilityState === "hidden")) {
      notify(m.author.name || "New message", m.text || "(attachment)", () => this.navigate(m.conversationId));
    }
    this.changed();
  }

  /** A list's conversations as they are now (see belongsTo). */
  listed(name: ListName): Conversation[] {
    return this.lists[name].map((id) => this.conversations.get(id)).filter((c): c is Conversation => !!c && belongsTo(name, c, this.agent.id));
  }

  async open(id: string): Promise<void> {
    if (this.current?.id === id) return;
    const previous = this.current;
    this.current = undefined;
    this.changed();
    if (previous) void this.hub.leave(previous.id).catch(() => {});
    try {
      const opened = await this.hub.open(id);
      this.current = new OpenConversation(this.hub, opened, this.self, (m) => {
        this.preview(m);
        this.changed();
      });
      this.conversations.set(id, opened.conversation);
      this.current.markRead();
    } catch (err) {
      this.fail(err);
    }
    this.changed();
  }

  closeCurrent(): void {
    if (this.current) void this.hub.leave(this.current.id).catch(() => {});
    this.current = undefined;
    this.changed();
  }

  async setStatus(s: AgentStatus): Promise<void> {
    await this.hub.setStatus(s).then((a) => this.setAgent(a), (e) => this.fail(e));
  }

  async setCapacity(n: number): Promise<void> {
    await this.hub.setCapacity(n).then((a) => this.setAgent(a), (e) => this.fail(e));
  }

  /** Runs a conversation action; the result (a conversation) replaces what we had. */
  async act(action: () => Promise<Conversation>): Promise<void> {
    try {
      this.upsert(await action());
      this.scheduleRefresh();
    } catch (err) {
      this.fail(err);
    }
  }

  fail(err: unknown): void {
    this.error = err instanceof ApiError ? err.message : hubErrorText(err);
    this.changed();
  }

  clearError(): void {
    this.error = "";
    this.changed();
  }

  private setAgent(a: Agent): void {
    this.agent = a;
    this.session = { ...this.session, agent: a };
    saveSession(this.session);
    this.changed();
  }

  private updateTitle(): void {
    document.title = titleWithUnread("Console · CustomerService", this.unreadTotal);
  }
}
