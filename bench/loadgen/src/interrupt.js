// Ctrl+C or SIGTERM ends the current phase early (the run still reports what it measured); a second one exits.

const listeners = new Set();
let requested = false;
let bySignal = false;

/** True when a stop came from SIGINT or SIGTERM (the run then exits with 130 after reporting). */
export function stoppedBySignal() {
  return bySignal;
}

export function stopRequested() {
  return requested;
}

/** Calls fn once when a stop is requested (at once if it already was); returns a function that unregisters it. */
export function onStop(fn) {
  if (requested) { fn(); return () => {}; }
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Resolves after ms, or earlier when a stop is requested. */
export function sleep(ms) {
  return new Promise((resolve) => {
    const off = onStop(() => { clearTimeout(timer); resolve(); });
    const timer = setTimeout(() => { off(); resolve(); }, ms);
  });
}

/** Ends the current phase early, as Ctrl+C does. */
export function requestStop() {
  if (requested) return;
  requested = true;
  for (const fn of [...listeners]) fn();
  listeners.clear();
}

export function installSignalHandlers(log) {
  const handler = (signal) => {
    if (requested) {
      log(`${signal} again: exiting now`);
      process.exit(130);
    }
    log(`${signal}: ending the current phase early (again to exit at once)`);
    bySignal = true;
    requestStop();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/**
 * Bounds the whole run: after maxSeconds it stops as Ctrl+C would (and still reports); 30 s later it exits.
 */
export function installDeadline(maxSeconds, log) {
  if (!(maxSeconds > 0)) return;
  setTimeout(() => {
    log(`--max-seconds ${maxSeconds} reached: ending the run`);
    requestStop();
    setTimeout(() => { log('still running 30 s after the deadline: exiting'); process.exit(3); }, 30_000).unref();
  }, maxSeconds * 1000).unref();
}
