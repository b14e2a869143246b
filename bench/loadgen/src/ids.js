// Client message ids carry the run, the phase and the message number: "lg.{run}.{phase}.{k}". A receiver finds the
// message's intended send time and its ledger entry from the id alone, so nothing is kept per message in flight.

export function runTag() {
  return Math.random().toString(36).slice(2, 8);
}

export function messageId(prefix, phase, k) {
  return `${prefix}${phase}.${k}`;
}

/** @returns {{phase: number, k: number}|null} null for ids of other runs or of setup messages */
export function parseMessageId(prefix, id) {
  if (typeof id !== 'string' || !id.startsWith(prefix)) return null;
  const dot = id.indexOf('.', prefix.length);
  if (dot < 0) return null;
  const phase = Number(id.slice(prefix.length, dot));
  const k = Number(id.slice(dot + 1));
  return Number.isInteger(phase) && Number.isInteger(k) ? { phase, k } : null;
}

/** A message text of n characters (plain English, as a visitor might write). */
export function messageText(n) {
  const base = 'Hello, I ordered a blue jacket last week and it has not arrived yet. Can you check? ';
  return base.repeat(Math.ceil(n / base.length)).slice(0, n);
}
