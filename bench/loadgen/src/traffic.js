// Conversations between visitor and agent connections, and the open-loop traffic through them.
import { performance } from 'node:perf_hooks';
import { delay, driveOpenLoop, settlePhase, TICK_MS } from './drive.js';
import { createSession } from './http.js';
import { forEachLimit } from './hub.js';
import { messageId, messageText, parseMessageId, runTag } from './ids.js';
import { stopRequested } from './interrupt.js';
import { Phase } from './phase.js';
import { hubErrorCode, withRetry } from './retry.js';
import { plan } from './schedule.js';
import { SeqWatch } from './seqwatch.js';

/** Resume pages hold at most this many messages (docs/protocol.md); a shorter page is the last. */
const RESUME_PAGE = 200;
/** A hole in the seqs is given this long to fill by itself (an own ack overtaken by the next push) before Resume. */
const GAP_WAIT_MS = 300;

export class Traffic {
  /**
   * @param {object} o
   * @param {import('./hub.js').ConnectionPool} o.pool
   * @param {{url: string, tenant: string, skipNegotiation: boolean, connectConcurrency: number, textSize: number, direction: string}} o.options
   * @param {(line: string) => void} o.log
   * @param {import('./outage.js').OutageLog} [o.outage] given for chaos runs: the clients then behave as the widget and
   * the console do (retry sends with the same clientMessageId, reconnect, Resume after a gap or a reconnect)
   */
  constructor({ pool, options, log, outage }) {
    this.pool = pool;
    this.options = options;
    this.log = log;
    this.outage = outage ?? null;
    this.resilient = this.outage !== null;
    /** Resume calls, holes in the seqs that led to one, and Resume calls that failed (retried) */
    this.resync = { resumes: 0, gaps: 0, errors: 0, reopenErrors: 0 };
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
      this.pool.open(url, tokenOf(i), this.options, (c) => {
        c.on('message', (m) => this.#atAgent(i, m));
        if (this.resilient) c.onreconnected(() => this.#agentReconnected(i));
      }));
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
      const visitor = await this.pool.open(url, session.visitorToken, this.options, (c) => {
        c.on('message', (m) => this.#atVisitor(slot, m));
        if (this.resilient) c.onreconnected(() => { if (slot.pair >= 0) void this.#resume(slot.pair, 'visitor'); });
      });
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
        this.pairs.push({ visitor, agent: agent.connection, agentIndex: agent.index, conversationId,
          ...(this.resilient ? { watch: { visitor: new SeqWatch(), agent: new SeqWatch() }, resuming: {}, again: {}, gapTimer: {} } : {}) });
      } catch (error) {
        this.setupErrors++;
        this.pool.fail(error);
      }
    });
    return this.pairs.length;
  }

  /** Sends open-loop at `rate` for `durationS`; resolves when the last message was sent (not acknowledged). */
  run(name, rate, durationS) {
    const phase = new Phase(name, this.phases.length, { startMs: performance.now() + TICK_MS, rate, durationS, resilient: this.resilient });
    this.phases.push(phase);
    return driveOpenLoop(phase, this.pairs.length > 0, (k, now) => this.#send(phase, k, now));
  }

  /** Waits until every message of the phase is acknowledged and delivered (or failed), at most graceS. */
  settle(phase, graceS) {
    return settlePhase(phase, graceS);
  }

  #send(phase, k, now) {
    const { pair, dir } = plan(k, this.pairs.length, this.options.direction);
    const p = this.pairs[pair];
    const intended = phase.schedule.intendedTime(k);
    const clientMessageId = messageId(this.prefix, phase.index, k);
    phase.sendLag.record(now - intended);
    phase.ledger.markSent(k);
    const attempt = () => (dir === 'v2a'
      ? p.visitor.invoke('SendMessage', { clientMessageId, text: this.text })
      : p.agent.invoke('SendMessage', { conversationId: p.conversationId, clientMessageId, text: this.text }));
    if (!this.resilient) {
      attempt().then(
        () => { if (phase.ledger.markAcked(k)) phase.ack.record(performance.now() - intended); },
        (error) => phase.fail(k, error));
      return;
    }
    // As the widget's outbox: a transient failure is sent again, same clientMessageId, until the grace period ends.
    const retryForMs = Math.max(0, phase.schedule.endMs + this.options.grace * 1000 - performance.now());
    withRetry(attempt, {
      retryForMs,
      now: () => performance.now(),
      onFailure: (error) => this.outage.attemptFailed(pair, performance.now(), hubErrorCode(error)),
      onRetry: () => this.outage.retried(),
    }).then(
      (ack) => {
        const at = performance.now();
        if (phase.ledger.markAcked(k)) phase.ack.record(at - intended);
        this.outage.acked(pair, intended, at);
        this.#seeSeq(pair, dir === 'v2a' ? 'visitor' : 'agent', ack?.seq);
      },
      (error) => phase.fail(k, error));
  }

  #atVisitor(slot, m) {
    if (this.resilient && slot.pair >= 0) this.#seeSeq(slot.pair, 'visitor', m?.seq);
    if (m?.author?.kind === 'visitor') {
      slot.seenConversation ??= m.conversationId;
      return; // the visitor's own message, echoed to its connections
    }
    this.#delivered(m, 'a2v', (pair) => pair === slot.pair);
  }

  #atAgent(agentIndex, m) {
    const pair = this.byConversation.get(m?.conversationId);
    if (this.resilient && pair !== undefined && this.pairs[pair].agentIndex === agentIndex) this.#seeSeq(pair, 'agent', m?.seq);
    if (m?.author?.kind === 'agent') return;
    this.#delivered(m, 'v2a', (planned) => planned === pair && this.pairs[pair].agentIndex === agentIndex);
  }

  #delivered(m, dir, isReceiver, via = 'push') {
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
    if (phase.ledger.markDelivered(id.k, now, m.seq, via) === 'first') {
      phase[dir].record(now - phase.schedule.intendedTime(id.k));
      this.outage?.delivered(phase.schedule.intendedTime(id.k), now, via);
      const seen = this.lastSeq[dir];
      // A message fetched by Resume fills a hole below what was shown: it is late, not out of order (the widget holds
      // back what follows a hole until Resume returns).
      if (typeof m.seq === 'number' && via === 'push') {
        if (m.seq <= (seen[planned.pair] ?? 0)) phase.reordered++;
        else seen[planned.pair] = m.seq;
      }
    }
  }

  // ---- resilient clients (chaos runs): what the widget and the console do to see every message exactly once ----

  /** A seq this client learned in conversation `pair`; a hole below it that does not fill soon leads to Resume. */
  #seeSeq(pair, side, seq) {
    const p = this.pairs[pair];
    if (!p?.watch || !p.watch[side].see(seq) || p.gapTimer[side]) return;
    p.gapTimer[side] = setTimeout(() => {
      p.gapTimer[side] = null;
      if (!p.watch[side].hasGap) return;
      this.resync.gaps++;
      void this.#resume(pair, side);
    }, GAP_WAIT_MS);
  }

  /** The agent's connection came back with a new connection id: Open its conversations again (that subscribes), then
   * Resume each from the last seq it knows, as the console does for its open conversation. */
  async #agentReconnected(agentIndex) {
    for (let pair = 0; pair < this.pairs.length; pair++) {
      const p = this.pairs[pair];
      if (p.agentIndex !== agentIndex) continue;
      try {
        await p.agent.invoke('Open', p.conversationId);
      } catch {
        this.resync.reopenErrors++;
      }
      void this.#resume(pair, 'agent');
    }
  }

  /**
   * Resume(lastSeq) page after page for one client of conversation `pair`; what it returns from the other side counts
   * as delivered (late). One at a time per client: a request while one runs makes it go round again. A failure tries
   * again after a second (bounded by the run: nothing is started after a stop).
   */
  async #resume(pair, side) {
    const p = this.pairs[pair];
    if (p.resuming[side]) { p.again[side] = true; return; }
    p.resuming[side] = true;
    try {
      do {
        p.again[side] = false;
        this.resync.resumes++;
        const seqs = [];
        let from = p.watch[side].contiguous;
        for (let page = 0; page < 1000; page++) {
          const messages = await this.#resumePage(p, side, from);
          for (const m of messages) {
            seqs.push(m.seq);
            this.#fetched(pair, side, m);
          }
          if (messages.length < RESUME_PAGE) break;
          from = messages[messages.length - 1].seq;
        }
        p.watch[side].resumed(seqs);
      } while (p.again[side]);
    } catch {
      this.resync.errors++;
      if (!stopRequested()) setTimeout(() => void this.#resume(pair, side), 1000);
    } finally {
      p.resuming[side] = false;
    }
  }

  #resumePage(p, side, from) {
    return side === 'visitor' ? p.visitor.invoke('Resume', from) : p.agent.invoke('Resume', p.conversationId, from);
  }

  #fetched(pair, side, m) {
    if (side === 'visitor' && m?.author?.kind === 'agent') this.#delivered(m, 'a2v', (planned) => planned === pair, 'resume');
    if (side === 'agent' && m?.author?.kind === 'visitor') this.#delivered(m, 'v2a', (planned) => planned === pair, 'resume');
  }

  /**
   * After the run: reads every conversation's whole history (the agent's Resume from seq 0) and marks each message of
   * `phase` found there, so that a message the receiver never got but that is stored is not counted as lost, and a
   * message stored twice shows up. Returns the conversations whose history could not be read.
   */
  async readHistory(phase) {
    let unread = 0;
    await forEachLimit(this.pairs.length, 8, async (pair) => {
      const p = this.pairs[pair];
      try {
        let from = 0;
        for (let page = 0; page < 10_000; page++) {
          const messages = await withRetry(() => this.#resumePage(p, 'agent', from), { retryForMs: 10_000, now: () => performance.now() });
          for (const m of messages) {
            const id = parseMessageId(this.prefix, m?.clientMessageId);
            if (id && id.phase === phase.index) phase.ledger.markInHistory(id.k, m.seq);
          }
          if (messages.length < RESUME_PAGE) break;
          from = messages[messages.length - 1].seq;
        }
      } catch {
        unread++;
      }
    }, { ignoreStop: true });
    return unread;
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
