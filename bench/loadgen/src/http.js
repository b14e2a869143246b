// The REST calls the load generator needs (docs/protocol.md): a widget session, an agent login, and the server's
// memory at /metrics/memory (not part of the public API; WebFront and the bench relay both serve it).

const TIMEOUT_MS = 15_000;

let origin;

/** An Origin header for every request (a widget's requests come from the tenant's site). */
export function useOrigin(value) {
  origin = value;
}

async function call(method, url, body) {
  const headers = body === undefined ? {} : { 'content-type': 'application/json' };
  if (origin) headers.origin = origin;
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) {
    let code = '';
    try { code = JSON.parse(text).code ?? ''; } catch { /* not problem+json */ }
    throw new Error(`${method} ${new URL(url).pathname}: HTTP ${response.status}${code ? ` (${code})` : ''}`);
  }
  return text ? JSON.parse(text) : null;
}

/** @returns {Promise<{visitorId: string, visitorToken: string, conversationId?: string|null}>} */
export function createSession(baseUrl, tenant) {
  return call('POST', `${baseUrl}/api/v1/widget/session`, { tenant });
}

/** @returns {Promise<{token: string, agent: {id: string}}>} */
export function login(baseUrl, tenant, email, password) {
  return call('POST', `${baseUrl}/api/v1/auth/login`, { tenant, email, password });
}

/**
 * The server's memory, or null when it does not serve /metrics/memory.
 * @param {boolean} collect ask the server for a full GC first, so that gcHeap counts live objects
 * @returns {Promise<{workingSet: number, gcHeap: number, connections?: number}|null>}
 */
export async function readMemory(baseUrl, collect) {
  try {
    return await call('GET', `${baseUrl}/metrics/memory${collect ? '?collect=true' : ''}`);
  } catch {
    return null;
  }
}

/** True once GET /healthz answers 2xx. */
export async function healthy(baseUrl) {
  try {
    const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  } catch {
    return false;
  }
}
