import { Histogram } from './histogram.js';
import { Ledger } from './ledger.js';
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
