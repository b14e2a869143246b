// The REST calls the load generator needs (docs/protocol.md): a widget session, an agent login, and the server's
// memory at /metrics/memory (not part of the public API; WebFront and the bench relay both serve it).

const TIMEOUT_MS = 15_000;

let origin;

/** An Origin header for every request (a widget's requests come from the tenant's site). */
export function useOrigin(value) {
  origin = value;
}

async function call(method, url, body, token) {
  const headers = body === undefined ? {} : { 'content-type': 'application/json' };
  if (origin) headers.origin = origin;
  if (token) headers.authorization = `Bearer ${token}`;
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

/** Creates an agent of the admin's tenant (POST /api/v1/agents, admin token). */
export function createAgent(baseUrl, adminToken, agent) {
  return call('POST', `${baseUrl}/api/v1/agents`, agent, adminToken);
}

/**
 * One token per agent connection, each of a different agent, so that a conversation's messages go to the one
 * connection of its agent, as in the relay. A real server pushes an agent's conversations to every connection of that
 * agent (all its tabs): with one shared login, each visitor message would be delivered A times.
 * The agents `bench-{i}@{tenant}.local` are created with the admin's login when they do not exist yet (so the ladder's
 * steps reuse them instead of growing the tenant); where creating fails (it exists already, or the bare relay has no
 * /agents and accepts any login) each still logs in under its own e-mail; if that fails too, the admin's token is used
 * (and the extra copies show up as "seen elsewhere").
 * @returns {Promise<{tokens: string[], created: number, shared: number}>}
 */
export async function agentTokens(o, count) {
  const admin = await login(o.agentUrl, o.tenant, o.agentEmail, o.agentPassword);
  if (!o.agentPerConnection) return { tokens: Array(count).fill(admin.token), created: 0, shared: count };
  const tokens = [];
  let created = 0, shared = 0;
  const password = 'bench-agent-password';
  for (let i = 0; i < count; i++) {
    const email = `bench-${i}@${o.tenant}.local`;
    let token = await login(o.agentUrl, o.tenant, email, password).then((r) => r.token, () => null);
    if (!token) {
      try {
        await createAgent(o.agentUrl, admin.token, { email, name: `Bench agent ${i}`, role: 'agent', password, capacity: 50 });
        created++;
        token = (await login(o.agentUrl, o.tenant, email, password)).token;
      } catch {
        token = admin.token;
        shared++;
      }
    }
    tokens.push(token);
  }
  return { tokens, created, shared };
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
