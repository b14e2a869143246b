// Load mode: V conversations, A agent connections, open-loop traffic at one rate: warm-up, then measurement.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConnectionPool } from './hub.js';
import { agentTokens, readMemory } from './http.js';
import { stopRequested } from './interrupt.js';
import { showProgress } from './progress.js';
import { Traffic } from './traffic.js';

export async function runLoad(options, log) {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0];
  const pool = new ConnectionPool();
  const traffic = new Traffic({ pool, options, log });
  const memory = { before: await readMemory(options.url, true) };

  const auth = await agentTokens(options, options.agents);
  const openStart = performance.now();
  log(`opening ${options.agents} agent connections (${auth.created} agents created now, ${auth.shared} on the shared login) ` +
    `and ${options.visitors} conversations at ${options.url}`);
  await traffic.openAgents(options.agents, auth.tokens);
  await traffic.openPairs(options.visitors);
  log(`ready: ${traffic.agents.length} agents, ${traffic.pairs.length} conversations, ${pool.connectErrors} errors, ` +
    `${((performance.now() - openStart) / 1000).toFixed(1)} s`);
  if (traffic.pairs.length === 0) throw new Error(`no conversation could be set up: ${pool.errorSamples.join('; ') || 'no agent connected'}`);
  memory.connected = await readMemory(options.url, true);

  const phases = await warmUpAndMeasure(traffic, options, log, memory);
  const heldAtEnd = pool.held();
  await pool.closeAll();

  return measuredResult('load', options, { startedAt, loadAtStart, memory, phases, errorSamples: pool.errorSamples },
    pick(options, ['agentUrl', 'tenant', 'visitors', 'agents', 'rate', 'duration', 'warmup', 'direction', 'grace', 'textSize', 'skipNegotiation', 'tokenInQuery', 'origin', 'accept', 'agentPerConnection']),
    {
      visitors: traffic.pairs.length,
      agents: traffic.agents.length,
      agentsCreated: auth.created,
      agentsOnSharedLogin: auth.shared,
      heldAtEnd,
      connectErrors: pool.connectErrors,
      setupErrors: traffic.setupErrors,
      acceptErrors: traffic.acceptErrors,
      disconnects: pool.disconnects,
    });
}

/**
 * The result document of a run made of a warm-up and a measured phase (load and echo modes): what ran, its
 * connections, the measured phase's summary, memory, the generator's and the server's CPU, the machine.
 */
export function measuredResult(mode, options, { startedAt, loadAtStart, memory, phases, errorSamples }, config, connections) {
  const { warmup, measured, generator, server } = phases;
  return {
    tool: 'customerservice-loadgen',
    mode,
    label: options.label ?? options.url,
    url: options.url,
    startedAt,
    finishedAt: new Date().toISOString(),
    config,
    connections,
    ...measured.summary(),
    warmup: warmup ? { ...warmup.summary(), latency: undefined } : null,
    memory,
    generator,
    server,
    machine: machineFigures(loadAtStart),
    errorSamples,
    interrupted: stopRequested(),
  };
}

/**
 * The warm-up (not counted) and the measured phase at --rate, with the server's memory at the end of sending (end)
 * and after a full GC (after), and the generator's own CPU while measuring.
 */
export async function warmUpAndMeasure(traffic, options, log, memory) {
  let warmup = null;
  if (options.warmup > 0 && !stopRequested()) {
    warmup = await runPhase(traffic, 'warmup', options.rate, options.warmup, options, log);
  }
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const serverBefore = await readMemory(options.url, false);
  const measured = await runPhase(traffic, 'measure', options.rate, options.duration, options, log, async () => {
    memory.end = await readMemory(options.url, false);
  });
  const generator = generatorFigures(process.cpuUsage(cpu), performance.now() - wall);
  const serverAfter = await readMemory(options.url, false);
  memory.after = await readMemory(options.url, true);
  return { warmup, measured, generator, server: serverCpu(serverBefore, serverAfter, measured.ledger.delivered) };
}

/**
 * The CPU the server process at --url used over the measured phase (sending and settling), per delivered message:
 * unlike latency, barely moved by other work on a shared machine, so two builds compare by it even when it is busy.
 * Null when the server does not report its CPU time.
 */
export function serverCpu(before, after, delivered) {
  if (!Number.isFinite(before?.processorTimeMs) || !Number.isFinite(after?.processorTimeMs)) return null;
  const cpuMs = after.processorTimeMs - before.processorTimeMs;
  return { cpuMs, cpuMsPerMessage: delivered > 0 ? cpuMs / delivered : null };
}

/** Runs one phase with progress lines, then waits for its stragglers (at most the grace period). */
export async function runPhase(traffic, name, rate, durationS, options, log, afterSend) {
  const phase = traffic.phases.length;
  const run = traffic.run(name, rate, durationS);
  const stop = showProgress(traffic.phases[phase], log, options.quiet);
  const done = await run;
  if (afterSend) await afterSend();
  await traffic.settle(done, options.grace);
  stop();
  const s = done.summary();
  log(`${name} done: sent ${s.counts.sent}, delivered ${s.counts.delivered}, lost ${s.counts.lost}, ` +
    `achieved ${Math.round(s.achievedRate)}/s of ${rate}/s`);
  return done;
}

export function generatorFigures(cpuUsed, wallMs) {
  return {
    cpuPercent: wallMs > 0 ? ((cpuUsed.user + cpuUsed.system) / 1000 / wallMs) * 100 : 0,
    rssBytes: process.memoryUsage().rss,
  };
}

/** The machine is shared: its load average says how much the figures may be disturbed. */
export function machineFigures(loadAtStart) {
  return { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg()[0], node: process.version };
}

export function pick(o, keys) {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
