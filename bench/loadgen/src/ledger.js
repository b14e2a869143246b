// Accounting of every message of one phase by its number k: sent, acknowledged, failed (the send returned an
// error), delivered, delivered again (a duplicate). One byte per message, so a phase of n messages costs n bytes.
// A resilient ledger (chaos runs) also tells how each message arrived — pushed live, fetched by Resume after a gap
// or a reconnect (late, not lost), or found only in the history read after the run (stored, but the receiver never
// got it while running) — and keeps the seq each was delivered with (8 more bytes per message), so that a second
// stored copy of one message (a duplicate a user would see) is told apart from the same message pushed twice.

const SENT = 1;
const ACKED = 2;
const FAILED = 4;
const DELIVERED = 8;
const IN_HISTORY = 16;
const FETCHED = 32;

export class Ledger {
  /**
   * @param {number} capacity the number of messages the phase can send
   * @param {{resilient?: boolean}} o
   */
  constructor(capacity, { resilient = false } = {}) {
    this.state = new Uint8Array(Math.max(0, capacity));
    this.resilient = resilient;
    /** the seq each message was first seen with (0: not yet), resilient ledgers only */
    this.seqs = resilient ? new Float64Array(Math.max(0, capacity)) : null;
    this.byResume = 0;
    this.inHistoryOnly = 0;
    this.resumeOverlap = 0;
    this.shownDuplicates = 0;
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
   * @param {number} k @param {number} nowMs
   * @param {number} [seq] the seq it came with (resilient ledgers compare copies by it)
   * @param {'push'|'resume'} [via] pushed by the server, or fetched by the client with Resume
   * @returns {'first'|'duplicate'|'unknown'} unknown: a number this phase never sent; duplicate: seen before (a
   * pushed copy counts as a raw duplicate; a fetched one that overlaps a push does not)
   */
  markDelivered(k, nowMs = 0, seq = undefined, via = 'push') {
    if (!this.#valid(k) || !(this.state[k] & SENT)) {
      this.unknown++;
      return 'unknown';
    }
    this.#compareSeq(k, seq);
    if (this.state[k] & DELIVERED) {
      // A push after the client fetched the message with Resume (or a Resume after the push) is the overlap of the
      // two paths; only a message pushed twice is a raw duplicate.
      if (via === 'push' && !(this.state[k] & FETCHED)) this.duplicates++;
      else this.resumeOverlap++;
      return 'duplicate';
    }
    const before = this.state[k];
    this.state[k] |= DELIVERED;
    this.delivered++;
    if (via === 'resume') {
      this.byResume++;
      this.state[k] |= FETCHED;
    }
    this.#settle(k, before);
    if (nowMs > this.lastDeliveryMs) this.lastDeliveryMs = nowMs;
    return 'first';
  }

  /**
   * A message found in the conversation's history read after the run: it is stored (not lost) even if the receiver
   * never got it. A copy with another seq than the one delivered is a second stored message: a duplicate users see.
   */
  markInHistory(k, seq) {
    if (!this.#valid(k) || !(this.state[k] & SENT)) return;
    this.#compareSeq(k, seq);
    if (this.state[k] & (DELIVERED | IN_HISTORY)) return;
    this.state[k] |= IN_HISTORY;
    this.inHistoryOnly++;
  }

  #compareSeq(k, seq) {
    if (!this.seqs || !Number.isInteger(seq) || seq <= 0) return;
    if (this.seqs[k] === 0) this.seqs[k] = seq;
    else if (this.seqs[k] !== seq) this.shownDuplicates++;
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
    let storedUnacked = 0;
    for (let k = 0; k < this.state.length; k++) {
      const s = this.state[k];
      if (s & ACKED && !(s & (DELIVERED | IN_HISTORY))) lost++;
      if (s & DELIVERED && !(s & (ACKED | FAILED))) deliveredUnacked++;
      if (s & (DELIVERED | IN_HISTORY) && s & FAILED) storedUnacked++;
    }
    const resilient = this.resilient ? {
      // lost above counts acked messages neither delivered nor in the history read after the run
      deliveredByResume: this.byResume,
      inHistoryOnly: this.inHistoryOnly,
      resumeOverlap: this.resumeOverlap,
      shownDuplicates: this.shownDuplicates,
      // sends that gave up (an error that is not transient, or retrying for too long) whose message was stored anyway
      failedButStored: storedUnacked,
    } : {};
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
      ...resilient,
    };
  }
}
