import { readFile, stat } from 'node:fs/promises';
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

/** Size and modification time of a file: enough to tell a changed file from the one a client holds. */
export type StatFile = (path: string) => Promise<{ size: number; mtimeMs: number }>;

export interface AppFileSource {
  read?: ReadBytes;
  stat?: StatFile;
}

// Vite names what it builds under assets/ by content hash: a name never changes its bytes.
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** The Cache-Control for a URL path: hashed build assets forever, everything else revalidated. */
export function cacheControl(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves one of the app's own files with the CSP header: the same response in the Electron
 * protocol handler and the web-mode server, so e2e tests see exactly what the window sees.
 * Each response carries a validator (ETag), and a matching `If-None-Match` gets a 304, so a warm
 * start neither downloads the 34 MB engine again nor the warehouse.
 */
export async function serveAppFile(
  root: string,
  urlPath: string,
  source: AppFileSource = {},
  ifNoneMatch: string | null = null,
): Promise<Response> {
  const { read = (path: string) => readFile(path), stat: statFile = (path: string) => stat(path) } = source;
  const file = resolveInside(root, urlPath);
  if (!file) return new Response('Forbidden', { status: 403 });
  let etag: string;
  try {
    const { size, mtimeMs } = await statFile(file);
    etag = `"${size.toString(16)}-${Math.trunc(mtimeMs).toString(16)}"`;
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const headers = {
    'content-type': mimeType(file),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': cacheControl(urlPath),
    etag,
  };
  if (ifNoneMatch !== null && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  let body: Uint8Array;
  try {
    body = await read(file);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  return new Response(body as Uint8Array<ArrayBuffer>, { headers });
}
