// Builds dist/cli.mjs: one self-contained ESM file with no runtime dependencies (what `npx` runs).
import {build} from 'esbuild';
import {readFileSync} from 'node:fs';

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
      if (patched === source) throw new Error('yoga-without-fetch: pattern not found; re-check startup.md after a yoga upgrade');
      return {contents: patched, loader: 'js'};
    });
  },
};

await build({
  entryPoints: ['src/cli.tsx'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  outfile: 'dist/cli.mjs',
  minify: process.argv.includes('--minify'),
  legalComments: 'none',
  logLevel: 'warning',
  // react, react-reconciler, scheduler and signal-exit are CommonJS and call require().
  banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
  define: {'process.env.NODE_ENV': '"production"', __VERSION__: JSON.stringify(pkg.version)},
  plugins: [stubInkDevtools, yogaWithoutFetch],
});
