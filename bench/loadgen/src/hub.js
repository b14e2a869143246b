// Hub connections through the real @microsoft/signalr client (the one the widget uses), WebSockets only.
import signalR from '@microsoft/signalr';
import { stopRequested } from './interrupt.js';

/** Every connection this process opened, and how many of them closed without being asked to. */
export class ConnectionPool {
  constructor() {
    /** @type {signalR.HubConnection[]} */
    this.all = [];
    this.connectErrors = 0;
    this.disconnects = 0;
    /** connections that dropped and reconnected by themselves (resilient mode only) */
    this.reconnecting = 0;
    this.reconnected = 0;
    this.closing = false;
    /** @type {string[]} the first few distinct errors, for the report */
    this.errorSamples = [];
  }

  /**
   * Opens a connection; on failure counts it and returns null (connection errors are data, not fatal).
   * @param {string} url hub URL @param {string} token
   * @param {{skipNegotiation: boolean, tokenInQuery: boolean, origin?: string}} options
   * @param {(c: signalR.HubConnection) => void} wire registers event handlers before the start
   */
  async open(url, token, options, wire) {
    // In Node the client sends accessTokenFactory's token as an Authorization header, also on the WebSocket;
    // browsers cannot, and put it in the query string, which tokenInQuery imitates.
    const builder = new signalR.HubConnectionBuilder()
      .withUrl(options.tokenInQuery ? `${url}?access_token=${encodeURIComponent(token)}` : url, {
        accessTokenFactory: options.tokenInQuery ? undefined : () => token,
        transport: signalR.HttpTransportType.WebSockets,
        skipNegotiation: options.skipNegotiation,
        headers: options.origin ? { Origin: options.origin } : {},
      })
      .configureLogging(signalR.LogLevel.None);
    // Chaos runs: reconnect as the widget does (every 0.25-2 s, until the run stops); the caller resumes on reconnect.
    if (options.resilient) builder.withAutomaticReconnect({ nextRetryDelayInMilliseconds: reconnectDelay });
    const connection = builder.build();
    wire(connection);
    connection.onclose(() => { if (!this.closing) this.disconnects++; });
    connection.onreconnecting(() => { this.reconnecting++; });
    connection.onreconnected(() => { this.reconnected++; });
    try {
      await connection.start();
      this.all.push(connection);
      return connection;
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  fail(error) {
    this.connectErrors++;
    const text = String(error?.message ?? error).slice(0, 200);
    if (this.errorSamples.length < 5 && !this.errorSamples.includes(text)) this.errorSamples.push(text);
  }

  /** Connections currently in the Connected state. */
  held() {
    let n = 0;
    for (const c of this.all) if (c.state === signalR.HubConnectionState.Connected) n++;
    return n;
  }

  async closeAll(concurrency = 200) {
    this.closing = true;
    await forEachLimit(this.all.length, concurrency, (i) => this.all[i].stop().catch(() => {}), { ignoreStop: true });
  }
}

function reconnectDelay(context) {
  if (stopRequested()) return null;
  return Math.min(2000, 250 * 2 ** Math.min(3, context.previousRetryCount)) * (0.5 + Math.random() / 2);
}

/**
 * Runs fn(0..count-1) with at most `limit` calls in flight; stops starting new ones when a stop is requested.
 * @returns {Promise<any[]>} results by index (undefined where not started)
 */
export async function forEachLimit(count, limit, fn, { ignoreStop = false } = {}) {
  const results = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count && (ignoreStop || !stopRequested())) {
      const i = next++;
      results[i] = await fn(i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
