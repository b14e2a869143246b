// What a chaos run measures around the moment a silo is killed: when sends work again (first and for good, per
// conversation), how late deliveries are while it recovers, and a per-second timeline. Times are ms on one clock
// (performance.now()); results are in seconds relative to the kill unless named otherwise.
import { Histogram } from './histogram.js';

const LATE_MS = 1000;

export class OutageLog {
  constructor() {
    this.killAtMs = null;
    /** pair → {firstFailMs, lastFailMs, failures, firstAckAfterFirstFailMs, firstAckAfterLastFailMs, worstAckMs} */
    this.pairs = new Map();
    this.failedAttempts = 0;
    this.retries = 0;
    /** error code (or "no answer") → failed attempts */
    this.errors = {};
    /** [intendedMs, deliveredMs, via] of every first delivery */
    this.deliveries = [];
    /** [atMs] of every failed attempt and [atMs, intendedMs] of every ack, for the timeline */
    this.failTimes = [];
    this.acks = [];
  }

  kill(atMs) {
    this.killAtMs = atMs;
  }

  #pair(pair) {
    let p = this.pairs.get(pair);
    if (!p) {
      p = { failures: 0, firstFailMs: null, lastFailMs: null, ackAfterFirstFailMs: null, ackAfterLastFailMs: null, worstAckMs: 0 };
      this.pairs.set(pair, p);
    }
    return p;
  }

  /** A send attempt in conversation `pair` failed at atMs (it may be retried). */
  attemptFailed(pair, atMs, code) {
    const p = this.#pair(pair);
    p.failures++;
    p.firstFailMs ??= atMs;
    p.lastFailMs = atMs;
    p.ackAfterLastFailMs = null;
    this.failedAttempts++;
    this.errors[code ?? 'no answer'] = (this.errors[code ?? 'no answer'] ?? 0) + 1;
    this.failTimes.push(atMs);
  }

  retried() {
    this.retries++;
  }

  /** A send in conversation `pair` intended at intendedMs was acknowledged at atMs (after any retries). */
  acked(pair, intendedMs, atMs) {
    const p = this.#pair(pair);
    if (p.firstFailMs !== null && atMs >= p.firstFailMs) {
      p.ackAfterFirstFailMs ??= atMs;
      if (atMs >= p.lastFailMs) p.ackAfterLastFailMs ??= atMs;
    }
    if (this.killAtMs !== null && intendedMs >= this.killAtMs - 30_000) p.worstAckMs = Math.max(p.worstAckMs, atMs - intendedMs);
    this.acks.push([atMs, intendedMs]);
  }

  /** The first delivery of a message to its receiver; via "push" (live) or "resume" (fetched after a gap or reconnect). */
  delivered(intendedMs, atMs, via) {
    this.deliveries.push([intendedMs, atMs, via]);
  }

  /**
   * @param {{endMs: number}} o the end of the run (after the grace period)
   */
  summary({ endMs }) {
    const kill = this.killAtMs;
    const rel = (ms) => (ms === null || kill === null ? null : (ms - kill) / 1000);
    const affected = [...this.pairs.entries()].filter(([, p]) => p.failures > 0);
    // Served again: per affected conversation, the first ack after its first failure; for good: the first ack after
    // its last failure (a conversation that never succeeded again counts until the end of the run).
    const first = affected.map(([, p]) => p.ackAfterFirstFailMs ?? endMs);
    const steady = affected.map(([, p]) => p.ackAfterLastFailMs ?? endMs);
    const worst = [...this.pairs.entries()].map(([pair, p]) => ({ pair, worstAckS: p.worstAckMs / 1000, failures: p.failures }))
      .sort((a, b) => b.worstAckS - a.worstAckS);
    const steadyMs = steady.length ? Math.max(...steady) : kill;
    return {
      killAtS: kill === null ? null : 0,
      affectedConversations: affected.length,
      failedAttempts: this.failedAttempts,
      retries: this.retries,
      errors: this.errors,
      firstSendServedAgainS: first.length ? rel(Math.min(...first)) : null,
      allConversationsServedAgainS: first.length ? rel(Math.max(...first)) : null,
      sendsSteadyAgainS: steady.length ? rel(steadyMs) : null,
      neverServedAgain: affected.filter(([, p]) => p.ackAfterLastFailMs === null).length,
      worstConversations: worst.slice(0, 5),
      latency: this.#windows(kill, steadyMs),
      timeline: kill === null ? [] : this.#timeline(kill, endMs),
    };
  }

  /** Delivery latency (intended send → first delivery) before the kill, during the outage, and after it. */
  #windows(kill, steadyMs) {
    // The outage window: from the kill until sends are steady again, at least 10 s (DESIGN.md's recovery target).
    const outageEnd = kill === null ? null : Math.max(steadyMs ?? kill, kill + 10_000);
    const w = { beforeKill: new Histogram(), outage: new Histogram(), afterOutage: new Histogram() };
    const late = { beforeKill: 0, outage: 0, afterOutage: 0 };
    const byResume = { beforeKill: 0, outage: 0, afterOutage: 0 };
    for (const [intended, at, via] of this.deliveries) {
      const name = kill === null || intended < kill ? 'beforeKill' : intended < outageEnd ? 'outage' : 'afterOutage';
      w[name].record(at - intended);
      if (at - intended > LATE_MS) late[name]++;
      if (via === 'resume') byResume[name]++;
    }
    return {
      outageWindowS: kill === null ? null : (outageEnd - kill) / 1000,
      overOneSecond: late,
      deliveredByResume: byResume,
      beforeKill: w.beforeKill.summary(),
      outage: w.outage.summary(),
      afterOutage: w.afterOutage.summary(),
    };
  }

  /** Per second from 5 s before the kill to the end: sends due, failed attempts, acks, deliveries, worst latency. */
  #timeline(kill, endMs) {
    const from = -5;
    const to = Math.ceil((endMs - kill) / 1000);
    const rows = new Map();
    const row = (ms) => {
      const s = Math.floor((ms - kill) / 1000);
      if (s < from || s > to) return null;
      if (!rows.has(s)) rows.set(s, { second: s, failed: 0, acked: 0, delivered: 0, byResume: 0, maxLatencyMs: 0, overOneSecond: 0 });
      return rows.get(s);
    };
    for (const t of this.failTimes) { const r = row(t); if (r) r.failed++; }
    for (const [at] of this.acks) { const r = row(at); if (r) r.acked++; }
    for (const [intended, at, via] of this.deliveries) {
      const r = row(at);
      if (!r) continue;
      r.delivered++;
      if (via === 'resume') r.byResume++;
      r.maxLatencyMs = Math.max(r.maxLatencyMs, at - intended);
      if (at - intended > LATE_MS) r.overOneSecond++;
    }
    return [...rows.values()].sort((a, b) => a.second - b.second);
  }
}
