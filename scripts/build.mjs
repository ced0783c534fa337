// Builds dist/cli.mjs: one self-contained ESM file with no runtime dependencies (what `npx` runs).
// esbuild is imported after the --announce line below, so `npm start` says what it is doing at once.
import {readFileSync} from 'node:fs';
import {rm} from 'node:fs/promises';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// ink/build/reconciler.js does `if (isDev()) await import('./devtools.js')`, which pulls react-devtools-core.
// esbuild would hoist it into a static import, so replace it with an empty module.
const stubInkDevtools = {
  name: 'stub-ink-devtools',
  setup(b) {
    b.onResolve({filter: /^(\.\/devtools\.js|react-devtools-core)$/}, (a) =>
      a.path === 'react-devtools-core' || /[\\/]ink[\\/]build[\\/]/.test(a.importer)
        ? {path: a.path, namespace: 'stub'}
        : undefined,
    );
    b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {}', loader: 'js'}));
  },
};

// yoga-layout (Ink's layout engine) embeds its 72 KB WebAssembly module as a 96 KB base64 string, which compresses
// badly (39 KB gzipped against 29 KB for the bytes) and is decoded at every launch. Ship the bytes as their own file
// next to the chunk that loads them (written after the build, see below) and hand them to Emscripten as wasmBinary,
// so it neither decodes base64 nor calls fetch() (which on Node 20 loads all of undici, ~17 ms; shared/design/startup.md).
const YOGA_WASM = 'yoga.wasm';
let yogaWasmBytes;
// (Named yogaWithoutFetch as before: it still keeps yoga off fetch().)
const yogaWithoutFetch = {
  name: 'yoga-wasm-as-file',
  setup(b) {
    b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async (a) => {
      const {readFile} = await import('node:fs/promises');
      const source = await readFile(a.path, 'utf8');
      const payload = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]{1000,})"/.exec(source);
      const handOver = 'h.wasmBinary&&(w=h.wasmBinary);';
      if (!payload || !source.includes(handOver) || !source.includes('"function"!=typeof fetch'))
        throw new Error('yoga-wasm-as-file: pattern not found; re-check startup.md after a yoga upgrade');
      yogaWasmBytes = Buffer.from(payload[1], 'base64');
      const patched =
        `import {readFileSync as __yogaRead} from 'node:fs';\n` +
        source
          .replace(payload[0], '"data:application/octet-stream;base64,"')
          .replace(handOver, `w=__yogaRead(new URL('./${YOGA_WASM}', import.meta.url));`)
          .replaceAll('"function"!=typeof fetch', '!0');
      return {contents: patched, loader: 'js'};
    });
  },
};

// Module-level aliases: one copy of the terminal-width helpers for all of Ink's dependencies. wrap-ansi pins
// string-width 7, which carries emoji-regex (14 KB); Ink's own string-width 8 measures the same with Intl.Segmenter.
const oneAnsiWidth = {
  name: 'one-ansi-width',
  setup(b) {
    const inkDir = new URL('../node_modules/ink/', import.meta.url).pathname;
    b.onResolve({filter: /^(string-width|strip-ansi|ansi-regex)$/}, async (a) => {
      if (a.pluginData === 'one-ansi-width' || a.resolveDir.startsWith(inkDir)) return undefined;
      const r = await b.resolve(a.path, {kind: a.kind, resolveDir: inkDir, pluginData: 'one-ansi-width'});
      return r.errors.length ? undefined : {path: r.path};
    });
  },
};

// @huggingface/hub hashes with node:crypto on Node; its WebAssembly sha256 (15 KB) is for browsers and web workers.
const withoutHubWasmSha256 = {
  name: 'without-hub-wasm-sha256',
  setup(b) {
    b.onResolve({filter: /sha256-wrapper-[A-Z0-9]+\.mjs$/}, (a) =>
      /@huggingface[\\/]hub[\\/]/.test(a.importer) ? {path: a.path, namespace: 'no-wasm-sha256'} : undefined,
    );
    b.onLoad({filter: /.*/, namespace: 'no-wasm-sha256'}, () => ({
      contents:
        "const none = () => { throw new Error('The browser sha256 of @huggingface/hub is not bundled in hf-jobs-wizard.'); };\n" +
        'export const createSHA256 = none, createSHA256WorkerCode = none;',
      loader: 'js',
    }));
  },
};

// @inquirer/prompts re-exports every prompt; its `editor` prompt drags in iconv-lite and chardet (~650 KB) that
// this app never uses. Replace the editor with a module that says so if it is ever called.
const withoutInquirerEditor = {
  name: 'without-inquirer-editor',
  setup(b) {
    b.onResolve({filter: /^@inquirer\/editor$/}, (a) => ({path: a.path, namespace: 'no-editor'}));
    b.onLoad({filter: /.*/, namespace: 'no-editor'}, () => ({
      contents:
        "export default function editor() { throw new Error('The editor prompt is not bundled in hf-jobs-wizard.'); }",
      loader: 'js',
    }));
  },
};

// Ink wraps text with wrap-ansi with trim off: a row that ends exactly at the edge pushed the space after it to the
// start of the next row (a stray leading space). Ink gets src/ui/wrap-ansi.ts instead: wrap-ansi without that space.
const inkWordWrap = {
  name: 'ink-word-wrap',
  setup(b) {
    b.onResolve({filter: /^wrap-ansi$/}, (a) =>
      /[\\/]ink[\\/]build[\\/]/.test(a.importer)
        ? {path: new URL('../src/ui/wrap-ansi.ts', import.meta.url).pathname}
        : undefined,
    );
  },
};

// check's own build (below) is for `check --offline` without --sandbox: the Hub client (core/hub/lib.ts, loaded lazily
// by core/hub/client.ts) and the sandbox (loaded lazily by --sandbox) become a module whose loading fails with one line.
const offlineOnly = {
  name: 'check-offline-only',
  setup(b) {
    b.onResolve({filter: /^(\.\/lib|\.\.\/sandbox\/index)\.js$/}, (a) =>
      /[\\/]src[\\/](core[\\/]hub[\\/]client|commands[\\/]hub-target)\.ts$/.test(a.importer)
        ? {path: a.path, namespace: 'not-in-check-build'}
        : undefined,
    );
    b.onLoad({filter: /.*/, namespace: 'not-in-check-build'}, (a) => ({
      contents: `throw new Error(${JSON.stringify(`${a.path} is not in check's offline build (dist/check/): run check from the app's build`)});`,
      loader: 'js',
    }));
  },
};

const metafile = process.argv.includes('--metafile');
// `npm start` builds before it opens the wizard: with --announce, say so, so the 1-3 s build is not a silent pause.
const announce = process.argv.includes('--announce');
const started = performance.now();
if (announce) process.stderr.write('Building hf-jobs-wizard into dist/ (a few seconds)…\n');
const esbuild = await import('esbuild');
// Every build also gets the plugins that leave out or share code (above) and a metafile (the yoga bytes are placed
// by it, below).
const build = (options) =>
  esbuild.build({...options, plugins: [...options.plugins, oneAnsiWidth, withoutHubWasmSha256], metafile: true});
await rm('dist', {recursive: true, force: true});

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: {'.js': '.mjs'},
  minify: process.argv.includes('--minify'),
  legalComments: 'none',
  logLevel: 'warning',
  // react, react-reconciler, scheduler and signal-exit are CommonJS and call require().
  banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
  define: {'process.env.NODE_ENV': '"production"', __VERSION__: JSON.stringify(pkg.version)},
  plugins: [stubInkDevtools, yogaWithoutFetch, withoutInquirerEditor, inkWordWrap],
  metafile,
};
const [result] = await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli.tsx'],
    // Split: dist/cli.mjs is a small entry; each command's code (Ink, the sandbox, the Hub client...) sits in
    // dist/chunks/ and loads only when that command runs. Still one self-contained build, no runtime dependencies.
    outdir: 'dist',
  }),
  // `check --offline` on its own (dist/cli.mjs hands it over, src/cli.tsx): the command and everything it needs in
  // one file, dist/check/main.cjs, which dist/check/cli.cjs compiles with V8's code cache (src/check-loader.ts); its
  // worker threads run dist/check/scan-worker.cjs, in an isolate of their own, and its reading thread
  // dist/check/read-worker.cjs. Nothing is shared with the app's build: a check process loads no module of
  // dist/chunks/ (only the loader's two small helpers, the cache's folder and the V8 flags, are in both of its files).
  // An offline check never loads the Hub client or the
  // sandbox (test/commands/lazy-loading.test.ts), and check --sandbox runs from the app: they are left out (62 + 25
  // KB gzipped), their imports failing with one line if that ever changed.
  // CommonJS, so that check-loader.ts can compile main.cjs with V8's code cache (Node 20 has no cache for ES
  // modules) and no ES module facade is built for each node: module it requires; a thread started on it does not boot
  // the ES module loader either. import.meta.url is the file's URL, as in an ES module.
  build({
    ...common,
    format: 'cjs',
    outExtension: {'.js': '.cjs'},
    banner: {js: "var __hfjwImportMetaUrl = require('node:url').pathToFileURL(__filename).href;"},
    define: {...common.define, 'import.meta.url': '__hfjwImportMetaUrl'},
    // One file: its few lazy imports (preflight, network bounds) are inlined, not split into chunks of their own.
    splitting: false,
    // scan-worker: what `check`'s worker threads run, the app's and this build's (the scanner alone, in one module:
    // a worker starts without the Hub client and without loading chunks one by one). read-worker: the reading thread
    // (src/core/checks/read-ahead.ts: node:fs and node:worker_threads only).
    entryPoints: {
      cli: 'src/check-loader.ts',
      main: 'src/check-cli.ts',
      'scan-worker': 'src/core/checks/scan-worker.ts',
      'read-worker': 'src/core/checks/read-worker.ts',
    },
    outdir: 'dist/check',
    plugins: [...common.plugins, offlineOnly],
  }),
]);

// check's build as ASCII only: esbuild escapes other characters in strings but leaves them in regular expression
// literals (`/…|\.\.\./`) and comments, and one such character makes V8 hold the whole 260 KB source as a two-byte
// string, decoded from UTF-8 at every run. `\uXXXX` means the same there (and in identifiers and template literals;
// this build holds no String.raw). Instructions of check on an empty folder (valgrind): 196-202M -> 185M.
{
  const {readFileSync, writeFileSync, readdirSync} = await import('node:fs');
  for (const name of readdirSync('dist/check'))
    if (name.endsWith('.cjs')) {
      const file = `dist/check/${name}`;
      const text = readFileSync(file, 'utf8');
      const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (ascii !== text) writeFileSync(file, ascii);
    }
}

// dist/check/build-id: what check's code cache is kept under (src/check-loader.ts), a hash of the build it was made
// from (V8 itself checks only the source's length).
{
  const {createHash} = await import('node:crypto');
  const {readFileSync, writeFileSync} = await import('node:fs');
  const id = createHash('sha256').update(readFileSync('dist/check/main.cjs')).digest('hex').slice(0, 32);
  writeFileSync('dist/check/build-id', `${id}\n`);
}

if (announce) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`Built in ${seconds} s. Opening the wizard on the offline sandbox Hub…\n`);
}

const yogaChunk = Object.entries(result.metafile.outputs).find(([, o]) =>
  Object.keys(o.inputs).some((i) => i.includes('yoga-wasm-base64-esm')),
)?.[0];
if (!yogaWasmBytes || !yogaChunk)
  throw new Error('build: yoga-layout was not bundled as expected (no chunk holds its wasm loader)');
{
  const {writeFileSync} = await import('node:fs');
  const {dirname, join} = await import('node:path');
  writeFileSync(join(dirname(yogaChunk), YOGA_WASM), yogaWasmBytes);
}

if (metafile) {
  // `node scripts/build.mjs --metafile`: what the bundle is made of, largest first.
  const bySource = {};
  for (const [file, info] of Object.entries(
    Object.values(result.metafile.outputs)
      .flatMap((o) => Object.entries(o.inputs))
      .reduce((all, [k, v]) => ({...all, [k]: v}), {}),
  )) {
    const pkgMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = pkgMatch ? pkgMatch[1] : file.split('/').slice(0, 2).join('/');
    bySource[key] = (bySource[key] ?? 0) + info.bytesInOutput;
  }
  for (const [key, bytes] of Object.entries(bySource)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)) {
    console.log(`${(bytes / 1024).toFixed(0).padStart(6)} KB  ${key}`);
  }
}
