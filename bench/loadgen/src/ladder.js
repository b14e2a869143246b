// The sustainable rate of a ladder of runs: the highest offered rate whose run achieved at least 99 % of it,
// lost nothing, failed nothing, and kept delivery p99 within 50 ms (in every measured direction).

export const CRITERIA = { minAchievedRatio: 0.99, maxP99Ms: 50 };

/** Why one run does not count as sustained; empty when it does. */
export function failures(run, criteria = CRITERIA) {
  const why = [];
  const { offeredRate, achievedRate, counts, latency } = run;
  if (!(achievedRate >= criteria.minAchievedRatio * offeredRate)) why.push(`achieved ${fmt(achievedRate)}/s < ${criteria.minAchievedRatio * 100}% of ${fmt(offeredRate)}/s`);
  if (counts.lost > 0) why.push(`${counts.lost} lost`);
  if (counts.failed > 0) why.push(`${counts.failed} failed`);
  if (counts.unacked > 0) why.push(`${counts.unacked} unacked`);
  if (counts.duplicates > 0) why.push(`${counts.duplicates} duplicated`);
  if (counts.reordered > 0) why.push(`${counts.reordered} out of order`);
  const p99 = worstP99(run);
  if (p99 === null) why.push('nothing delivered');
  else if (p99 > criteria.maxP99Ms) why.push(`p99 ${p99.toFixed(1)} ms > ${criteria.maxP99Ms} ms`);
  return why;
}

/** The worse delivery p99 of the directions that carried messages, or null if none did. */
export function worstP99(run) {
  const values = ['v2a', 'a2v'].map((d) => run.latency?.[d]).filter((s) => s && s.count > 0).map((s) => s.p99);
  return values.length ? Math.max(...values) : null;
}

/** @returns {{rate: number|null, run: object|null}} the highest offered rate that passed */
export function sustainableRate(runs, criteria = CRITERIA) {
  let best = null;
  for (const run of runs) {
    if (failures(run, criteria).length === 0 && (best === null || run.offeredRate > best.offeredRate)) best = run;
  }
  return { rate: best?.offeredRate ?? null, run: best };
}

function fmt(n) {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}
