import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name, by extension. */
export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `root` that a URL path names, or null when the path is malformed or escapes root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || !pathname.startsWith('/')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(base + sep) ? file : null;
}

export type ReadBytes = (path: string) => Promise<Uint8Array>;

/**
 * Serves one of the app's own files with the CSP header: the same response in the Electron
 * protocol handler and the web-mode server, so e2e tests see exactly what the window sees.
 */
export async function serveAppFile(
  root: string,
  urlPath: string,
  read: ReadBytes = (path) => readFile(path),
): Promise<Response> {
  const file = resolveInside(root, urlPath);
  if (!file) return new Response('Forbidden', { status: 403 });
  let body: Uint8Array;
  try {
    body = await read(file);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': mimeType(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
  });
}
