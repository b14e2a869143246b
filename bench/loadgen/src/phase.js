import { Histogram } from './histogram.js';
import { Ledger } from './ledger.js';
import { hubErrorCode } from './retry.js';
import { OpenLoopSchedule } from './schedule.js';

/** One stretch of open-loop traffic at one rate (warm-up, measurement or probes) and everything it measured. */
export class Phase {
  constructor(name, index, { startMs, rate, durationS, resilient = false }) {
    this.name = name;
    this.index = index;
    this.schedule = new OpenLoopSchedule({ startMs, rate, durationS });
    this.ledger = new Ledger(this.schedule.total, { resilient });
    this.v2a = new Histogram();
    this.a2v = new Histogram();
    this.ack = new Histogram();
    this.sendLag = new Histogram();
    /** deliveries at a connection that was not the intended receiver (e.g. another tab of the same agent) */
    this.elsewhere = 0;
    /** first deliveries whose seq was not above the last one that receiver saw in that conversation */
    this.reordered = 0;
    this.settledAtMs = null;
    /** reason (the protocol's error code, or "no code") → count, and one message text per reason */
    this.failedBy = {};
    this.failureSamples = {};
  }

  /** Marks message k failed and remembers why, so a report can say what the server refused and how often. */
  fail(k, error) {
    if (!this.ledger.markFailed(k)) return;
    const reason = failureReason(error);
    this.failedBy[reason] = (this.failedBy[reason] ?? 0) + 1;
    this.failureSamples[reason] ??= String(error?.message ?? error ?? '').slice(0, 300);
  }

  /** The worse p99 of the two directions so far, for progress lines. */
  p99SoFar() {
    const values = [this.v2a, this.a2v].filter((h) => h.count > 0).map((h) => h.percentile(99));
    return values.length ? Math.max(...values) : null;
  }

  summary() {
    const s = this.schedule;
    const durationS = (s.endMs - s.startMs) / 1000;
    const counts = this.ledger.summary();
    // Throughput as the receivers saw it: a backlog delivered after the schedule ended stretches the window.
    const windowS = Math.max(durationS, (this.ledger.lastDeliveryMs - s.startMs) / 1000);
    return {
      phase: this.name,
      offeredRate: s.rate,
      durationS,
      sentRate: durationS > 0 ? counts.sent / durationS : 0,
      achievedRate: windowS > 0 ? counts.delivered / windowS : 0,
      counts: { ...counts, elsewhere: this.elsewhere, reordered: this.reordered },
      failedBy: { ...this.failedBy },
      failureSamples: { ...this.failureSamples },
      latency: {
        v2a: this.v2a.summary(),
        a2v: this.a2v.summary(),
        ack: this.ack.summary(),
        sendLag: this.sendLag.summary(),
      },
      settleS: this.settledAtMs === null ? null : (this.settledAtMs - s.endMs) / 1000,
    };
  }
}

/** The protocol code of a failed send; "no code" when it carried none (the connection was lost, the call timed out). */
export function failureReason(error) {
  return hubErrorCode(error) ?? 'no code';
}
