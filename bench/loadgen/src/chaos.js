// Chaos mode: steady open-loop traffic through clients that behave as the widget and the console do (retry sends
// with the same clientMessageId, reconnect, Resume after a hole or a reconnect), a command that kills part of the
// server in the middle of the measured phase (e.g. `deploy/local/cluster.sh kill 1`), and afterwards a read of every
// conversation's history. It reports what DESIGN.md section 7 asks of a silo killed under load: acknowledged messages
// lost, duplicates a user would see, late deliveries, and how long until sends are served again.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConnectionPool } from './hub.js';
import { agentTokens, readMemory } from './http.js';
import { stopRequested } from './interrupt.js';
import { generatorFigures, machineFigures, pick, runPhase } from './load.js';
import { OutageLog } from './outage.js';
import { Traffic } from './traffic.js';

/** DESIGN.md section 7: a silo killed under load. */
export const CHAOS_TARGETS = { ackedLost: 0, shownDuplicates: 0, servedAgainWithinS: 10 };

export async function runChaos(options, log) {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0];
  const pool = new ConnectionPool();
  const traffic = new Traffic({ pool, options: { ...options, resilient: true }, log, outage: new OutageLog() });

  const auth = await agentTokens(options, options.agents);
  await traffic.openAgents(options.agents, auth.tokens);
  await traffic.openPairs(options.visitors);
  log(`ready: ${traffic.agents.length} agents, ${traffic.pairs.length} conversations, ${pool.connectErrors} errors`);
  if (traffic.pairs.length === 0) throw new Error(`no conversation could be set up: ${pool.errorSamples.join('; ') || 'no agent connected'}`);

  if (options.warmup > 0 && !stopRequested()) await runPhase(traffic, 'warmup', options.rate, options.warmup, options, log);
  // Only the measured phase counts for the outage figures.
  const outage = new OutageLog();
  traffic.outage = outage;
  const kill = { command: options.killCommand, afterS: options.killAfter, exitCode: null, output: '', tookMs: null };
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const timer = setTimeout(() => runKill(kill, outage, log), options.killAfter * 1000);
  const measured = await runPhase(traffic, 'measure', options.rate, options.duration, options, log);
  clearTimeout(timer);
  const endMs = performance.now();
  const cpuUsed = process.cpuUsage(cpu);
  log('reading every conversation\'s history');
  const historyUnread = await traffic.readHistory(measured);
  const heldAtEnd = pool.held();
  const memory = { after: await readMemory(options.url, false) };
  await pool.closeAll();

  const summary = measured.summary();
  const recovery = outage.summary({ endMs });
  const c = summary.counts;
  return {
    tool: 'customerservice-loadgen',
    mode: 'chaos',
    label: options.label ?? options.url,
    url: options.url,
    startedAt,
    finishedAt: new Date().toISOString(),
    config: pick(options, ['agentUrl', 'tenant', 'visitors', 'agents', 'rate', 'duration', 'warmup', 'direction', 'grace', 'textSize', 'killAfter', 'killCommand']),
    connections: {
      visitors: traffic.pairs.length,
      agents: traffic.agents.length,
      heldAtEnd,
      connectErrors: pool.connectErrors,
      setupErrors: traffic.setupErrors,
      disconnects: pool.disconnects,
      reconnecting: pool.reconnecting,
      reconnected: pool.reconnected,
    },
    kill: kill.tookMs === null ? { ...kill, happened: false } : { ...kill, happened: true },
    ...summary,
    resync: { ...traffic.resync, historyUnread },
    recovery,
    checks: {
      ackedLost: c.lost,
      shownDuplicates: c.shownDuplicates,
      rawDuplicates: c.duplicates,
      servedAgainS: recovery.sendsSteadyAgainS,
      pass: kill.tookMs !== null && historyUnread === 0 && c.lost === CHAOS_TARGETS.ackedLost &&
        c.shownDuplicates === CHAOS_TARGETS.shownDuplicates && recovery.neverServedAgain === 0 &&
        (recovery.sendsSteadyAgainS ?? 0) <= CHAOS_TARGETS.servedAgainWithinS,
    },
    memory,
    generator: generatorFigures(cpuUsed, performance.now() - wall),
    machine: machineFigures(loadAtStart),
    errorSamples: pool.errorSamples,
    interrupted: stopRequested(),
  };
}

/** Runs the kill command once (through sh), noting when it started on the run's clock. */
function runKill(kill, outage, log) {
  if (!kill.command || stopRequested()) return;
  const start = performance.now();
  outage.kill(start);
  log(`killing: ${kill.command}`);
  const child = spawn('/bin/sh', ['-c', kill.command], { stdio: ['ignore', 'pipe', 'pipe'] });
  const take = (chunk) => { if (kill.output.length < 2000) kill.output += chunk.toString(); };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  child.on('close', (code) => {
    kill.exitCode = code;
    kill.tookMs = performance.now() - start;
    log(`kill command exited with ${code} after ${kill.tookMs.toFixed(0)} ms: ${kill.output.trim()}`);
  });
}
