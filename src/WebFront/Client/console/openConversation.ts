import type { AgentSendMessage, Attachment, Conversation, Message, OpenResult, Participant, ReadEvent, TypingEvent, VisitorDetails } from "../shared/protocol";
import { RESUME_PAGE_SIZE } from "../shared/protocol";
import { newClientMessageId } from "../shared/ids";
import { Outbox } from "../shared/outbox";
import { mergeBySeq, resumeAll, SeqTracker } from "../shared/seqTracker";
import { hubErrorText } from "../shared/hubErrors";
import type { AgentHub } from "./agentHub";
import { Observable } from "./observable";

export const HISTORY_PAGE = 50;

/** The conversation on screen: its messages in seq order, older pages, unacked sends, typing and read marks. */
export class OpenConversation extends Observable {
  conversation: Conversation;
  messages: Message[];
  readonly outbox = new Outbox<AgentSendMessage>();
  olderDone: boolean;
  loadingOlder = false;
  visitorReadSeq = 0;
  typing: TypingEvent | null = null;
  visitor?: VisitorDetails;
  error = "";
  private readonly tracker: SeqTracker;
  private resuming?: Promise<void>;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private markedSeq = 0;

  /** `sent` hears of this agent's own messages once acked: the server does not echo a message to the connection
   * that sent it, so the conversation list's preview learns of it here. */
  constructor(private readonly hub: AgentHub, opened: OpenResult, private readonly self: Participant, private readonly sent: (m: Message) => void = () => {}) {
    super();
    this.conversation = opened.conversation;
    this.messages = mergeBySeq([], opened.messages);
    const newest = this.messages.at(-1)?.seq ?? 0;
    this.tracker = new SeqTracker(newest);
    this.olderDone = opened.messages.length === 0 || this.messages[0].seq <= 1;
    // The snapshot may be older than the conversation's lastSeq if a message landed between the two reads.
    if (opened.conversation.lastSeq > newest) void this.resume();
    void hub.getVisitor(this.id).then((v) => { this.visitor = v; this.changed(); }, () => {});
  }

  get id(): string {
    return this.conversation.id;
  }

  get lastSeq(): number {
    return this.tracker.lastSeq;
  }

  update(c: Conversation): void {
    this.conversation = c;
    this.changed();
  }

  onMessage(m: Message): void {
    this.show(this.tracker.accept(m));
    if (m.author.kind === "visitor") this.setTyping(null);
    if (this.tracker.hasGap) void this.resume();
  }

  onRead(e: ReadEvent): void {
    if (e.participant.kind !== "visitor") return;
    this.visitorReadSeq = Math.max(this.visitorReadSeq, e.seq);
    this.changed();
  }

  onTyping(e: TypingEvent): void {
    if (e.participant.kind === "agent" && e.participant.id === this.self.id) return;
    this.setTyping(e.isTyping ? e : null);
  }

  private setTyping(e: TypingEvent | null): void {
    clearTimeout(this.typingTimer);
    this.typing = e;
    // A lost "stopped typing" must not leave the indicator on.
    if (e) this.typingTimer = setTimeout(() => this.setTyping(null), 8000);
    this.changed();
  }

  /** After a reconnect or a gap: fetch everything after lastSeq, page by page, then resend what has no ack. */
  resume(): Promise<void> {
    if (!this.resuming) {
      this.resuming = resumeAll(this.tracker, (seq) => this.hub.resume(this.id, seq), RESUME_PAGE_SIZE, (ms) => this.show(ms))
        .then(() => this.flush())
        .catch(() => {})
        .finally(() => (this.resuming = undefined));
    }
    return this.resuming;
  }

  async loadOlder(): Promise<void> {
    if (this.olderDone || this.loadingOlder) return;
    this.loadingOlder = true;
    this.changed();
    try {
      const first = this.messages[0]?.seq ?? null;
      const page = await this.hub.getHistory(this.id, first, HISTORY_PAGE);
      this.messages = mergeBySeq(this.messages, page);
      if (page.length < HISTORY_PAGE) this.olderDone = true;
    } catch (err) {
      this.error = hubErrorText(err);
    } finally {
      this.loadingOlder = false;
      this.changed();
    }
  }

  send(text: string, options: { private?: boolean; attachments?: Attachment[] } = {}): void {
    this.outbox.add({
      conversationId: this.id, clientMessageId: newClientMessageId(), text,
      ...(options.attachments?.length ? { attachments: options.attachments } : {}),
      ...(options.private ? { private: true } : {}),
    });
    this.changed();
    void this.flush();
  }

  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
    void this.flush();
  }

  async flush(): Promise<void> {
    if (!this.hub.isConnected) return;
    const stalled = await this.outbox.flush(
      (req) => this.hub.sendMessage(req),
      (req, ack) => {
        const mine: Message = {
          id: ack.id, conversationId: this.id, seq: ack.seq, clientMessageId: req.clientMessageId, author: this.self,
          text: req.text, attachments: req.attachments ?? [], private: !!req.private, sentAt: ack.sentAt,
        };
        this.show(this.tracker.accept(mine));
        this.sent(mine);
        if (this.tracker.hasGap) void this.resume();
      },
      (_req, error) => {
        this.error = hubErrorText(error);
        this.changed();
      },
    );
    // Stalled on a transient error with the connection up: nothing else would send it again.
    if (stalled && this.hub.isConnected) setTimeout(() => void this.flush(), 2000);
    this.changed();
  }

  /** Marks everything shown as read, once per seq, and only while the agent can actually see it. */
  markRead(): void {
    const seq = this.tracker.lastSeq;
    if (seq <= this.markedSeq || document.visibilityState !== "visible") return;
    this.markedSeq = seq;
    void this.hub.markRead(this.id, seq).catch(() => (this.markedSeq = 0));
  }

  private show(shown: Message[]): void {
    if (!shown.length) return;
    this.messages = mergeBySeq(this.messages, shown);
    this.changed();
    this.markRead();
  }
}
