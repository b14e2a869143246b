import type {
  Attachment, Conversation, Message, Participant, ReadEvent, TypingEvent, VisitorQueueEvent, VisitorSendMessage,
  WidgetSessionRequest, WidgetSettings,
} from "../shared/protocol";
import { newClientMessageId } from "../shared/ids";
import { Outbox } from "../shared/outbox";
import { TypingNotifier } from "../shared/typingNotifier";
import { MessageFeed } from "./messageFeed";
import { UnreadCounter } from "./unreadCounter";
import { chooseCard } from "./cards";
import { WidgetRest } from "./rest";
import { WidgetFiles, uploadErrorText } from "./files";
import { loadVisitor, saveVisitor, type StoredVisitor } from "./storage";
import { VisitorHub } from "./visitorHub";
import { Panel } from "./ui/panel";
import { MessageList } from "./ui/messageList";
import type { ContactDetails } from "./ui/forms";
import { CardView } from "./ui/cardView";
import { formatWait } from "./wait";

export interface Identity {
  userId?: string;
  userHash?: string;
  name?: string;
  email?: string;
}

/** The widget's state and flows; the Panel draws, the VisitorHub talks, this decides. */
export class Widget {
  private readonly rest: WidgetRest;
  private readonly panel: Panel;
  private readonly list: MessageList;
  private readonly outbox = new Outbox<VisitorSendMessage>();
  private readonly typing: TypingNotifier;
  private readonly unread = new UnreadCounter();
  private readonly files: WidgetFiles;
  private readonly cards: CardView;
  private readonly feed: MessageFeed;
  private settings?: WidgetSettings;
  private visitor?: StoredVisitor;
  private hub?: VisitorHub;
  private conversation: Conversation | null = null;
  private queue?: VisitorQueueEvent;
  private identity: Identity = {};
  /** The name the current visitor token was issued with. */
  private sessionName?: string;
  private agentReadSeq = 0;
  private isOpen = false;
  private connected = false;
  private preChatDone = false;
  private rated = false;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private error = "";
  readonly ready: Promise<void>;

  constructor(private readonly baseUrl: string, private readonly tenant: string) {
    this.rest = new WidgetRest(baseUrl);
    this.panel = new Panel({
      toggle: () => (this.isOpen ? this.close() : this.open()),
      send: (text) => this.send(text),
      input: (draft) => this.typing.input(draft),
      file: (file) => void this.upload(file),
    });
    this.files = new WidgetFiles(this.rest, () => this.visitor?.visitorToken ?? "");
    this.cards = new CardView({
      // Thanks only once the server has the rating: a lost rating must not be thanked for.
      rate: async (score, comment) => {
        if (!this.hub) throw new Error("The chat is not connected.");
        await this.hub.rate(score, comment);
        this.rated = true;
        this.render();
      },
      contact: (d) => void this.submitContact(d),
    });
    this.list = new MessageList((a) => this.files.load(a), (id) => {
      this.outbox.retry(id);
      void this.flush();
    });
    this.feed = new MessageFeed((seq) => this.hub!.resume(seq), (shown) => this.onShown(shown));
    this.typing = new TypingNotifier((isTyping, draft) => void this.hub?.typing(isTyping, draft).catch(() => {}));
    this.panel.mount();
    document.addEventListener("visibilitychange", () => this.markRead());
    this.ready = this.boot();
  }

  // ---- public API (window.CustomerService) ----

  open(): void {
    this.isOpen = true;
    this.panel.setOpen(true);
    this.markRead();
    this.updateUnread();
    // "Nobody online" was true when the page loaded; an agent may have come online since.
    if (this.settings && !this.settings.agentsOnline) void this.refreshAvailability();
  }

  private async refreshAvailability(): Promise<void> {
    try {
      if ((await this.rest.getSettings(this.tenant)).agentsOnline) this.markAgentsOnline();
    } catch {
      /* keep what we knew; the next open asks again */
    }
  }

  /** Someone is online after all (they answered, took the conversation, or the settings say so now). */
  private markAgentsOnline(): void {
    if (!this.settings || this.settings.agentsOnline) return;
    this.settings = { ...this.settings, agentsOnline: true };
    this.panel.setTitle(this.settings.name || "Chat", "We reply in a few minutes");
    this.render();
  }

  close(): void {
    this.isOpen = false;
    this.panel.setOpen(false);
    this.typing.stop();
  }

  async identify(identity: Identity): Promise<void> {
    await this.ready;
    this.identity = { ...this.identity, ...identity };
    await this.refreshSession();
  }

  onUnread(cb: (count: number) => void): () => void {
    return this.unread.on(cb);
  }

  // ---- session and connection ----

  private async boot(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.refreshSession();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** attempt)));
      }
    }
  }

  /** Creates (or continues) the visitor session; a different visitor id (identify as another user) starts over. */
  private async refreshSession(): Promise<void> {
    const stored = this.visitor ?? loadVisitor(this.tenant);
    const req: WidgetSessionRequest = {
      tenant: this.tenant, visitorId: stored?.visitorId, page: location.href, referrer: document.referrer || undefined, ...this.identity,
    };
    const res = await this.rest.createSession(req);
    const sameVisitor = stored?.visitorId === res.visitorId;
    // The hub takes the visitor's name from the token it connected with: a new name needs the new token on the wire,
    // or agents keep seeing "Visitor" on the conversation and its messages.
    const renamed = (req.name ?? "") !== (this.sessionName ?? "");
    this.sessionName = req.name;
    this.visitor = { visitorId: res.visitorId, visitorToken: res.visitorToken, readSeq: sameVisitor ? stored!.readSeq : 0 };
    saveVisitor(this.tenant, this.visitor);
    this.settings = res.settings;
    this.panel.setTheme(res.settings.primaryColor);
    this.panel.setTitle(res.settings.name || "Chat", res.settings.agentsOnline ? "We reply in a few minutes" : "We are away right now");
    if (!this.hub || !sameVisitor) await this.restartHub();
    else if (renamed) await this.hub.reconnect();
    this.render();
  }

  private async restartHub(): Promise<void> {
    await this.hub?.stop();
    this.feed.reset();
    this.conversation = null;
    this.queue = undefined;
    this.agentReadSeq = 0;
    this.unread.setServerCount(0);
    this.list.clear();
    this.hub = new VisitorHub(this.baseUrl, () => this.visitor?.visitorToken ?? "", {
      message: (m) => this.onMessage(m),
      read: (e) => this.onRead(e),
      typing: (e) => this.onTyping(e),
      conversationUpdated: (c) => this.setConversation(c),
      unread: (e) => {
        this.unread.setServerCount(e.count);
        this.updateUnread();
      },
      queue: (e) => {
        this.queue = e;
        this.render();
      },
      connected: () => void this.onConnected(),
      disconnected: () => {
        this.connected = false;
        this.render();
      },
      unauthorized: async () => {
        const res = await this.rest.createSession({ tenant: this.tenant, visitorId: this.visitor?.visitorId, ...this.identity });
        if (this.visitor && res.visitorId === this.visitor.visitorId) {
          this.visitor.visitorToken = res.visitorToken;
          saveVisitor(this.tenant, this.visitor);
        }
      },
    });
    await this.hub.start();
  }

  /** First connect and every reconnect: fetch the conversation, resume by last seq, resend what has no ack. */
  private async onConnected(): Promise<void> {
    this.connected = true;
    this.render();
    try {
      const c = await this.hub!.getConversation();
      if (c) this.setConversation(c);
      await this.feed.resume();
      await this.flush();
    } catch {
      /* the connection dropped again; the next `connected` repeats this */
    }
  }

  // ---- events ----

  private onMessage(m: Message): void {
    if (m.private) return; // never sent to visitors; a defensive check costs nothing
    if (m.author.kind === "agent") this.markAgentsOnline();
    if (this.conversation && m.conversationId && m.conversationId !== this.conversation.id) {
      void this.followNewConversation(); // the message comes back through Resume in the new conversation
      return;
    }
    this.feed.accept(m);
  }

  private onRead(e: ReadEvent): void {
    if (e.participant.kind === "visitor") return;
    this.agentReadSeq = Math.max(this.agentReadSeq, e.seq);
    this.render();
  }

  private onTyping(e: TypingEvent): void {
    if (e.participant.kind === "visitor") return;
    clearTimeout(this.typingTimer);
    this.panel.setTyping(e.isTyping ? `${e.participant.name || "Agent"} is typing…` : "");
    // A lost "stopped typing" must not leave the indicator on forever.
    if (e.isTyping) this.typingTimer = setTimeout(() => this.panel.setTyping(""), 8000);
  }

  private setConversation(c: Conversation): void {
    const switched = !!this.conversation && c.id !== this.conversation.id;
    this.conversation = c;
    if (c.assignee) this.markAgentsOnline();
    if (c.routing !== "queued") this.queue = undefined;
    if (switched) this.startOver();
    this.render();
  }

  /**
   * The server moved the visitor to a new conversation (e.g. writing after the last one was resolved). Its seqs
   * start again at 1, so the feed and the read marks start again too.
   */
  private startOver(): void {
    this.feed.reset();
    this.list.clear();
    this.agentReadSeq = 0;
    this.rated = false;
    if (this.visitor) {
      this.visitor.readSeq = 0;
      saveVisitor(this.tenant, this.visitor);
    }
    void this.feed.resume().catch(() => {});
  }

  private async followNewConversation(): Promise<void> {
    const c = await this.hub?.getConversation().catch(() => null);
    if (c) this.setConversation(c);
  }

  private onShown(shown: Message[]): void {
    if (shown.some((m) => m.author.kind !== "visitor")) this.panel.setTyping("");
    this.render();
    this.markRead();
  }

  // ---- sending ----

  private get self(): Participant {
    return { kind: "visitor", id: this.visitor?.visitorId ?? "", name: this.identity.name ?? "" };
  }

  private send(text: string, attachments?: Attachment[]): void {
    this.typing.stop();
    this.outbox.add({ clientMessageId: newClientMessageId(), text, ...(attachments ? { attachments } : {}) });
    this.render();
    void this.flush();
  }

  private async flush(): Promise<void> {
    const hub = this.hub;
    if (!hub?.isConnected) return this.render();
    const stalled = await this.outbox.flush(
      (req) => hub.sendMessage(req),
      (req, ack) => {
        // An ack at or below what is shown, for a message not shown: the server put it in a new conversation.
        if (ack.seq <= this.feed.lastSeq && !this.feed.messages.some((m) => m.clientMessageId === req.clientMessageId)) {
          void this.followNewConversation();
          return;
        }
        const mine: Message = {
          id: ack.id, conversationId: this.conversation?.id ?? "", seq: ack.seq, clientMessageId: req.clientMessageId,
          author: this.self, text: req.text, attachments: req.attachments ?? [], private: false, sentAt: ack.sentAt,
        };
        this.feed.accept(mine);
        if (!this.conversation) void hub.getConversation().then((c) => c && this.setConversation(c), () => {});
      },
      () => this.render(),
    );
    // Stalled on a transient error (unavailable, rate_limited) with the connection up: nothing else will retry.
    if (stalled && hub.isConnected) setTimeout(() => void this.flush(), 2000);
    this.render();
  }

  private async upload(file: File): Promise<void> {
    this.error = `Uploading ${file.name}…`;
    this.render();
    try {
      const attachment = await this.files.upload(file);
      this.error = "";
      this.send("", [attachment]);
    } catch (err) {
      this.error = uploadErrorText(err);
      this.render();
    }
  }

  private async submitContact(d: ContactDetails): Promise<void> {
    this.identity = { ...this.identity, name: d.name ?? this.identity.name, email: d.email ?? this.identity.email };
    this.preChatDone = true;
    this.render();
    try {
      await this.refreshSession();
    } catch {
      /* the name and e-mail are a courtesy; the message matters more */
    }
    if (d.question) this.send(d.question);
  }

  // ---- reading and unread ----

  private get visible(): boolean {
    return this.isOpen && document.visibilityState === "visible";
  }

  private markRead(): void {
    const top = this.feed.lastSeq;
    if (!this.visible || !this.visitor || !this.connected || top <= this.visitor.readSeq) return;
    this.visitor.readSeq = top;
    this.unread.readAll();
    saveVisitor(this.tenant, this.visitor);
    void this.hub?.markRead(top).catch(() => {});
    this.updateUnread();
  }

  private updateUnread(): void {
    this.panel.setBadge(this.unread.update(this.visible, this.feed.messages, this.visitor?.readSeq ?? 0));
  }

  // ---- drawing ----

  private render(): void {
    const s = this.settings;
    this.panel.showItems(this.list.nodes({
      greeting: s?.greeting ?? "", messages: this.feed.messages, pending: this.outbox.pending(), agentReadSeq: this.agentReadSeq, self: this.self,
    }));
    this.panel.setNotice(this.noticeText());
    this.panel.setCard(this.card(), !this.conversationResolved());
    this.updateUnread();
  }

  private noticeText(): string {
    if (this.error) return this.error;
    if (this.hub && !this.connected) return "Reconnecting…";
    const q = this.queue;
    if (q && q.position > 0) return `You are number ${q.position} in line. Estimated wait: ${formatWait(q.estimatedWaitSeconds)}.`;
    return "";
  }

  private conversationResolved(): boolean {
    return this.conversation?.status === "resolved";
  }

  /** The form shown in place of (or above) the composer, if any. */
  private card(): HTMLElement | null {
    const s = this.settings;
    const kind = !s ? "" : chooseCard({
      resolved: this.conversationResolved(), hasRating: !!this.conversation?.rating, ratedHere: this.rated,
      fresh: !this.conversation && this.feed.messages.length === 0 && this.outbox.size === 0,
      agentsOnline: s.agentsOnline, botEnabled: s.botEnabled, preChatEnabled: !!s.preChatForm?.enabled,
      preChatFields: s.preChatForm?.fields?.length ?? 0, preChatDone: this.preChatDone,
    });
    return this.cards.element(kind, s);
  }
}
