// Command-line options: `--name value` or `--name=value`; flags take no value. Every problem is collected and
// reported together, naming the option that fixes it.

export const USAGE = `Usage: node src/cli.js [options]
  --url URL               server base URL (default http://127.0.0.1:5180); loopback only
  --agent-url URL         agents connect and log in here (default: --url); e.g. another front-end
  --tenant ID             tenant (default demo)
  --visitors N            visitor connections, one conversation each (default 100)
  --agents N              agent connections; conversations are spread over them (default 10)
  --rate R                offered messages per second, all conversations together (default 1000)
  --duration S            measured seconds (default 10); in --idle mode: how long to hold and probe
  --warmup S              seconds at the same rate before measuring, not counted (default 3); in --idle mode: probes
                          sent after all connections are open and before the measured ones
  --direction D           v2a | a2v | both (default both)
  --grace S               after the last send, wait up to S seconds for acks and deliveries (default 5)
  --agent-email E         agent login (default admin@demo.local)
  --agent-password P      agent password (default: env SEED_ADMIN_PASSWORD)
  --text-size N           characters per message (default 78)
  --connect-concurrency N connections being opened at once (default 100)
  --skip-negotiation      WebSockets without the negotiate request
  --token-in-query        send tokens as ?access_token= as browsers do on WebSockets (default: the Node client's
                          Authorization header, on negotiate and on the WebSocket)
  --accept=false          do not call Accept(conversationId) after Open (by default the agent takes each conversation
                          it opens, so a server that lets only the assignee reply accepts its messages; errors ignored)
  --agent-per-connection=false  all agent connections share the one login (by default each connection is an agent
                          of its own, created with that login's admin rights: a server pushes a conversation to every
                          connection of its agent)
  --origin O              send this Origin header on sessions and hub connections (e.g. a tenant's allowed origin)
  --echo                  echo mode: --visitors plain WebSockets to the bench relay's /echo (raw Kestrel, no
                          SignalR) at --rate; the round trip is reported as visitor→agent (the raw floor)
  --idle N                idle mode: hold N idle visitor connections and probe through a few active pairs
  --probe-pairs N         idle mode: active visitor/agent pairs for probes (default 4; 0: hold only)
  --probe-rate R          idle mode: probe messages per second, all pairs together (default 20)
  --ready-file F          idle mode: write this file once all connections are open
  --widget-load           idle mode: each connection, once open, calls GetConversation() and Resume(0) as the widget
                          does when it connects (by default it makes no call)
  --chaos                 chaos mode: clients behave as the widget and the console (retry a failed send with the same
                          clientMessageId, reconnect, Resume after a hole in the seqs or a reconnect); --kill-command runs
                          --kill-after seconds into the measured phase; afterwards every conversation's history is read;
                          reports acked messages lost, duplicates, late deliveries and the time until sends work again
  --kill-command CMD      chaos mode: a shell command that kills part of the server (e.g. deploy/local/cluster.sh kill 1)
  --kill-after S          chaos mode: seconds into the measured phase before the command runs (default 10)
  --label L               name of the run in the output (default: the target URL)
  --max-seconds S         end the run (and report) after S seconds whatever it is doing; 0: no bound (default 0)
  --out FILE              write the results as JSON
  --quiet                 no progress lines
Ctrl+C (SIGINT) or SIGTERM ends the current phase early and still reports; a second one exits at once.`;

const DEFAULTS = {
  url: 'http://127.0.0.1:5180',
  agentUrl: undefined,
  tenant: 'demo',
  visitors: 100,
  agents: 10,
  rate: 1000,
  duration: 10,
  warmup: 3,
  direction: 'both',
  grace: 5,
  agentEmail: 'admin@demo.local',
  agentPassword: undefined,
  textSize: 78,
  connectConcurrency: 100,
  skipNegotiation: false,
  tokenInQuery: false,
  accept: true,
  agentPerConnection: true,
  origin: undefined,
  echo: false,
  idle: 0,
  probePairs: 4,
  probeRate: 20,
  readyFile: undefined,
  widgetLoad: false,
  chaos: false,
  killCommand: undefined,
  killAfter: 10,
  label: undefined,
  maxSeconds: 0,
  out: undefined,
  quiet: false,
  help: false,
};

const FLAGS = new Set(['echo', 'skipNegotiation', 'tokenInQuery', 'accept', 'agentPerConnection', 'widgetLoad', 'chaos', 'quiet', 'help']);
const NUMBERS = new Set(['visitors', 'agents', 'rate', 'duration', 'warmup', 'grace', 'textSize', 'connectConcurrency', 'idle', 'probePairs', 'probeRate', 'killAfter', 'maxSeconds']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/**
 * @param {string[]} argv arguments after the script name
 * @param {Record<string, string|undefined>} env
 * @returns {{options: typeof DEFAULTS, errors: string[]}}
 */
export function parseOptions(argv, env = {}) {
  const options = { ...DEFAULTS, agentPassword: env.SEED_ADMIN_PASSWORD ?? '' };
  const errors = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') { options.help = true; continue; }
    if (!arg.startsWith('--')) { errors.push(`unexpected argument '${arg}'`); continue; }
    let [name, value] = arg.slice(2).split(/=(.*)/s, 2);
    const key = camel(name);
    if (!(key in DEFAULTS)) { errors.push(`unknown option --${name}`); continue; }
    if (FLAGS.has(key)) { options[key] = value === undefined ? true : value !== 'false'; continue; }
    if (value === undefined) {
      if (i + 1 >= argv.length) { errors.push(`--${name} needs a value`); continue; }
      value = argv[++i];
    }
    if (NUMBERS.has(key)) {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) { errors.push(`--${name} must be a number >= 0, got '${value}'`); continue; }
      options[key] = n;
    } else {
      options[key] = value;
    }
  }
  validate(options, errors);
  return { options, errors };
}

function validate(o, errors) {
  if (!['v2a', 'a2v', 'both'].includes(o.direction)) errors.push(`--direction must be v2a, a2v or both, got '${o.direction}'`);
  for (const k of ['visitors', 'agents', 'idle', 'probePairs', 'textSize', 'connectConcurrency']) {
    if (!Number.isInteger(o[k])) errors.push(`--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} must be a whole number`);
  }
  if (o.idle === 0 && o.visitors < 1) errors.push('--visitors must be at least 1');
  if (o.agents < 1) errors.push('--agents must be at least 1');
  if (o.idle === 0 && !(o.rate > 0)) errors.push('--rate must be > 0');
  if (o.echo && o.idle > 0) errors.push('--echo and --idle cannot be combined');
  if (o.echo && o.chaos) errors.push('--echo and --chaos cannot be combined');
  if (o.idle > 0 && o.probePairs > 0 && !(o.probeRate > 0)) errors.push('--probe-rate must be > 0 when --probe-pairs is above 0');
  if (o.textSize < 1 || o.textSize > 4000) errors.push('--text-size must be 1..4000');
  if (o.connectConcurrency < 1) errors.push('--connect-concurrency must be at least 1');
  if (o.chaos && o.idle > 0) errors.push('--chaos and --idle cannot be combined');
  if (!o.chaos && o.killCommand !== undefined) errors.push('--kill-command needs --chaos');
  if (o.chaos && o.killAfter >= o.duration) errors.push(`--kill-after (${o.killAfter}) must be below --duration (${o.duration}): the kill happens inside the measured phase`);
  o.url = loopbackOrigin('--url', o.url, errors);
  o.agentUrl = o.agentUrl === undefined ? o.url : loopbackOrigin('--agent-url', o.agentUrl, errors);
}

function loopbackOrigin(option, value, errors) {
  let url;
  try { url = new URL(value); } catch { errors.push(`${option} is not a URL: '${value}'`); return value; }
  if (!LOOPBACK.has(url.hostname)) errors.push(`${option} must be on loopback (127.0.0.1, localhost, ::1), got '${url.hostname}'`);
  return url.origin;
}
