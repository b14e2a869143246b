// A throwaway stand-in for WebFront, for working on the front-ends without the .NET server: it serves ../wwwroot
// and speaks the REST paths and the two SignalR hubs of docs/protocol.md (JSON hub protocol over WebSockets), with
// state in memory. It is NOT the server and checks almost nothing. Run: npm run build && npm run mock
// Log in to /console with tenant "demo", e-mail "ann@demo.test" (admin) or "bob@demo.test" (agent), password "demo".
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { WebSocketServer } from "ws";

const root = fileURLToPath(new URL("../../wwwroot/", import.meta.url));
const port = Number(process.env.PORT ?? 5080);
const RS = "\u001e";
const now = () => new Date().toISOString();

const defaultSettings = () => ({
  tenant: "demo", name: "Demo shop", primaryColor: "#7c3aed", greeting: "Hi! Ask us anything.",
  offlineMessage: "We are offline. Leave a message.", preChatForm: { enabled: false, fields: ["name", "email", "question"] },
  agentsOnline: true, botEnabled: false, allowedOrigins: [], identitySecret: "secret", draftPreview: true,
  routing: { sticky: true, unansweredReassignAfterSeconds: 120 }, businessHours: null,
});
const settings = defaultSettings();
const agents = new Map([
  ["ann", { id: "ann", email: "ann@demo.test", name: "Ann Admin", role: "admin", status: "online", capacity: 5, groups: ["sales"] }],
  ["bob", { id: "bob", email: "bob@demo.test", name: "Bob Agent", role: "agent", status: "online", capacity: 5, groups: [] }],
]);
const groups = [{ id: "sales", name: "Sales" }];
const canned = [{ id: "c1", shortcut: "hello", text: "Hello! How can I help you today?" }, { id: "c2", shortcut: "bye", text: "Thanks for chatting with us." }];
const visitors = new Map(); // id -> {id, name, email, conversationId}
const conversations = new Map(); // id -> conversation
const messages = new Map(); // conversationId -> message[]
const tokens = new Map(); // token -> {kind, id}
const connections = new Set(); // {ws, kind, id}
const uploads = new Map();
const readMarks = new Map(); // `${conversationId}:${reader}` -> seq; reader is "visitor" or an agent id
const debug = { skipNextVisitorPush: false, dropAfterNextVisitorSend: false };

function unreadFor(c, reader) {
  const mark = readMarks.get(`${c.id}:${reader}`) ?? 0;
  return messages.get(c.id).filter((m) => m.seq > mark && !m.private && (reader === "visitor" ? m.author.kind !== "visitor" : m.author.kind === "visitor")).length;
}
function sendUnread(c) {
  for (const conn of connections) {
    if (conn.kind === "visitor" && visitors.get(conn.id)?.conversationId === c.id) send(conn, "unread", { conversationId: c.id, count: unreadFor(c, "visitor") });
    if (conn.kind === "agent") {
      const total = [...conversations.values()].filter((x) => x.assignee?.id === conn.id).reduce((n, x) => n + unreadFor(x, conn.id), 0);
      send(conn, "unread", { conversationId: c.id, count: unreadFor(c, conn.id), total });
    }
  }
}

function conversationFor(visitorId) {
  const v = visitors.get(visitorId);
  if (v.conversationId) return conversations.get(v.conversationId);
  const c = { id: "c" + (conversations.size + 1), status: "open", visitor: { kind: "visitor", id: v.id, name: v.name || "Visitor " + v.id.slice(0, 4) },
    assignee: null, group: null, routing: "queued", labels: [], lastSeq: 0, unread: 0, lastMessage: null, createdAt: now(),
    firstResponseAt: null, resolvedAt: null, snoozedUntil: null, rating: null };
  conversations.set(c.id, c);
  messages.set(c.id, []);
  v.conversationId = c.id;
  broadcastAgents("queue", { waiting: [...conversations.values()].filter((x) => x.routing === "queued").length });
  return c;
}

function send(conn, target, arg) {
  conn.ws.send(JSON.stringify({ type: 1, target, arguments: [arg] }) + RS);
}
function toConversation(c, target, arg, { includeVisitor = true } = {}) {
  if (target === "message" && includeVisitor && debug.skipNextVisitorPush) {
    debug.skipNextVisitorPush = false;
    includeVisitor = false;
  }
  for (const conn of connections) {
    if (conn.kind === "agent" || (includeVisitor && conn.kind === "visitor" && visitors.get(conn.id)?.conversationId === c.id)) send(conn, target, arg);
  }
}
function broadcastAgents(target, arg) {
  for (const conn of connections) if (conn.kind === "agent") send(conn, target, arg);
}

function append(c, author, req) {
  const list = messages.get(c.id);
  const dup = list.find((m) => m.clientMessageId === req.clientMessageId);
  if (dup) return dup;
  const m = { id: randomUUID(), conversationId: c.id, seq: c.lastSeq + 1, clientMessageId: req.clientMessageId, author, text: req.text ?? "",
    attachments: req.attachments ?? [], private: !!req.private, sentAt: now() };
  list.push(m);
  c.lastSeq = m.seq;
  c.lastMessage = m;
  toConversation(c, "message", m, { includeVisitor: !m.private });
  sendUnread(c);
  return m;
}

const visitorHub = {
  SendMessage(conn, req) {
    // Writing after the conversation was resolved starts a new one, as a real server may.
    if (conversationFor(conn.id).status === "resolved") visitors.get(conn.id).conversationId = null;
    const c = conversationFor(conn.id); const v = visitors.get(conn.id); const m = append(c, { kind: "visitor", id: v.id, name: v.name || "Visitor" }, req); return { id: m.id, seq: m.seq, sentAt: m.sentAt }; },
  MarkRead(conn, seq) { const c = conversationFor(conn.id); readMarks.set(`${c.id}:visitor`, seq); sendUnread(c); toConversation(c, "read", { conversationId: c.id, participant: { kind: "visitor", id: conn.id, name: "" }, seq }); },
  Typing(conn, isTyping, draft) { const v = visitors.get(conn.id); if (v.conversationId) broadcastAgents("typing", { conversationId: v.conversationId, participant: { kind: "visitor", id: v.id, name: v.name || "Visitor" }, isTyping, draft }); },
  Resume(conn, lastSeq) { const v = visitors.get(conn.id); return v.conversationId ? messages.get(v.conversationId).filter((m) => !m.private && m.seq > lastSeq).slice(0, 200) : []; },
  GetHistory(conn, before, limit) { const v = visitors.get(conn.id); return v.conversationId ? messages.get(v.conversationId).filter((m) => !m.private && (before == null || m.seq < before)).slice(-limit) : []; },
  GetConversation(conn) { const v = visitors.get(conn.id); return v.conversationId ? conversations.get(v.conversationId) : null; },
  Rate(conn, score, comment) { const c = conversationFor(conn.id); c.rating = { score, comment: comment ?? null }; toConversation(c, "conversationUpdated", c); },
};

function conv(id) { const c = conversations.get(id); if (!c) throw new Error("not_found: no such conversation"); return c; }
function updated(c) { toConversation(c, "conversationUpdated", c); return c; }
const agentHub = {
  SetStatus(conn, s) { const a = agents.get(conn.id); a.status = s; return a; },
  SetCapacity(conn, n) { const a = agents.get(conn.id); a.capacity = n; return a; },
  ListConversations(conn, q) {
    return [...conversations.values()].filter((c) => (!q.status || c.status === q.status)
      && (!q.assignee || (q.assignee === "me" ? c.assignee?.id === conn.id : q.assignee === "unassigned" ? !c.assignee : c.assignee?.id === q.assignee))).reverse();
  },
  Open(conn, id) { const c = conv(id); return { conversation: c, messages: messages.get(id).slice(-50) }; },
  Leave() {},
  Accept(conn, id) { const c = conv(id); const a = agents.get(conn.id); c.assignee = { kind: "agent", id: a.id, name: a.name }; c.routing = "assigned"; return updated(c); },
  SendMessage(conn, req) { const a = agents.get(conn.id); const c = conv(req.conversationId); if (c.status === "resolved" && !req.private) throw new Error("closed: the conversation is resolved"); const m = append(c, { kind: "agent", id: a.id, name: a.name }, req); return { id: m.id, seq: m.seq, sentAt: m.sentAt }; },
  MarkRead(conn, id, seq) { const c = conv(id); readMarks.set(`${id}:${conn.id}`, seq); sendUnread(c); toConversation(c, "read", { conversationId: id, participant: { kind: "agent", id: conn.id, name: agents.get(conn.id).name }, seq }); },
  MarkUnread(conn, id) { const c = conv(id); readMarks.set(`${id}:${conn.id}`, 0); sendUnread(c); },
  Typing(conn, id, isTyping) { const c = conv(id); toConversation(c, "typing", { conversationId: id, participant: { kind: "agent", id: conn.id, name: agents.get(conn.id).name }, isTyping }); },
  Transfer(conn, id, to) { const c = conv(id); if (to.agentId) { const a = agents.get(to.agentId); c.assignee = { kind: "agent", id: a.id, name: a.name }; } else { c.group = to.groupId; c.assignee = null; c.routing = "queued"; } return updated(c); },
  SetConversationStatus(conn, id, status, until) { const c = conv(id); c.status = status; c.snoozedUntil = until ?? null; return updated(c); },
  Close(conn, id) { const c = conv(id); c.status = "resolved"; c.resolvedAt = now(); return updated(c); },
  Reopen(conn, id) { const c = conv(id); c.status = "open"; c.resolvedAt = null; return updated(c); },
  AddLabel(conn, id, l) { const c = conv(id); if (!c.labels.includes(l)) c.labels.push(l); return updated(c); },
  RemoveLabel(conn, id, l) { const c = conv(id); c.labels = c.labels.filter((x) => x !== l); return updated(c); },
  Resume(conn, id, lastSeq) { return messages.get(id).filter((m) => m.seq > lastSeq).slice(0, 200); },
  GetHistory(conn, id, before, limit) { return messages.get(id).filter((m) => before == null || m.seq < before).slice(-limit); },
  GetVisitor(conn, id) { const v = visitors.get(conv(id).visitor.id); return { id: v.id, name: v.name ?? null, email: v.email ?? null, userId: null, verified: false, page: v.page ?? null, referrer: null, device: "mock", online: true }; },
};

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}
function json(res, status, value) {
  res.writeHead(status, { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" });
  res.end(value === undefined ? "" : JSON.stringify(value));
}
function who(req) { return tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, "")); }

async function rest(req, res, path) {
  const method = req.method;
  if (method === "POST" && path === "/widget/session") {
    const b = JSON.parse(await body(req));
    const id = b.visitorId && visitors.has(b.visitorId) ? b.visitorId : randomUUID();
    const v = visitors.get(id) ?? { id };
    Object.assign(v, { name: b.name ?? v.name, email: b.email ?? v.email, page: b.page });
    visitors.set(id, v);
    const token = randomUUID();
    tokens.set(token, { kind: "visitor", id });
    return json(res, 200, { visitorId: id, visitorToken: token, conversationId: v.conversationId ?? null, settings });
  }
  if (method === "POST" && path === "/auth/login") {
    const b = JSON.parse(await body(req));
    const a = [...agents.values()].find((x) => x.email === b.email);
    if (!a || b.password !== "demo") return json(res, 401, { title: "Wrong e-mail or password", status: 401, code: "unauthorized" });
    const token = randomUUID();
    tokens.set(token, { kind: "agent", id: a.id });
    return json(res, 200, { token, expiresAt: new Date(Date.now() + 8 * 3600e3).toISOString(), agent: a });
  }
  const user = who(req);
  if (!user) return json(res, 401, { title: "Unauthorized", status: 401, code: "unauthorized" });
  if (method === "POST" && path.endsWith("/uploads")) {
    const raw = await body(req);
    const text = raw.toString("latin1");
    const name = /filename="([^"]*)"/.exec(text)?.[1] ?? "file";
    const type = /Content-Type: ([^\r\n]*)/i.exec(text)?.[1] ?? "application/octet-stream";
    const start = text.indexOf("\r\n\r\n") + 4;
    const end = text.lastIndexOf("\r\n--");
    const id = randomUUID();
    uploads.set(id, { type, data: raw.subarray(start, end) });
    return json(res, 200, { id, fileName: name, contentType: type, size: end - start, url: `/api/v1/files/demo/${id}` });
  }
  if (method === "GET" && path.startsWith("/files/demo/")) {
    const f = uploads.get(path.split("/").pop());
    if (!f) return json(res, 404, { title: "Not found", status: 404, code: "not_found" });
    res.writeHead(200, { "Content-Type": f.type });
    return res.end(f.data);
  }
  const admin = user.kind === "agent" && agents.get(user.id).role === "admin";
  if (path === "/me") return json(res, 200, agents.get(user.id));
  if (path === "/canned-replies" && method === "GET") return json(res, 200, canned);
  if (path === "/groups" && method === "GET") return json(res, 200, groups);
  if (path.startsWith("/search")) { const q = new URL("http://x" + path).searchParams.get("q")?.toLowerCase() ?? ""; return json(res, 200, [...messages.values()].flat().filter((m) => m.text.toLowerCase().includes(q))); }
  if (!admin) return json(res, 403, { title: "Admins only", status: 403, code: "forbidden" });
  if (path === "/agents" && method === "GET") return json(res, 200, [...agents.values()]);
  if (path === "/agents" && method === "POST") { const b = JSON.parse(await body(req)); const a = { ...b, id: b.email.split("@")[0], status: "offline" }; delete a.password; agents.set(a.id, a); return json(res, 200, a); }
  if (path.startsWith("/agents/") && method === "PUT") { const id = decodeURIComponent(path.split("/")[2]); const b = JSON.parse(await body(req)); delete b.password; Object.assign(agents.get(id), b); return json(res, 200, agents.get(id)); }
  if (path.startsWith("/agents/") && method === "DELETE") { agents.delete(decodeURIComponent(path.split("/")[2])); return json(res, 204); }
  if (path === "/groups" && method === "POST") { const g = JSON.parse(await body(req)); groups.push(g); return json(res, 200, g); }
  if (path.startsWith("/groups/") && method === "DELETE") { const id = decodeURIComponent(path.split("/")[2]); groups.splice(groups.findIndex((g) => g.id === id), 1); return json(res, 204); }
  if (path === "/canned-replies" && method === "POST") { const r = JSON.parse(await body(req)); canned.push(r); return json(res, 200, r); }
  if (path.startsWith("/canned-replies/") && method === "DELETE") { const id = decodeURIComponent(path.split("/")[2]); canned.splice(canned.findIndex((r) => r.id === id), 1); return json(res, 204); }
  if (path === "/settings" && method === "GET") return json(res, 200, settings);
  if (path === "/settings" && method === "PUT") { Object.assign(settings, JSON.parse(await body(req))); return json(res, 200, settings); }
  return json(res, 404, { title: "Not found", status: 404, code: "not_found" });
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  // The widget runs on customers' origins: answer CORS like the real server must (no credentials).
  if (req.headers.origin) res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE",
      "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "",
      "Access-Control-Max-Age": "600",
    });
    return res.end();
  }
  try {
    // A page on another origin (open it as http://localhost:PORT/debug/host-page) that embeds the widget from 127.0.0.1.
    if (url.pathname === "/debug/host-page") {
      // A strict policy, as careful customers have: no inline styles, scripts and connections only to the chat host.
      const chat = `http://127.0.0.1:${port}`;
      res.writeHead(200, { "Content-Type": "text/html", "Content-Security-Policy": `default-src 'self'; script-src ${chat}; connect-src ${chat} ${chat.replace("http", "ws")}; img-src blob:; style-src 'self'` });
      return res.end(`<!doctype html><title>Other site</title><p>A customer's page.</p><script src="http://127.0.0.1:${port}/widget.js" data-tenant="demo" async></script>`);
    }
    // Switches for exercising the clients' recovery paths from a test.
    if (url.pathname === "/debug/reset") {
      for (const m of [visitors, conversations, messages, readMarks]) m.clear();
      Object.assign(settings, defaultSettings());
      return json(res, 200, {});
    }
    if (url.pathname === "/debug/seed") {
      const id = randomUUID();
      visitors.set(id, { id, name: "Seeded" });
      const c = conversationFor(id);
      const ann = agents.get("ann");
      for (let i = 1; i <= Number(url.searchParams.get("n") ?? 100); i++) {
        append(c, i % 2 ? { kind: "visitor", id, name: "Seeded" } : { kind: "agent", id: ann.id, name: ann.name }, { clientMessageId: randomUUID(), text: `seeded ${i}` });
      }
      c.assignee = { kind: "agent", id: ann.id, name: ann.name };
      c.routing = "assigned";
      return json(res, 200, { visitorId: id, conversationId: c.id });
    }
    if (url.pathname === "/debug/drop") { for (const c of connections) c.ws.terminate(); return json(res, 200, {}); }
    if (url.pathname === "/debug/skip-next-visitor-push") { debug.skipNextVisitorPush = true; return json(res, 200, {}); }
    if (url.pathname === "/debug/drop-after-next-visitor-send") { debug.dropAfterNextVisitorSend = true; return json(res, 200, {}); }
    if (url.pathname === "/debug/messages") return json(res, 200, [...messages.values()].flat());
    if (url.pathname === "/debug/settings") { Object.assign(settings, Object.fromEntries(url.searchParams)); for (const k of ["agentsOnline", "botEnabled"]) settings[k] = settings[k] === true || settings[k] === "true"; if (url.searchParams.has("prechat")) settings.preChatForm = { enabled: url.searchParams.get("prechat") === "1", fields: ["name", "email", "question"] }; return json(res, 200, settings); }
    if (url.pathname.startsWith("/api/v1/")) return await rest(req, res, url.pathname.slice(7) + url.search);
    if (url.pathname.endsWith("/negotiate")) {
      return json(res, 200, { negotiateVersion: 1, connectionId: randomUUID(), connectionToken: randomUUID(), availableTransports: [{ transport: "WebSockets", transferFormats: ["Text"] }] });
    }
    let path = url.pathname === "/console" ? "/console/index.html" : url.pathname.endsWith("/") ? url.pathname + "index.html" : url.pathname;
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return json(res, 404, {});
    const data = await readFile(file);
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(data);
  } catch {
    json(res, 404, { title: "Not found", status: 404, code: "not_found" });
  }
});

const wss = new WebSocketServer({ noServer: true });
server.on("upgrade", (req, socket, head) => {
  const url = new URL(req.url, "http://localhost");
  const user = tokens.get(url.searchParams.get("access_token") ?? "");
  const hubKind = url.pathname === "/hubs/visitor" ? "visitor" : url.pathname === "/hubs/agent" ? "agent" : null;
  if (!user || user.kind !== hubKind) return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => {
    const conn = { ws, kind: hubKind, id: user.id, handshaken: false };
    connections.add(conn);
    const ping = setInterval(() => ws.send(JSON.stringify({ type: 6 }) + RS), 10_000);
    ws.on("close", () => { connections.delete(conn); clearInterval(ping); });
    ws.on("message", (data) => {
      for (const frame of data.toString().split(RS).filter(Boolean)) {
        if (!conn.handshaken) { conn.handshaken = true; ws.send("{}" + RS); continue; }
        const msg = JSON.parse(frame);
        if (msg.type !== 1) continue;
        const hub = hubKind === "visitor" ? visitorHub : agentHub;
        let reply;
        try {
          const fn = hub[msg.target];
          if (!fn) throw new Error("invalid_argument: unknown method");
          reply = { type: 3, invocationId: msg.invocationId, result: fn(conn, ...msg.arguments) ?? null };
        } catch (err) {
          reply = { type: 3, invocationId: msg.invocationId, error: `An unexpected error occurred invoking '${msg.target}' on the server. HubException: ${err.message}` };
        }
        if (hubKind === "visitor" && msg.target === "SendMessage" && debug.dropAfterNextVisitorSend) {
          debug.dropAfterNextVisitorSend = false; // stored, but the ack is lost with the connection
          ws.terminate();
          continue;
        }
        if (msg.invocationId !== undefined) ws.send(JSON.stringify(reply) + RS);
      }
    });
  });
});

server.listen(port, "127.0.0.1", () => console.log(`mock server on http://127.0.0.1:${port}/ (console: /console)`));
