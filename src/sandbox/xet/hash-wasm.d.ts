// Types for hash-wasm's ES module build, imported by path so that the bundler keeps only blake3: the package has no
// `exports` map and its `main` is a UMD bundle of every algorithm (~270 KB), which esbuild cannot tree-shake.
declare module 'hash-wasm/dist/index.esm.js' {
  export * from 'hash-wasm';
}
