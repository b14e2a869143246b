// Speaks JSON lines: one command per stdin line, one reply per stdout line, correlated by `id`.
// It holds real @microsoft/signalr connections so that the C# tests exercise the hubs the way the widget and the
// console do. Events are buffered per connection until a `wait` takes them.
import * as signalR from "@microsoft/signalr";
import readline from "node:readline";

const EVENTS = ["message", "read", "typing", "conversationUpdated", "conversationAssigned", "unread", "queue",
  "mention", "agentUpdated"];
const connections = new Map();

function reply(obj) { process.stdout.write(JSON.stringify(obj) + "\n"); }
function errorText(e) { return e && e.message ? e.message : String(e); }

async function connect(cmd) {
  const headers = {};
  if (cmd.origin) headers["Origin"] = cmd.origin;
  const options = { headers, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: false };
  if (cmd.token) options.accessTokenFactory = () => cmd.token;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(cmd.url, options)
    .configureLogging(signalR.LogLevel.None)
    .build();
  const entry = { connection, buffer: [], waiters: [], closed: null };
  for (const name of EVENTS) connection.on(name, (...args) => deliver(entry, name, args));
  connection.onclose(e => { entry.closed = e ? errorText(e) : "closed"; });
  await connection.start();
  connections.set(cmd.name, entry);
  return { connectionId: connection.connectionId };
}

function deliver(entry, name, args) {
  const i = entry.waiters.findIndex(w => w.event === name);
  if (i >= 0) { const [w] = entry.waiters.splice(i, 1); w.resolve(args); }
  else entry.buffer.push({ name, args });
}

function wait(cmd) {
  const entry = get(cmd.conn);
  const i = entry.buffer.findIndex(e => e.name === cmd.event);
  if (i >= 0) return Promise.resolve(entry.buffer.splice(i, 1)[0].args);
  return new Promise((resolve, reject) => {
    const waiter = { event: cmd.event, resolve: v => { clearTimeout(timer); resolve(v); } };
    const timer = setTimeout(() => {
      entry.waiters.splice(entry.waiters.indexOf(waiter), 1);
      reject(new Error(`timeout waiting for '${cmd.event}'`));
    }, cmd.timeoutMs ?? 5000);
    entry.waiters.push(waiter);
  });
}

function get(name) {
  const entry = connections.get(name);
  if (!entry) throw new Error(`no connection '${name}'`);
  return entry;
}

async function handle(cmd) {
  switch (cmd.op) {
    case "connect": return connect(cmd);
    case "invoke": return get(cmd.conn).connection.invoke(cmd.method, ...(cmd.args ?? []));
    case "send": await get(cmd.conn).connection.send(cmd.method, ...(cmd.args ?? [])); return null;
    case "wait": return wait(cmd);
    case "drain": { const e = get(cmd.conn); const b = e.buffer; e.buffer = []; return b; }
    case "state": { const e = get(cmd.conn); return { state: e.connection.state, closed: e.closed }; }
    case "stop": { const e = get(cmd.conn); await e.connection.stop(); connections.delete(cmd.conn); return null; }
    default: throw new Error(`unknown op '${cmd.op}'`);
  }
}

const rl = readline.createInterface({ input: process.stdin });
rl.on("line", line => {
  let cmd;
  try { cmd = JSON.parse(line); } catch { return; }
  handle(cmd).then(
    result => reply({ id: cmd.id, ok: true, result: result ?? null }),
    e => reply({ id: cmd.id, ok: false, error: errorText(e) }));
});
rl.on("close", async () => {
  for (const e of connections.values()) { try { await e.connection.stop(); } catch { } }
  process.exit(0);
});
reply({ id: 0, ok: true, result: "ready" });
