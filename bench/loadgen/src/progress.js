// One progress line per second on stderr while a phase runs.
import { performance } from 'node:perf_hooks';
import { fmtInt, fmtMs } from './report.js';

/** Starts printing progress for a phase; returns the function that stops it. */
export function showProgress(phase, log, quiet) {
  if (quiet) return () => {};
  const timer = setInterval(() => {
    const l = phase.ledger;
    const elapsed = (performance.now() - phase.schedule.startMs) / 1000;
    log(`${phase.name.padEnd(7)} ${elapsed.toFixed(0).padStart(4)}s  sent ${fmtInt(l.sent)}  acked ${fmtInt(l.acked)}` +
      `  delivered ${fmtInt(l.delivered)}  p99 ${fmtMs(phase.p99SoFar())} ms  send-lag p99 ${fmtMs(phase.sendLag.percentile(99))} ms` +
      `  outstanding ${fmtInt(l.outstanding())}${l.failed ? `  failed ${fmtInt(l.failed)}` : ''}`);
  }, 1000);
  return () => clearInterval(timer);
}
