/**
 * Turns keystrokes into Typing calls: Typing(true, draft) at most once per `throttleMs`, Typing(false) after
 * `idleMs` without a keystroke or when the message is sent. The clock and timers are injected for tests.
 */
export interface TypingClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: TypingClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class TypingNotifier {
  private lastSentAt = -Infinity;
  private typing = false;
  private idleTimer: unknown;

  constructor(
    private readonly send: (isTyping: boolean, draft?: string) => void,
    private readonly throttleMs = 1500,
    private readonly idleMs = 3000,
    private readonly clock: TypingClock = realClock,
  ) {}

  /** A keystroke; `draft` is the composer's current text. */
  input(draft: string): void {
    if (draft.trim() === "") {
      this.stop();
      return;
    }
    const now = this.clock.now();
    if (now - this.lastSentAt >= this.throttleMs) {
      this.lastSentAt = now;
      this.typing = true;
      this.send(true, draft);
    }
    this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = this.clock.setTimeout(() => this.stop(), this.idleMs);
  }

  /** Sent, cleared or idle: tell the other side once. */
  stop(): void {
    this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.typing) return;
    this.typing = false;
    this.lastSentAt = -Infinity;
    this.send(false);
  }
}
