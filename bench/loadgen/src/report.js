// The end-of-run table (stdout) and the JSON file.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chaosLines } from './chaosReport.js';

export const fmtInt = (n) => (n === null || n === undefined || !Number.isFinite(n) ? '-' : Math.round(n).toLocaleString('en-US'));
export const fmtMs = (n) => (n === null || n === undefined || !Number.isFinite(n) ? '-' : n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : fmtInt(n));
const fmtMb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(1)} MB` : '-');
const fmtKb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '-');

function latencyTable(latency, echo = false) {
  const rows = echo ? [['round trip (echo)', latency.v2a]] : [
    ['visitor→agent', latency.v2a],
    ['agent→visitor', latency.a2v],
    ['ack (sender)', latency.ack],
    ['send lag (generator)', latency.sendLag],
  ];
  const head = `${'latency, ms'.padEnd(22)}${['count', 'p50', 'p90', 'p99', 'p99.9', 'max', 'mean'].map((h) => h.padStart(10)).join('')}`;
  const lines = rows.map(([name, s]) => `${name.padEnd(22)}${fmtInt(s.count).padStart(10)}` +
    [s.p50, s.p90, s.p99, s.p999, s.max, s.mean].map((v) => fmtMs(v).padStart(10)).join(''));
  return [head, ...lines];
}

function countsLine(c) {
  return `messages: sent ${fmtInt(c.sent)}, acked ${fmtInt(c.acked)}, delivered ${fmtInt(c.delivered)}, lost ${fmtInt(c.lost)}, ` +
    `duplicated ${fmtInt(c.duplicates)}, failed ${fmtInt(c.failed)}, unacked ${fmtInt(c.unacked)}` +
    `, out of order ${fmtInt(c.reordered)}` + (c.elsewhere ? `, also seen elsewhere ${fmtInt(c.elsewhere)}` : '');
}

/** Why sends failed, most frequent first, with one server message for each reason. */
function failureLines(r) {
  return Object.entries(r.failedBy ?? {}).sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `failed sends: ${fmtInt(n)} ${reason}` + (r.failureSamples?.[reason] ? ` (e.g. ${r.failureSamples[reason]})` : ''));
}

function memoryLines(memory) {
  const lines = [];
  for (const [name, m] of Object.entries(memory)) {
    if (name === 'perConnection') continue;
    lines.push(`server memory ${name.padEnd(9)}: ${m ? `working set ${fmtMb(m.workingSet)}, GC heap ${fmtMb(m.gcHeap)}` +
      (m.connections !== undefined ? `, ${fmtInt(m.connections)} hub connections` : '') : 'not served'}`);
  }
  if (memory.perConnection) {
    lines.push(`server memory per connection: working set ${fmtKb(memory.perConnection.workingSet)}, GC heap ${fmtKb(memory.perConnection.gcHeap)}`);
  }
  return lines;
}

/** @returns {string} the human-readable report of one run */
export function formatReport(r) {
  const lines = [`${r.label} — ${r.mode} run, ${r.startedAt}`];
  if (r.mode === 'load') {
    const c = r.connections;
    lines.push(`connections: ${fmtInt(c.visitors)} conversations (visitor + agent), ${fmtInt(c.agents)} agent connections; ` +
      `held at end ${fmtInt(c.heldAtEnd)}, connect errors ${fmtInt(c.connectErrors)}, disconnects ${fmtInt(c.disconnects)}`);
    lines.push(`rate: offered ${fmtInt(r.offeredRate)}/s, sent ${fmtInt(r.sentRate)}/s, achieved ${fmtInt(r.achievedRate)}/s ` +
      `over ${r.durationS.toFixed(1)} s, direction ${r.config.direction}`);
    lines.push(countsLine(r.counts), ...failureLines(r), ...latencyTable(r.latency));
  } else if (r.mode === 'chaos') {
    lines.push(`rate: offered ${fmtInt(r.offeredRate)}/s, sent ${fmtInt(r.sentRate)}/s, achieved ${fmtInt(r.achievedRate)}/s ` +
      `over ${r.durationS.toFixed(1)} s, direction ${r.config.direction}`);
    lines.push(...chaosLines(r), ...latencyTable(r.latency));
  } else if (r.mode === 'echo') {
    const c = r.connections;
    lines.push(`connections: ${fmtInt(c.visitors)} echo sockets; held at end ${fmtInt(c.heldAtEnd)}, connect errors ` +
      `${fmtInt(c.connectErrors)}, disconnects ${fmtInt(c.disconnects)}`);
    lines.push(`rate: offered ${fmtInt(r.offeredRate)}/s, sent ${fmtInt(r.sentRate)}/s, achieved ${fmtInt(r.achievedRate)}/s ` +
      `over ${r.durationS.toFixed(1)} s`);
    lines.push(countsLine(r.counts), ...failureLines(r), ...latencyTable(r.latency, true));
  } else {
    const i = r.idle;
    lines.push(`idle connections: requested ${fmtInt(i.requested)}, opened ${fmtInt(i.opened)} in ${i.openSeconds.toFixed(1)} s, ` +
      `held at end ${fmtInt(i.heldAtEnd)}, connect errors ${fmtInt(i.connectErrors)}, disconnects ${fmtInt(i.disconnects)}`);
    if (r.probe) {
      lines.push(`probes: ${fmtInt(r.probe.connections.visitors)} pairs at ${fmtInt(r.probe.offeredRate)}/s for ${r.probe.durationS.toFixed(1)} s`);
      lines.push(countsLine(r.probe.counts), ...failureLines(r.probe), ...latencyTable(r.probe.latency));
    }
  }
  lines.push(...memoryLines(r.memory));
  if (r.server?.cpuMsPerMessage != null) {
    lines.push(`server CPU while measuring: ${fmtInt(r.server.cpuMs)} ms, ${r.server.cpuMsPerMessage.toFixed(3)} ms per delivered message`);
  }
  lines.push(`generator: CPU ${r.generator.cpuPercent.toFixed(0)} % of one core while measuring, RSS ${fmtMb(r.generator.rssBytes)}; ` +
    `machine: ${r.machine.cpus} CPUs, load average ${r.machine.loadAverageAtStart.toFixed(1)} at start, ${r.machine.loadAverageAtEnd.toFixed(1)} at end`);
  for (const e of r.errorSamples ?? []) lines.push(`error sample: ${e}`);
  return lines.join('\n');
}

export function writeJson(file, result) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
}
