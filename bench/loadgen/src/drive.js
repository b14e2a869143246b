// The open-loop sending loop and the wait for stragglers, shared by every kind of traffic (hub pairs, raw echo).
import { performance } from 'node:perf_hooks';
import { onStop, stopRequested } from './interrupt.js';

/** The scheduler's tick: due messages are looked for every millisecond. */
export const TICK_MS = 1;

/**
 * Sends a phase's schedule: every tick, send(k, now) for each message that has become due, whatever happened to the
 * earlier ones. Resolves with the phase when the last message was sent (not acknowledged); with nobody to send
 * through (canSend false) at once, with nothing sent.
 * @param {import('./phase.js').Phase} phase @param {boolean} canSend @param {(k: number, now: number) => void} send
 */
export function driveOpenLoop(phase, canSend, send) {
  return new Promise((resolve) => {
    if (!canSend) { phase.schedule.stop(); resolve(phase); return; }
    const off = onStop(() => phase.schedule.stop());
    const tick = () => {
      const now = performance.now();
      const { from, until } = phase.schedule.takeDue(now);
      for (let k = from; k < until; k++) send(k, now);
      if (phase.schedule.done) { off(); resolve(phase); } else setTimeout(tick, TICK_MS);
    };
    setTimeout(tick, TICK_MS);
  });
}

/** Waits until every message of the phase is acknowledged and delivered (or failed), at most graceS seconds. */
export async function settlePhase(phase, graceS) {
  const deadline = performance.now() + graceS * 1000;
  while (phase.ledger.outstanding() > 0 && performance.now() < deadline) {
    if (stopRequested() && performance.now() > deadline - (graceS - 2) * 1000) break; // after Ctrl+C: 2 s at most
    await delay(20);
  }
  phase.settledAtMs = performance.now();
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
