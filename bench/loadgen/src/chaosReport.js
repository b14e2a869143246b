// The human-readable part of a chaos run's report: what happened to the messages and how the server recovered.
import { fmtInt, fmtMs } from './report.js';

const secs = (s) => (s === null || s === undefined ? '-' : `${s.toFixed(1)} s`);

/** @returns {string[]} lines */
export function chaosLines(r) {
  const c = r.counts;
  const v = r.recovery;
  const k = r.kill;
  const lines = [];
  lines.push(k.happened
    ? `kill: \`${k.command}\` ${k.afterS} s into the measured phase, exit code ${k.exitCode ?? '-'} after ${fmtMs(k.tookMs)} ms`
    : `kill: did not happen (${k.command ? 'the run ended first' : 'no --kill-command'})`);
  lines.push(`connections: ${fmtInt(r.connections.visitors)} conversations, ${fmtInt(r.connections.agents)} agent connections; dropped and ` +
    `reconnecting ${fmtInt(r.connections.reconnecting)}, reconnected ${fmtInt(r.connections.reconnected)}, closed for good ` +
    `${fmtInt(r.connections.disconnects)}, held at end ${fmtInt(r.connections.heldAtEnd)}`);
  lines.push(`messages: sent ${fmtInt(c.sent)}, acked ${fmtInt(c.acked)}, gave up ${fmtInt(c.failed)} (of which stored anyway ` +
    `${fmtInt(c.failedButStored)}), unacked ${fmtInt(c.unacked)}`);
  lines.push(`delivered ${fmtInt(c.delivered)}: live ${fmtInt(c.delivered - c.deliveredByResume)}, fetched by Resume ${fmtInt(c.deliveredByResume)}; ` +
    `not delivered but in history after the run ${fmtInt(c.inHistoryOnly)}`);
  lines.push(`ACKED LOST (not delivered, not in history): ${fmtInt(c.lost)}; DUPLICATES SHOWN (one message stored twice): ` +
    `${fmtInt(c.shownDuplicates)}; raw duplicates (pushed twice, same seq) ${fmtInt(c.duplicates)}; Resume overlapping a push ${fmtInt(c.resumeOverlap)}`);
  lines.push(`client resync: ${fmtInt(r.resync.resumes)} Resume calls (${fmtInt(r.resync.gaps)} after a hole in the seqs), ` +
    `${fmtInt(r.resync.errors)} failed and retried, ${fmtInt(r.resync.reopenErrors)} re-Open errors; histories unreadable ${fmtInt(r.resync.historyUnread)}`);
  lines.push(`send attempts failed ${fmtInt(v.failedAttempts)} (${Object.entries(v.errors).map(([e, n]) => `${e} ${fmtInt(n)}`).join(', ') || 'none'}), ` +
    `retries ${fmtInt(v.retries)}, conversations affected ${fmtInt(v.affectedConversations)}`);
  if (k.happened && v.affectedConversations === 0) {
    lines.push('no send failed after the kill: the killed process may have hosted none of these conversations (try another --victim)');
  }
  lines.push(`served again after the kill: first send ${secs(v.firstSendServedAgainS)}, every affected conversation ${secs(v.allConversationsServedAgainS)}, ` +
    `sends steady (no failure after) ${secs(v.sendsSteadyAgainS)}; conversations never served again ${fmtInt(v.neverServedAgain)}`);
  lines.push(`worst conversations (longest intended send → ack): ${v.worstConversations.map((w) => `#${w.pair} ${w.worstAckS.toFixed(2)} s` +
    `${w.failures ? ` (${w.failures} failed attempts)` : ''}`).join(', ') || '-'}`);
  const l = v.latency;
  lines.push(`delivery latency, ms ${['count', 'p50', 'p99', 'max', '> 1 s', 'by Resume'].map((h) => h.padStart(10)).join('')}`);
  for (const [name, label] of [['beforeKill', 'before the kill'], ['outage', `outage, ${secs(l.outageWindowS)}`], ['afterOutage', 'after the outage']]) {
    const s = l[name];
    lines.push(`  ${label.padEnd(19)}${[fmtInt(s.count), fmtMs(s.p50), fmtMs(s.p99), fmtMs(s.max), fmtInt(l.overOneSecond[name]), fmtInt(l.deliveredByResume[name])]
      .map((x) => x.padStart(10)).join('')}`);
  }
  lines.push(`timeline (s after the kill: failed attempts / acks / deliveries (by Resume) / worst latency ms / > 1 s):`);
  for (const t of v.timeline) {
    lines.push(`  ${String(t.second).padStart(4)}  ${fmtInt(t.failed).padStart(6)} ${fmtInt(t.acked).padStart(6)} ${fmtInt(t.delivered).padStart(6)} ` +
      `(${fmtInt(t.byResume)})`.padEnd(8) + ` ${fmtMs(t.maxLatencyMs).padStart(9)} ${fmtInt(t.overOneSecond).padStart(6)}`);
  }
  const x = r.checks;
  lines.push(`DESIGN.md targets: acked lost ${fmtInt(x.ackedLost)} (0), duplicates shown ${fmtInt(x.shownDuplicates)} (0), ` +
    `served again ${secs(x.servedAgainS)} (<= 10 s): ${x.pass ? 'PASS' : 'FAIL'}`);
  return lines;
}
