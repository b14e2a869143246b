import type { Ack } from "./protocol";
import { isRetryable } from "./hubErrors";

export type OutboxState = "sending" | "failed";

export interface OutboxEntry<T extends { clientMessageId: string }> {
  request: T;
  state: OutboxState;
  error?: string;
}

/**
 * Sends that have no ack yet. A resend uses the SAME clientMessageId, so the server returns the first ack instead
 * of storing a duplicate (protocol.md, SendMessage). Entries leave only on an ack or a non-retryable error.
 */
export class Outbox<T extends { clientMessageId: string }> {
  private readonly entries = new Map<string, OutboxEntry<T>>();
  private flushing = false;
  private again = false;

  add(request: T): void {
    this.entries.set(request.clientMessageId, { request, state: "sending" });
  }

  get(clientMessageId: string): OutboxEntry<T> | undefined {
    return this.entries.get(clientMessageId);
  }

  /** Entries in the order they were added (Map keeps insertion order). */
  pending(): OutboxEntry<T>[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }

  remove(clientMessageId: string): void {
    this.entries.delete(clientMessageId);
  }

  /** Marks a failed entry for another attempt (the "retry" button). */
  retry(clientMessageId: string): void {
    const e = this.entries.get(clientMessageId);
    if (e) {
      e.state = "sending";
      e.error = undefined;
    }
  }

  /**
   * Sends every entry that is "sending", one at a time and in order, so the server assigns seqs in the order the
   * user typed. Stops at the first retryable failure (the connection is probably down; flush again on reconnect).
   * A flush asked for while one runs is folded into it: the running one goes round again for entries added meanwhile.
   * Returns true when it stopped at a retryable failure, so the caller can try again later.
   */
  async flush(
    send: (request: T) => Promise<Ack>,
    onAck: (request: T, ack: Ack) => void,
    onFailed: (request: T, error: string) => void = () => {},
  ): Promise<boolean> {
    if (this.flushing) {
      this.again = true;
      return false;
    }
    this.flushing = true;
    try {
      rounds: do {
        this.again = false;
        for (const entry of this.pending()) {
          if (entry.state !== "sending") continue;
          try {
            const ack = await send(entry.request);
            this.entries.delete(entry.request.clientMessageId);
            onAck(entry.request, ack);
          } catch (err) {
            // A flush asked for meanwhile (a reconnect's) was folded into this one: go round again on the new
            // connection rather than stall with nobody left to retry.
            if (isRetryable(err)) {
              if (this.again) continue rounds;
              return true;
            }
            entry.state = "failed";
            entry.error = String((err as Error)?.message ?? err);
            onFailed(entry.request, entry.error);
          }
        }
      } while (this.again);
      return false;
    } finally {
      this.flushing = false;
    }
  }
}
