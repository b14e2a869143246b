#!/usr/bin/env node
// Summaries for bench/run.sh:
//   node src/summarize.js ladder --target NAME --out summary.json rate-*.json
//   node src/summarize.js scale --target NAME --before memory.json --out summary.json a.json [b.json]
//   node src/summarize.js compare --target NAME [--floor relay|echo] --out comparison.json floor-summary.json target-summary.json
import { readFileSync } from 'node:fs';
import { compareLadders, failures, sustainableRate, worstP99 } from './ladder.js';
import { fmtInt, fmtMs, writeJson } from './report.js';
import { combineScale } from './scale.js';

const [command, ...rest] = process.argv.slice(2);
const flags = {};
const files = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i].startsWith('--')) flags[rest[i].slice(2)] = rest[++i];
  else files.push(rest[i]);
}
const read = (f) => JSON.parse(readFileSync(f, 'utf8'));
const verdict = (met) => (met === null ? 'not decided: run the floor to a step it fails' : met ? 'met' : 'MISSED');
const kb = (b) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)} KB` : '-');

if (command === 'ladder') {
  const runs = files.map(read).sort((x, y) => x.offeredRate - y.offeredRate);
  const { rate } = sustainableRate(runs);
  console.log(`\n${flags.target ?? ''} ladder (pass: achieved >= 99 % of offered, nothing lost or failed, delivery p99 <= 50 ms)`);
  console.log(['offered/s', 'achieved/s', 'sent', 'lost', 'dup', 'failed', 'v→a p50', 'v→a p99', 'a→v p99', 'p99.9', 'max', 'ack p99', 'lag p99', 'gen CPU', 'srv ms/msg', 'load avg', 'result']
    .map((h, i) => (i === 16 ? `  ${h}` : h.padStart(11))).join(''));
  for (const r of runs) {
    const why = failures(r);
    const l = r.latency;
    const p999 = Math.max(l.v2a.p999 ?? 0, l.a2v.p999 ?? 0);
    const max = Math.max(l.v2a.max ?? 0, l.a2v.max ?? 0);
    console.log([fmtInt(r.offeredRate), fmtInt(r.achievedRate), fmtInt(r.counts.sent), fmtInt(r.counts.lost), fmtInt(r.counts.duplicates),
      fmtInt(r.counts.failed + r.counts.unacked), fmtMs(l.v2a.p50), fmtMs(l.v2a.p99), fmtMs(l.a2v.p99), fmtMs(p999), fmtMs(max),
      fmtMs(l.ack.p99), fmtMs(l.sendLag.p99), `${r.generator.cpuPercent.toFixed(0)} %`,
      r.server?.cpuMsPerMessage != null ? r.server.cpuMsPerMessage.toFixed(3) : '-', r.machine?.loadAverageAtEnd?.toFixed(1) ?? '-'].map((v) => v.padStart(11)).join('') +
      `  ${why.length ? `FAIL: ${why.join(', ')}` : 'pass'}`);
    const failedBy = Object.entries(r.failedBy ?? {}).map(([reason, n]) => `${fmtInt(n)} ${reason}`);
    if (failedBy.length) console.log(`${''.padStart(11)}failed sends at ${fmtInt(r.offeredRate)}/s: ${failedBy.join(', ')}`);
  }
  console.log(`sustainable rate: ${rate === null ? 'none of the steps passed' : `${fmtInt(rate)} msg/s`}`);
  if (flags.out) {
    writeJson(flags.out, {
      target: flags.target ?? null,
      sustainableRate: rate,
      steps: runs.map((r) => ({ offeredRate: r.offeredRate, achievedRate: r.achievedRate, counts: r.counts, latency: r.latency,
        worstP99: worstP99(r), memory: r.memory, generator: r.generator, server: r.server ?? null, failures: failures(r), failedBy: r.failedBy ?? {} })),
    });
  }
} else if (command === 'scale') {
  const [a, b] = files.map(read);
  const before = flags.before ? read(flags.before) : null;
  const cold = flags.cold ? read(flags.cold) : null;
  const s = combineScale(before, a, b ?? null, cold);
  console.log(`\n${flags.target ?? ''} connection scaling: ${fmtInt(s.held)} connections held at the end of ${fmtInt(s.opened)} opened ` +
    `(${fmtInt(s.requested)} idle + probe pairs), connect errors ${fmtInt(s.connectErrors)}, disconnects ${fmtInt(s.disconnects)}`);
  console.log(`server memory per connection: working set ${kb(s.memory.perConnection?.workingSet)}, GC heap ${kb(s.memory.perConnection?.gcHeap)} ` +
    `(target <= ${kb(s.targets.bytesPerConnection)}); marginal, the second half only: working set ` +
    `${kb(s.memory.marginalPerConnection?.workingSet)}, GC heap ${kb(s.memory.marginalPerConnection?.gcHeap)}`);
  if (s.memory.fromColdStart || s.memory.process) {
    console.log(`  the same from a cold start (JIT and warm-up included): working set ${kb(s.memory.fromColdStart?.workingSet)}, ` +
      `GC heap ${kb(s.memory.fromColdStart?.gcHeap)}; the whole process over the connections held: working set ` +
      `${kb(s.memory.process?.workingSet)}`);
  }
  const gc = (m) => m?.gc;
  if (gc(s.memory.peak)) {
    const p = s.memory.peak;
    const mb = (x) => (Number.isFinite(x) ? `${(x / 1048576).toFixed(1)} MB` : '-');
    console.log(`  held: working set ${mb(p.workingSet)} = GC committed ${mb(p.gc.committed)} (heap ${mb(p.gc.heapSize)}, ` +
      `${p.gc.heapCount} heap(s)) + other anonymous ${mb(p.process.rssAnon - p.gc.committed)} + files ${mb(p.process.rssFile)} ` +
      `+ shared ${mb(p.workingSet - p.process.rssAnon - p.process.rssFile)}`);
  }
  if (s.probe) {
    console.log(`probes: sent ${fmtInt(s.probe.counts.sent)}, delivered ${fmtInt(s.probe.counts.delivered)}, lost ${fmtInt(s.probe.counts.lost)}; ` +
      `v→a p50 ${fmtMs(s.probe.v2a.p50)} p99 ${fmtMs(s.probe.v2a.p99)} max ${fmtMs(s.probe.v2a.max)} ms; ` +
      `a→v p50 ${fmtMs(s.probe.a2v.p50)} p99 ${fmtMs(s.probe.a2v.p99)} max ${fmtMs(s.probe.a2v.max)} ms`);
  }
  console.log(`checks: ${Object.entries(s.checks).map(([k, v]) => `${k} ${v ? 'pass' : 'FAIL'}`).join(', ')}`);
  if (flags.out) writeJson(flags.out, { target: flags.target ?? null, ...s });
} else if (command === 'compare') {
  const [floor, target] = files.map(read);
  // DESIGN.md's ratio goals are against the bare relay; against the raw echo the ratios are information only.
  const floorName = flags.floor ?? 'relay';
  const c = compareLadders(floor, target, floorName === 'relay' ? flags.target : null);
  const rate = (n) => (n === null || n === undefined ? '-' : fmtInt(n));
  console.log(`\n${flags.target} against the ${floorName === 'relay' ? 'bare SignalR relay' : `raw ${floorName}`}, same run and same load`);
  console.log(['offered/s', `${floorName} ach/s`, `${floorName} p99`, `${flags.target} ach/s`, `${flags.target} p99`, 'p99 ×'].map((h) => h.padStart(15)).join(''));
  for (const s of c.steps) {
    console.log([rate(s.offeredRate), rate(s.floor?.achievedRate), `${fmtMs(s.floor?.worstP99)}${s.floor && !s.floor.pass ? ' ✗' : ''}`,
      rate(s.target?.achievedRate), `${fmtMs(s.target?.worstP99)}${s.target && !s.target.pass ? ' ✗' : ''}`,
      s.p99Ratio === null ? '-' : s.p99Ratio.toFixed(1)].map((v) => v.padStart(15)).join(''));
  }
  const capped = c.floorCapped ? ' (its top step: the ceiling is higher)' : '';
  console.log(`sustainable: ${floorName} ${c.floorCapped ? '>= ' : ''}${rate(c.floorRate)} msg/s${capped}, ${flags.target} ${rate(c.targetRate)} msg/s, ratio ` +
    `${c.floorCapped ? '<= ' : ''}${c.ratio === null ? '-' : c.ratio.toFixed(2)}${c.goal === null ? '' : ` (goal >= ${c.goal}: ${verdict(c.meetsThroughputGoal)})`}`);
  if (c.halfFloorRate !== null && floorName === 'relay') {
    console.log(`visitor→agent p99 at half the ${floorName}'s rate (${rate(c.halfFloorRate)} msg/s; step ${rate(c.atHalf?.offeredRate)}): ` +
      `${fmtMs(c.atHalf?.v2aP99)} ms (goal <= 50 ms: ${verdict(c.meetsLatencyGoal)})`);
  }
  if (flags.out) writeJson(flags.out, { target: flags.target, ...c });
} else {
  console.error('usage: summarize.js ladder|scale|compare [--target NAME] [--floor NAME] [--before memory.json] [--out FILE] files...');
  process.exit(2);
}
