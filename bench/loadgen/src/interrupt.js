// Ctrl+C or SIGTERM ends the current phase early (the run still reports what it measured); a second one exits.

const listeners = new Set();
let requested = false;

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

export function installSignalHandlers(log) {
  const handler = (signal) => {
    if (requested) {
      log(`${signal} again: exiting now`);
      process.exit(130);
    }
    requested = true;
    log(`${signal}: ending the current phase early (again to exit at once)`);
    for (const fn of [...listeners]) fn();
    listeners.clear();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
