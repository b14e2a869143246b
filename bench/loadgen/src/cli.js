#!/usr/bin/env node
// Load generator for CustomerService's hubs (and the bench relay): see USAGE in options.js and bench/README.md.
import { useOrigin } from './http.js';
import { runChaos } from './chaos.js';
import { runEcho } from './echo.js';
import { runIdle } from './idle.js';
import { installDeadline, installSignalHandlers, stoppedBySignal } from './interrupt.js';
import { runLoad } from './load.js';
import { parseOptions, USAGE } from './options.js';
import { formatReport, writeJson } from './report.js';

const log = (line) => process.stderr.write(`${line}\n`);

const { options, errors } = parseOptions(process.argv.slice(2), process.env);
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (errors.length) {
  for (const e of errors) log(`error: ${e}`);
  log(USAGE);
  process.exit(2);
}
installSignalHandlers(log);
useOrigin(options.origin);
installDeadline(options.maxSeconds, log);

try {
  const run = options.echo ? runEcho : options.idle > 0 ? runIdle : options.chaos ? runChaos : runLoad;
  const result = await run(options, log);
  console.log(formatReport(result));
  if (options.out) writeJson(options.out, result);
  // Interrupted runs still report, but tell a calling script to stop too.
  process.exit(stoppedBySignal() ? 130 : 0);
} catch (error) {
  log(`failed: ${error?.message ?? error}`);
  process.exit(1);
}
