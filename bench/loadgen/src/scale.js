// The connection-scaling run: idle connections held by two generator processes against one server, probes from
// the first. Combines their results with the server's memory before either started.

export const SCALE_TARGETS = { connections: 15_000, bytesPerConnection: 30 * 1024, p99Ms: 50 };

/**
 * @param {{workingSet: number, gcHeap: number}|null} before server memory before either generator connected, after the
 *   warm-up (run.sh opens and closes a few hundred connections first, so that JIT and pools are not counted)
 * @param {object} a result of the generator that probes (its memory.held was read with both holding)
 * @param {object|null} b result of the generator that only holds
 * @param {{workingSet: number, gcHeap: number}|null} cold server memory when it had just started (before the warm-up)
 */
export function combineScale(before, a, b, cold = null) {
  const runs = [a, b].filter(Boolean);
  const sum = (f) => runs.reduce((n, r) => n + f(r), 0);
  const probeConnections = (r) => (r.probe ? r.probe.connections.visitors + r.probe.connections.agents : 0);
  const opened = sum((r) => r.idle.opened + probeConnections(r));
  const held = sum((r) => r.idle.heldAtEnd + (r.probe ? r.probe.connections.heldAtEnd : 0));
  const disconnects = sum((r) => r.idle.disconnects + (r.probe ? r.probe.connections.disconnects : 0));
  const connectErrors = sum((r) => r.idle.connectErrors + (r.probe ? r.probe.connections.connectErrors : 0));
  const peak = a.memory?.held ?? null;
  const growth = (from) => (from && peak && opened > 0
    ? { workingSet: (peak.workingSet - from.workingSet) / opened, gcHeap: (peak.gcHeap - from.gcHeap) / opened }
    : null);
  const perConnection = growth(before);
  const probe = a.probe
    ? { counts: a.probe.counts, v2a: a.probe.latency.v2a, a2v: a.probe.latency.a2v, ack: a.probe.latency.ack }
    : null;
  const p99 = probe ? Math.max(...[probe.v2a, probe.a2v].filter((s) => s.count > 0).map((s) => s.p99)) : null;
  const checks = {
    connectionsHeld: held >= SCALE_TARGETS.connections,
    memoryPerConnection: perConnection !== null && perConnection.workingSet <= SCALE_TARGETS.bytesPerConnection,
    probeP99: p99 !== null && Number.isFinite(p99) && p99 <= SCALE_TARGETS.p99Ms,
    noDisconnects: disconnects === 0,
    nothingLost: probe ? probe.counts.lost === 0 && probe.counts.duplicates === 0 : false,
  };
  return {
    requested: sum((r) => r.idle.requested),
    opened,
    held,
    connectErrors,
    disconnects,
    // What the first generator's connections added on top of the second's: the marginal cost, free of the
    // server's one-time costs (JIT, pools) that the first connections pay.
    // fromColdStart counts the warm-up's one-time costs too; process is the whole process's memory over the
    // connections held, the runtime and the program included.
    memory: {
      cold, before, peak, perConnection, marginalPerConnection: a.memory?.perConnection ?? null, fromColdStart: growth(cold),
      process: peak && held > 0 ? { workingSet: peak.workingSet / held, gcHeap: peak.gcHeap / held } : null,
    },
    probe,
    probeP99: p99,
    targets: SCALE_TARGETS,
    checks,
  };
}
