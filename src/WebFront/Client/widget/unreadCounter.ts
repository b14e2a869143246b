import type { Message } from "../shared/protocol";
import { countUnread } from "../shared/unread";

/**
 * The visitor's unread count: the server's `unread` event when there is one, the local count of agent messages
 * after the visitor's read mark otherwise (before the first event, or if one was lost); the larger of the two,
 * because both count the same messages and neither over-counts. Listeners hear only changes.
 */
export class UnreadCounter {
  private serverCount = 0;
  private last = -1;
  private readonly listeners = new Set<(count: number) => void>();

  get count(): number {
    return Math.max(0, this.last);
  }

  setServerCount(count: number): void {
    this.serverCount = count;
  }

  /** The visitor read everything: the server's next event will say 0, say it now. */
  readAll(): void {
    this.serverCount = 0;
  }

  update(visible: boolean, messages: Message[], readSeq: number): number {
    const count = visible ? 0 : Math.max(this.serverCount, countUnread(messages, readSeq, "visitor"));
    if (count !== this.last) {
      this.last = count;
      for (const cb of this.listeners) {
        try {
          cb(count);
        } catch {
          /* a host page callback must not break the widget */
        }
      }
    }
    return count;
  }

  on(cb: (count: number) => void): () => void {
    this.listeners.add(cb);
    cb(this.count);
    return () => this.listeners.delete(cb);
  }
}
