/**
 * The renderer's Content Security Policy, sent with every app file (Electron and web mode alike).
 * DuckDB-WASM needs 'wasm-unsafe-eval' and a same-origin worker; nothing else is loosened.
 * Styles allow 'unsafe-inline' because Svelte transitions and Plotly write <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
