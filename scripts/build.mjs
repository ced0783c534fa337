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

// yoga-layout's wasm loader calls fetch() on its own data: URL when fetch exists, which on Node 20 loads all of
// undici (~17 ms per launch, shared/design/startup.md). Make it take its synchronous base64 path instead.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async (a) => {
      const {readFile} = await import('node:fs/promises');
      const source = await readFile(a.path, 'utf8');
      const patched = source.replaceAll('"function"!=typeof fetch', '!0');
      if (patched === source)
        throw new Error('yoga-without-fetch: pattern not found; re-check startup.md after a yoga upgrade');
      return {contents: patched, loader: 'js'};
    });
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

const metafile = process.argv.includes('--metafile');
// `npm start` builds before it opens the wizard: with --announce, say so, so the 1-3 s build is not a silent pause.
const announce = process.argv.includes('--announce');
const started = performance.now();
if (announce) process.stderr.write('Building hf-jobs-wizard into dist/ (a few seconds)…\n');
const {build} = await import('esbuild');
await rm('dist', {recursive: true, force: true});

const result = await build({
  // scan-worker: what `check`'s worker threads run (the scanner alone, so a worker starts without the Hub client).
  entryPoints: ['src/cli.tsx', 'src/core/checks/scan-worker.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  // Split: dist/cli.mjs is a small entry; each command's code (Ink, the sandbox, the Hub client...) sits in
  // dist/chunks/ and loads only when that command runs. Still one self-contained build, no runtime dependencies.
  splitting: true,
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: {'.js': '.mjs'},
  minify: process.argv.includes('--minify'),
  legalComments: 'none',
  logLevel: 'warning',
  // react, react-reconciler, scheduler and signal-exit are CommonJS and call require().
  banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
  define: {'process.env.NODE_ENV': '"production"', __VERSION__: JSON.stringify(pkg.version)},
  plugins: [stubInkDevtools, yogaWithoutFetch, withoutInquirerEditor],
  metafile,
});

if (announce) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`Built in ${seconds} s. Opening the wizard on the offline sandbox Hub…\n`);
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
