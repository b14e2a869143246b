// Echo mode: the raw floor. N plain WebSockets to the bench relay's /echo (Kestrel, no SignalR), the same open-loop
// schedule and accounting as the load mode; each frame's way there and back is one "delivery", recorded as
// visitor→agent so that the ladder and the comparisons read echo runs like any other.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { delay, driveOpenLoop, settlePhase, TICK_MS } from './drive.js';
import { forEachLimit } from './hub.js';
import { readMemory } from './http.js';
import { measuredResult, pick, warmUpAndMeasure } from './load.js';
import { Phase } from './phase.js';

/** A frame is "{phase}:{k}:" padded with text to the configured size; the echo returns it unchanged. */
export function echoFrame(phase, k, size) {
  const head = `${phase}:${k}:`;
  return head + 'x'.repeat(Math.max(0, size - head.length));
}

/** @returns {{phase: number, k: number}|null} */
export function parseEchoFrame(data) {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  const first = text.indexOf(':');
  const second = text.indexOf(':', first + 1);
  if (first < 1 || second < 0) return null;
  const phase = Number(text.slice(0, first));
  const k = Number(text.slice(first + 1, second));
  return Number.isInteger(phase) && Number.isInteger(k) ? { phase, k } : null;
}

export class EchoTraffic {
  constructor({ options }) {
    this.options = options;
    /** @type {WebSocket[]} */
    this.sockets = [];
    /** @type {Phase[]} */
    this.phases = [];
    this.connectErrors = 0;
    this.disconnects = 0;
    this.closing = false;
    this.errorSamples = [];
  }

  async open(count) {
    const url = `${this.options.url.replace(/^http/, 'ws')}/echo`;
    await forEachLimit(count, this.options.connectConcurrency, () => new Promise((resolve) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      socket.on('open', () => { this.sockets.push(socket); resolve(); });
      socket.on('message', (data) => this.#received(data));
      socket.on('error', (error) => { this.#fail(error); resolve(); });
      socket.on('close', () => { if (!this.closing && socket.readyState !== WebSocket.CONNECTING) this.disconnects++; });
    }));
    return this.sockets.length;
  }

  run(name, rate, durationS) {
    const phase = new Phase(name, this.phases.length, { startMs: performance.now() + TICK_MS, rate, durationS });
    this.phases.push(phase);
    return driveOpenLoop(phase, this.sockets.length > 0, (k, now) => this.#send(phase, k, now));
  }

  settle(phase, graceS) {
    return settlePhase(phase, graceS);
  }

  held() {
    return this.sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  async closeAll() {
    this.closing = true;
    for (const s of this.sockets) s.close();
    await delay(100);
    for (const s of this.sockets) if (s.readyState !== WebSocket.CLOSED) s.terminate();
  }

  #send(phase, k, now) {
    const socket = this.sockets[k % this.sockets.length];
    phase.sendLag.record(now - phase.schedule.intendedTime(k));
    phase.ledger.markSent(k);
    socket.send(echoFrame(phase.index, k, this.options.textSize), (error) => { if (error) phase.fail(k, error); });
  }

  #received(data) {
    const now = performance.now();
    const id = parseEchoFrame(data);
    const phase = id && this.phases[id.phase];
    if (!phase) return;
    const roundTrip = now - phase.schedule.intendedTime(id.k);
    if (phase.ledger.markAcked(id.k)) phase.ack.record(roundTrip);
    if (phase.ledger.markDelivered(id.k, now) === 'first') phase.v2a.record(roundTrip);
  }

  #fail(error) {
    this.connectErrors++;
    const text = String(error?.message ?? error).slice(0, 200);
    if (this.errorSamples.length < 5 && !this.errorSamples.includes(text)) this.errorSamples.push(text);
  }
}

/** --echo: --visitors sockets, warm-up, then measurement at --rate; the result has the load mode's shape. */
export async function runEcho(options, log) {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0];
  const traffic = new EchoTraffic({ options });
  const memory = { before: await readMemory(options.url, true) };
  const opened = await traffic.open(options.visitors);
  log(`ready: ${opened} echo sockets, ${traffic.connectErrors} errors`);
  if (opened === 0) throw new Error(`no echo socket opened at ${options.url}/echo: ${traffic.errorSamples.join('; ')}`);
  memory.connected = await readMemory(options.url, true);
  const phases = await warmUpAndMeasure(traffic, options, log, memory);
  const heldAtEnd = traffic.held();
  await traffic.closeAll();
  return measuredResult('echo', options, { startedAt, loadAtStart, memory, phases, errorSamples: traffic.errorSamples },
    pick(options, ['visitors', 'rate', 'duration', 'warmup', 'grace', 'textSize']),
    { visitors: opened, agents: 0, heldAtEnd, connectErrors: traffic.connectErrors, disconnects: traffic.disconnects });
}
