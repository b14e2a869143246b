// Open-loop sending: message k of a phase is due at start + k / rate, whatever happened to earlier messages.
// The sender asks which messages are due now and sends all of them, so a server that stalls gets the backlog
// at once when it recovers, and every latency is measured from the intended time (no coordinated omission).

export class OpenLoopSchedule {
  /**
   * @param {{startMs: number, rate: number, durationS: number}} o rate in messages per second (> 0)
   */
  constructor({ startMs, rate, durationS }) {
    if (!(rate > 0)) throw new RangeError('rate must be > 0');
    if (!(durationS >= 0)) throw new RangeError('duration must be >= 0');
    this.startMs = startMs;
    this.rate = rate;
    this.total = Math.round(rate * durationS);
    this.endMs = startMs + (this.total / rate) * 1000;
    this.next = 0;
  }

  /** When message k should be sent (ms on the performance.now() clock). */
  intendedTime(k) {
    return this.startMs + (k * 1000) / this.rate;
  }

  /** How many messages are due at nowMs: those with intendedTime(k) <= nowMs, at most total. */
  dueBy(nowMs) {
    if (nowMs < this.startMs) return 0;
    // Tolerance for floating point at exact boundaries: intendedTime(k) == nowMs counts as due.
    return Math.min(this.total, Math.floor(((nowMs - this.startMs) * this.rate) / 1000 + 1e-9) + 1);
  }

  /** Message numbers due by nowMs that were not taken before, in order. */
  takeDue(nowMs) {
    const until = this.dueBy(nowMs);
    const from = this.next;
    this.next = Math.max(this.next, until);
    return { from, until };
  }

  /** Stops the schedule early (Ctrl+C): nothing more becomes due. */
  stop() {
    this.total = this.next;
    this.endMs = Math.min(this.endMs, this.intendedTime(this.next));
  }

  get done() {
    return this.next >= this.total;
  }
}

/**
 * Which conversation (pair) carries message k and in which direction. Messages go round-robin over the pairs;
 * with "both", each pair alternates direction from one round to the next.
 * @param {number} k @param {number} pairs @param {'v2a'|'a2v'|'both'} direction
 */
export function plan(k, pairs, direction) {
  const pair = k % pairs;
  if (direction !== 'both') return { pair, dir: direction };
  return { pair, dir: Math.floor(k / pairs) % 2 === 0 ? 'v2a' : 'a2v' };
}
