import type { Message } from "./protocol";

/**
 * Keeps one conversation's messages in seq order and finds gaps. Push is best effort (DESIGN.md section 3):
 * a message may be lost or overtaken, so nothing after a gap is shown until a Resume has filled it.
 */
export class SeqTracker {
  /** The highest seq shown; everything at or below it is either shown or does not exist for this reader. */
  lastSeq: number;
  private readonly held = new Map<number, Message>();

  constructor(lastSeq = 0) {
    this.lastSeq = lastSeq;
  }

  /** True while messages are held back behind a gap: the caller should call Resume(lastSeq). */
  get hasGap(): boolean {
    return this.held.size > 0;
  }

  /** A pushed message. Returns what can be shown now, in order; an empty list with hasGap means "resume first". */
  accept(message: Message): Message[] {
    if (message.seq <= this.lastSeq || this.held.has(message.seq)) return [];
    this.held.set(message.seq, message);
    return this.drainContiguous();
  }

  /**
   * A Resume page (ascending, after lastSeq). The server is the authority for the range it returned: a seq missing
   * inside that range is not for this reader (e.g. a private note), so lastSeq moves past it. When the page was the
   * last one (complete), every message held back was durable before the call and is shown too.
   */
  mergeResume(page: Message[], complete: boolean): Message[] {
    const shown: Message[] = [];
    const sorted = [...page].sort((a, b) => a.seq - b.seq);
    for (const m of sorted) {
      if (m.seq <= this.lastSeq) continue;
      this.held.delete(m.seq);
      shown.push(m);
      this.lastSeq = m.seq;
    }
    for (const [seq] of this.held) if (seq <= this.lastSeq) this.held.delete(seq);
    if (complete) {
      const rest = [...this.held.values()].sort((a, b) => a.seq - b.seq);
      this.held.clear();
      for (const m of rest) {
        shown.push(m);
        this.lastSeq = m.seq;
      }
    } else {
      shown.push(...this.drainContiguous());
    }
    return shown;
  }

  private drainContiguous(): Message[] {
    const shown: Message[] = [];
    let next = this.held.get(this.lastSeq + 1);
    while (next) {
      this.held.delete(next.seq);
      shown.push(next);
      this.lastSeq = next.seq;
      next = this.held.get(this.lastSeq + 1);
    }
    return shown;
  }
}

/** Calls resume(lastSeq) page after page until a page is shorter than pageSize, feeding each page to the tracker. */
export async function resumeAll(
  tracker: SeqTracker,
  resume: (lastSeq: number) => Promise<Message[]>,
  pageSize: number,
  show: (messages: Message[]) => void,
): Promise<void> {
  for (;;) {
    const from = tracker.lastSeq;
    const page = await resume(from);
    const complete = page.length < pageSize;
    show(tracker.mergeResume(page, complete));
    // A full page that did not move lastSeq would loop forever; the server is misbehaving, so stop.
    if (complete || tracker.lastSeq === from) return;
  }
}

/** Inserts messages into an ascending list by seq, replacing any with the same seq (a later copy wins). */
export function mergeBySeq(list: Message[], incoming: Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of list) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
