// What the widget and the console do when a hub call fails (src/WebFront/Client/shared/hubErrors.ts, outbox.ts):
// a transient failure is sent again with the SAME clientMessageId after a backoff, and the server answers a resend
// with the first ack instead of storing a second message (docs/protocol.md, SendMessage).
import { sleep, stopRequested } from './interrupt.js';

const CODES = new Set(['unauthorized', 'forbidden', 'not_found', 'invalid_argument', 'too_large', 'rate_limited', 'unavailable', 'closed', 'conflict']);

/** The protocol code of a hub error ("... HubException: unavailable: ..."), or undefined when the server gave none. */
export function hubErrorCode(error) {
  let text = String(error?.message ?? error ?? '');
  const at = text.indexOf('HubException: ');
  if (at >= 0) text = text.slice(at + 'HubException: '.length);
  const match = /^([a-z_]+): /.exec(text);
  return match && CODES.has(match[1]) ? match[1] : undefined;
}

/**
 * Worth sending again: no code means the call never got an answer (the connection dropped, or it was not connected);
 * unavailable, conflict and rate_limited are transient by definition. Everything else would fail again.
 */
export function isRetryable(error) {
  const code = hubErrorCode(error);
  return code === undefined || code === 'unavailable' || code === 'conflict' || code === 'rate_limited';
}

/**
 * Backoff before attempt n+1 (n >= 1 failures so far): 100 ms doubling to a 2 s cap, with jitter so that the
 * conversations of a killed silo do not all come back in the same millisecond. The widget's own cap is 30 s between
 * reconnects; 2 s keeps the measured recovery time within 2 s of the real one.
 */
export function backoffMs(failures, random = Math.random) {
  const base = Math.min(2000, 100 * 2 ** Math.max(0, failures - 1));
  return base / 2 + random() * (base / 2);
}

/**
 * Calls attempt() until it succeeds, fails with a non-retryable error, or retryForMs has passed since the first try.
 * @param {() => Promise<any>} attempt
 * @param {{retryForMs: number, now: () => number, onFailure?: (error: any, failures: number) => void,
 *   onRetry?: (failures: number) => void}} o
 * @returns {Promise<any>} the first success; rejects with the last error
 */
export async function withRetry(attempt, { retryForMs, now, onFailure = () => {}, onRetry = () => {} }) {
  const start = now();
  for (let failures = 0; ; ) {
    try {
      return await attempt();
    } catch (error) {
      failures++;
      onFailure(error, failures);
      if (!isRetryable(error) || now() - start >= retryForMs || stopRequested()) throw error;
      onRetry(failures);
      await sleep(backoffMs(failures));
    }
  }
}
