// Accounting of every message of one phase by its number k: sent, acknowledged, failed (the send returned an
// error), delivered, delivered again (a duplicate). One byte per message, so a phase of n messages costs n bytes.

const SENT = 1;
const ACKED = 2;
const FAILED = 4;
const DELIVERED = 8;

export class Ledger {
  /** @param {number} capacity the number of messages the phase can send */
  constructor(capacity) {
    this.state = new Uint8Array(Math.max(0, capacity));
    this.sent = 0;
    this.acked = 0;
    this.failed = 0;
    this.delivered = 0;
    this.duplicates = 0;
    this.unknown = 0;
    this.lastDeliveryMs = 0;
    this.settled = 0;
  }

  #valid(k) {
    return Number.isInteger(k) && k >= 0 && k < this.state.length;
  }

  markSent(k) {
    if (!this.#valid(k) || this.state[k] & SENT) return false;
    this.state[k] |= SENT;
    this.sent++;
    return true;
  }

  markAcked(k) {
    if (!this.#valid(k) || !(this.state[k] & SENT) || this.state[k] & (ACKED | FAILED)) return false;
    const before = this.state[k];
    this.state[k] |= ACKED;
    this.acked++;
    this.#settle(k, before);
    return true;
  }

  markFailed(k) {
    if (!this.#valid(k) || !(this.state[k] & SENT) || this.state[k] & (ACKED | FAILED)) return false;
    const before = this.state[k];
    this.state[k] |= FAILED;
    this.failed++;
    this.#settle(k, before);
    return true;
  }

  /**
   * @returns {'first'|'duplicate'|'unknown'} unknown: a number this phase never sent
   */
  markDelivered(k, nowMs = 0) {
    if (!this.#valid(k) || !(this.state[k] & SENT)) {
      this.unknown++;
      return 'unknown';
    }
    if (this.state[k] & DELIVERED) {
      this.duplicates++;
      return 'duplicate';
    }
    const before = this.state[k];
    this.state[k] |= DELIVERED;
    this.delivered++;
    this.#settle(k, before);
    if (nowMs > this.lastDeliveryMs) this.lastDeliveryMs = nowMs;
    return 'first';
  }

  /** Messages still waiting for their ack or their delivery (failed ones wait for nothing). */
  outstanding() {
    return this.sent - this.settled;
  }

  #settle(k, before) {
    const after = this.state[k];
    const was = before & FAILED || (before & (ACKED | DELIVERED)) === (ACKED | DELIVERED);
    const is = after & FAILED || (after & (ACKED | DELIVERED)) === (ACKED | DELIVERED);
    if (is && !was) this.settled++;
  }

  /** Totals; lost = acknowledged but never delivered (call it after the grace period). */
  summary() {
    let lost = 0;
    let deliveredUnacked = 0;
    for (let k = 0; k < this.state.length; k++) {
      const s = this.state[k];
      if (s & ACKED && !(s & DELIVERED)) lost++;
      if (s & DELIVERED && !(s & (ACKED | FAILED))) deliveredUnacked++;
    }
    return {
      sent: this.sent,
      acked: this.acked,
      failed: this.failed,
      unacked: this.sent - this.acked - this.failed,
      delivered: this.delivered,
      lost,
      duplicates: this.duplicates,
      unknown: this.unknown,
      deliveredUnacked,
    };
  }
}
