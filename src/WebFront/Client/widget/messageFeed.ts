import type { Message } from "../shared/protocol";
import { RESUME_PAGE_SIZE } from "../shared/protocol";
import { mergeBySeq, resumeAll, SeqTracker } from "../shared/seqTracker";

/**
 * The visitor's messages in seq order. Pushed messages go through the gap check; a gap, a reconnect or a reload
 * resumes from the last seq shown, page by page. Concurrent resume requests collapse into one running resume plus,
 * if anything asked meanwhile, one more round.
 */
export class MessageFeed {
  messages: Message[] = [];
  private tracker = new SeqTracker();
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly resumePage: (lastSeq: number) => Promise<Message[]>, private readonly onShown: (shown: Message[]) => void) {}

  get lastSeq(): number {
    return this.tracker.lastSeq;
  }

  reset(): void {
    this.tracker = new SeqTracker();
    this.messages = [];
  }

  /** A pushed message, or the visitor's own message built from its ack. */
  accept(m: Message): void {
    this.show(this.tracker.accept(m));
    if (this.tracker.hasGap) void this.resume().catch(() => {});
  }

  resume(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await resumeAll(this.tracker, this.resumePage, RESUME_PAGE_SIZE, (ms) => this.show(ms));
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private show(shown: Message[]): void {
    if (!shown.length) return;
    this.messages = mergeBySeq(this.messages, shown);
    this.onShown(shown);
  }
}
