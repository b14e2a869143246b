// Builds both front-ends into ../wwwroot: widget.js (one self-contained IIFE), console/ (the agent SPA) and the
// demo page. esbuild only: one dependency, sub-second builds. `node build.mjs --dev` skips minification.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "wwwroot");
const dev = process.argv.includes("--dev");

const common = { bundle: true, minify: !dev, sourcemap: dev ? "inline" : false, target: "es2019", legalComments: "none", logLevel: "warning" };

// wwwroot may hold the server's own static files too, so only our files are overwritten; nothing is deleted.
await mkdir(join(out, "console"), { recursive: true });

await Promise.all([
  build({ ...common, entryPoints: [join(here, "widget/main.ts")], outfile: join(out, "widget.js"), format: "iife" }),
  build({
    ...common,
    entryPoints: [join(here, "console/main.tsx")],
    outfile: join(out, "console/console.js"),
    format: "esm",
    jsx: "automatic",
    jsxImportSource: "preact",
  }),
  copyFile(join(here, "console/index.html"), join(out, "console/index.html")),
  copyFile(join(here, "console/console.css"), join(out, "console/console.css")),
  copyFile(join(here, "demo/index.html"), join(out, "index.html")),
]);
console.log(`client built into ${out}`);
