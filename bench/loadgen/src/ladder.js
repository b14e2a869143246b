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

/** DESIGN.md section 7: sustained throughput as a fraction of the bare relay's, per target. */
export const RATIO_GOALS = { embedded: 0.5, cluster: 0.25 };

/**
 * A target's ladder against the relay's from the same run.
 * Reading of the latency goal: visitor→agent p99 ≤ 50 ms when offered half the relay's sustainable rate (the
 * target's highest step at or below it).
 * @param {{sustainableRate: number|null, steps: object[]}} floor @param {{sustainableRate: number|null, steps: object[]}} target
 * @param {string} kind 'embedded' | 'cluster' | other (no goal)
 */
export function compareLadders(floor, target, kind) {
  const ratio = floor.sustainableRate && target.sustainableRate !== null ? target.sustainableRate / floor.sustainableRate : null;
  const goal = RATIO_GOALS[kind] ?? null;
  // A floor that passed the ladder's top step has a ceiling above it: the ratio is then only an upper bound, which
  // can show a goal missed but never met.
  const floorTop = floor.steps.length ? Math.max(...floor.steps.map((s) => s.offeredRate)) : null;
  const floorCapped = floor.sustainableRate !== null && floor.sustainableRate === floorTop;
  const half = floor.sustainableRate ? floor.sustainableRate / 2 : null;
  const atHalf = half === null ? undefined
    : target.steps.filter((s) => s.offeredRate <= half).sort((a, b) => b.offeredRate - a.offeredRate)[0];
  const rates = [...new Set([...floor.steps, ...target.steps].map((s) => s.offeredRate))].sort((a, b) => a - b);
  const find = (steps, rate) => steps.find((s) => s.offeredRate === rate) ?? null;
  return {
    floorRate: floor.sustainableRate,
    targetRate: target.sustainableRate,
    floorCapped,
    ratio,
    goal,
    meetsThroughputGoal: goal === null || ratio === null ? null : ratio < goal ? false : floorCapped ? null : true,
    halfFloorRate: half,
    atHalf: atHalf ? { offeredRate: atHalf.offeredRate, v2aP99: atHalf.latency.v2a.p99 } : null,
    meetsLatencyGoal: undecidedIfCapped(atHalf ? atHalf.latency.v2a.count > 0 && atHalf.latency.v2a.p99 <= CRITERIA.maxP99Ms : null, floorCapped),
    steps: rates.map((rate) => {
      const f = find(floor.steps, rate);
      const t = find(target.steps, rate);
      return {
        offeredRate: rate,
        floor: f && { achievedRate: f.achievedRate, worstP99: f.worstP99, pass: f.failures.length === 0 },
        target: t && { achievedRate: t.achievedRate, worstP99: t.worstP99, pass: t.failures.length === 0 },
        p99Ratio: f && t && f.worstP99 > 0 && t.worstP99 !== null ? t.worstP99 / f.worstP99 : null,
      };
    }),
  };
}

// Met at half of a capped floor's rate says nothing about half of its real rate, which is higher.
function undecidedIfCapped(met, floorCapped) {
  return met === true && floorCapped ? null : met;
}
