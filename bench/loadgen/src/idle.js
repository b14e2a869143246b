// Idle mode: hold N idle widget connections (a session and a visitor hub connection each, no conversation) and
// measure what they cost the server, while a few active pairs send probes to show latency under that load.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConnectionPool, forEachLimit } from './hub.js';
import { agentTokens, createSession, readMemory } from './http.js';
import { sleep, stopRequested } from './interrupt.js';
import { generatorFigures, machineFigures, pick, runPhase } from './load.js';
import { fmtInt } from './report.js';
import { Traffic } from './traffic.js';

export async function runIdle(options, log) {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0];
  const idle = new ConnectionPool();
  const probes = new ConnectionPool();
  const traffic = new Traffic({ pool: probes, options, log });
  const memory = { before: await readMemory(options.url, true) };

  if (options.probePairs > 0) {
    const count = Math.min(options.agents, options.probePairs);
    const auth = await agentTokens(options, count);
    await traffic.openAgents(count, auth.tokens);
    await traffic.openPairs(options.probePairs);
    log(`probe pairs ready: ${traffic.pairs.length} of ${options.probePairs}`);
  }

  const openStart = performance.now();
  let opened = 0;
  const ticker = options.quiet ? null : setInterval(() =>
    log(`opening ${fmtInt(opened)} / ${fmtInt(options.idle)} idle connections, errors ${fmtInt(idle.connectErrors)}, disconnects ${fmtInt(idle.disconnects)}`), 1000);
  const url = `${options.url}/hubs/visitor`;
  await forEachLimit(options.idle, options.connectConcurrency, async () => {
    try {
      const session = await createSession(options.url, options.tenant);
      const connection = await idle.open(url, session.visitorToken, options, () => {});
      if (!connection) return;
      // The widget's first calls on connect (widget.ts, onConnected): the conversation (null before the first
      // message), then the messages after the last seq it has seen.
      if (options.widgetLoad) {
        await connection.invoke('GetConversation');
        await connection.invoke('Resume', 0);
      }
      opened++;
    } catch (error) {
      idle.fail(error);
    }
  });
  clearInterval(ticker);
  const openSeconds = (performance.now() - openStart) / 1000;
  log(`holding ${fmtInt(idle.held())} idle connections (${fmtInt(idle.connectErrors)} errors) after ${openSeconds.toFixed(1)} s`);
  memory.held = await readMemory(options.url, true);
  if (options.readyFile) writeFileSync(options.readyFile, `${opened}\n`);

  const cpu = process.cpuUsage();
  const wall = performance.now();
  let probe = null;
  if (traffic.pairs.length > 0 && !stopRequested()) {
    // Opening thousands of connections and the full GC of the memory reading leave both processes busy for a moment;
    // probes of the warm-up are not counted, so the measured ones show the steady state of the held connections.
    if (options.warmup > 0) await runPhase(traffic, 'probe-warmup', options.probeRate, options.warmup, options, log);
    probe = await runPhase(traffic, 'probe', options.probeRate, options.duration, options, log);
  } else {
    await holdFor(options.duration, idle, log, options.quiet);
  }
  const cpuUsed = process.cpuUsage(cpu);
  const heldAtEnd = idle.held();
  const probesHeldAtEnd = probes.held();
  memory.end = await readMemory(options.url, true);
  const ownConnections = opened + probes.all.length;
  if (memory.before && memory.held && ownConnections > 0) {
    memory.perConnection = {
      connections: ownConnections,
      workingSet: (memory.held.workingSet - memory.before.workingSet) / ownConnections,
      gcHeap: (memory.held.gcHeap - memory.before.gcHeap) / ownConnections,
    };
  }
  await Promise.all([idle.closeAll(), probes.closeAll()]);

  return {
    tool: 'customerservice-loadgen',
    mode: 'idle',
    label: options.label ?? options.url,
    url: options.url,
    startedAt,
    finishedAt: new Date().toISOString(),
    config: pick(options, ['tenant', 'idle', 'probePairs', 'probeRate', 'agents', 'duration', 'direction', 'grace', 'skipNegotiation', 'tokenInQuery', 'origin', 'widgetLoad']),
    idle: { requested: options.idle, opened, openSeconds, heldAtEnd, connectErrors: idle.connectErrors, disconnects: idle.disconnects },
    probe: probe ? {
      ...probe.summary(),
      connections: { visitors: traffic.pairs.length, agents: traffic.agents.length, heldAtEnd: probesHeldAtEnd, disconnects: probes.disconnects, connectErrors: probes.connectErrors },
    } : null,
    memory,
    generator: generatorFigures(cpuUsed, performance.now() - wall),
    machine: machineFigures(loadAtStart),
    errorSamples: [...idle.errorSamples, ...probes.errorSamples].slice(0, 5),
    interrupted: stopRequested(),
  };
}

async function holdFor(seconds, pool, log, quiet) {
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end && !stopRequested()) {
    await sleep(Math.min(1000, end - performance.now()));
    if (!quiet) log(`holding ${fmtInt(pool.held())} idle connections, disconnects ${fmtInt(pool.disconnects)}`);
  }
}
