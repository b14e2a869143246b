// Conversations between visitor and agent connections, and the open-loop traffic through them.
import { performance } from 'node:perf_hooks';
import { createSession } from './http.js';
import { forEachLimit } from './hub.js';
import { messageId, messageText, parseMessageId, runTag } from './ids.js';
import { onStop, stopRequested } from './interrupt.js';
import { Phase } from './phase.js';
import { plan } from './schedule.js';

const TICK_MS = 1;

export class Traffic {
  /**
   * @param {object} o
   * @param {import('./hub.js').ConnectionPool} o.pool
   * @param {{url: string, tenant: string, skipNegotiation: boolean, connectConcurrency: number, textSize: number, direction: string}} o.options
   * @param {(line: string) => void} o.log
   */
  constructor({ pool, options, log }) {
    this.pool = pool;
    this.options = options;
    this.log = log;
    this.prefix = `lg.${runTag()}.`;
    this.text = messageText(options.textSize);
    /** @type {{visitor: any, agent: any, agentIndex: number, conversationId: string}[]} */
    this.pairs = [];
    /** @type {Map<string, number>} conversation id → pair index */
    this.byConversation = new Map();
    this.agents = [];
    /** @type {Phase[]} */
    this.phases = [];
    this.setupErrors = 0;
    this.acceptErrors = 0;
    /** the highest seq each receiver saw, per pair: a lower one after it is a delivery out of order */
    this.lastSeq = { v2a: [], a2v: [] };
  }

  /** Opens agent connections, connection i with tokens[i] (or one token for all). */
  async openAgents(count, tokens) {
    const url = `${this.options.agentUrl}/hubs/agent`;
    const tokenOf = (i) => (Array.isArray(tokens) ? tokens[i % tokens.length] : tokens);
    const opened = await forEachLimit(count, this.options.connectConcurrency, (i) =>
      this.pool.open(url, tokenOf(i), this.options, (c) => c.on('message', (m) => this.#atAgent(i, m))));
    this.agents = opened.map((c, i) => ({ connection: c, index: i })).filter((a) => a.connection);
    return this.agents.length;
  }

  /**
   * Opens `count` visitors and makes each a conversation: the visitor's first message creates it, its id comes from
   * the session, GetConversation() or the visitor's own copy of that message, and an agent Opens it.
   */
  async openPairs(count) {
    if (this.agents.length === 0) return 0;
    const url = `${this.options.url}/hubs/visitor`;
    await forEachLimit(count, this.options.connectConcurrency, async (i) => {
      const slot = { pair: -1, seenConversation: null };
      let session;
      try {
        session = await createSession(this.options.url, this.options.tenant);
      } catch (error) {
        this.pool.fail(error);
        return;
      }
      const visitor = await this.pool.open(url, session.visitorToken, this.options, (c) =>
        c.on('message', (m) => this.#atVisitor(slot, m)));
      if (!visitor) return;
      try {
        await visitor.invoke('SendMessage', { clientMessageId: `setup.${this.prefix}${i}`, text: 'Hello' });
        const conversationId = session.conversationId ?? (await conversationOf(visitor, slot));
        const agent = this.agents[i % this.agents.length];
        await agent.connection.invoke('Open', conversationId);
        if (this.options.accept) {
          // Already assigned to this agent, or a server without Accept (the relay): either way the pair works.
          await agent.connection.invoke('Accept', conversationId).catch(() => { this.acceptErrors++; });
        }
        slot.pair = this.pairs.length;
        this.byConversation.set(conversationId, slot.pair);
        this.pairs.push({ visitor, agent: agent.connection, agentIndex: agent.index, conversationId });
      } catch (error) {
        this.setupErrors++;
        this.pool.fail(error);
      }
    });
    return this.pairs.length;
  }

  /** Sends open-loop at `rate` for `durationS`; resolves when the last message was sent (not acknowledged). */
  run(name, rate, durationS) {
    const phase = new Phase(name, this.phases.length, { startMs: performance.now() + TICK_MS, rate, durationS });
    this.phases.push(phase);
    return new Promise((resolve) => {
      if (this.pairs.length === 0) { phase.schedule.stop(); resolve(phase); return; }
      const off = onStop(() => phase.schedule.stop());
      const tick = () => {
        const now = performance.now();
        const { from, until } = phase.schedule.takeDue(now);
        for (let k = from; k < until; k++) this.#send(phase, k, now);
        if (phase.schedule.done) { off(); resolve(phase); } else setTimeout(tick, TICK_MS);
      };
      setTimeout(tick, TICK_MS);
    });
  }

  /** Waits until every message of the phase is acknowledged and delivered (or failed), at most graceS. */
  async settle(phase, graceS) {
    const deadline = performance.now() + graceS * 1000;
    while (phase.ledger.outstanding() > 0 && performance.now() < deadline) {
      if (stopRequested() && performance.now() > deadline - (graceS - 2) * 1000) break; // after Ctrl+C: 2 s at most
      await delay(20);
    }
    phase.settledAtMs = performance.now();
  }

  #send(phase, k, now) {
    const { pair, dir } = plan(k, this.pairs.length, this.options.direction);
    const p = this.pairs[pair];
    const intended = phase.schedule.intendedTime(k);
    const clientMessageId = messageId(this.prefix, phase.index, k);
    phase.sendLag.record(now - intended);
    phase.ledger.markSent(k);
    const sent = dir === 'v2a'
      ? p.visitor.invoke('SendMessage', { clientMessageId, text: this.text })
      : p.agent.invoke('SendMessage', { conversationId: p.conversationId, clientMessageId, text: this.text });
    sent.then(
      () => { if (phase.ledger.markAcked(k)) phase.ack.record(performance.now() - intended); },
      () => phase.ledger.markFailed(k));
  }

  #atVisitor(slot, m) {
    if (m?.author?.kind === 'visitor') {
      slot.seenConversation ??= m.conversationId;
      return; // the visitor's own message, echoed to its connections
    }
    this.#delivered(m, 'a2v', (pair) => pair === slot.pair);
  }

  #atAgent(agentIndex, m) {
    if (m?.author?.kind === 'agent') return;
    const pair = this.byConversation.get(m?.conversationId);
    this.#delivered(m, 'v2a', (planned) => planned === pair && this.pairs[pair].agentIndex === agentIndex);
  }

  #delivered(m, dir, isReceiver) {
    const now = performance.now();
    const id = parseMessageId(this.prefix, m?.clientMessageId);
    if (!id) return;
    const phase = this.phases[id.phase];
    if (!phase) return;
    const planned = plan(id.k, this.pairs.length, this.options.direction);
    if (planned.dir !== dir || !isReceiver(planned.pair)) {
      phase.elsewhere++;
      return;
    }
    if (phase.ledger.markDelivered(id.k, now) === 'first') {
      phase[dir].record(now - phase.schedule.intendedTime(id.k));
      const seen = this.lastSeq[dir];
      if (typeof m.seq === 'number') {
        if (m.seq <= (seen[planned.pair] ?? 0)) phase.reordered++;
        else seen[planned.pair] = m.seq;
      }
    }
  }
}

/** The conversation id after the visitor's first message: GetConversation(), else the visitor's own copy. */
async function conversationOf(visitor, slot) {
  try {
    const conversation = await visitor.invoke('GetConversation');
    if (conversation?.id) return conversation.id;
  } catch {
    // A server without GetConversation: fall back to the echo.
  }
  for (let waited = 0; waited < 5000 && !slot.seenConversation; waited += 20) await delay(20);
  if (!slot.seenConversation) throw new Error('no conversation id after the first message');
  return slot.seenConversation;
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
