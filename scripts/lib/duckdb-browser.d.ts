// The browser build is loaded in Node tests by path; its API is the package's own.
declare module '@duckdb/duckdb-wasm/dist/duckdb-browser.mjs' {
  export * from '@duckdb/duckdb-wasm';
}
