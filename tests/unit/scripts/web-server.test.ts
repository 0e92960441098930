import { request } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp.ts';
import { portFromArgs, startWebServer } from '../../../scripts/lib/web-server.ts';

function get(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    // A raw request keeps `..` segments that fetch() would normalise away.
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web-mode server', () => {
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ctw-web-'));
    const root = join(parent, 'renderer');
    await import('node:fs/promises').then((fs) => fs.mkdir(root));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Chỉ tiêu</title>');
    await writeFile(join(parent, 'secret.txt'), 'secret');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(root, 'assets')));
    await writeFile(join(root, 'assets', 'duckdb-eh-B8kQ2x_Z.wasm'), new Uint8Array([0, 97, 115, 109]));
    const started = await startWebServer(root, 0);
    url = started.url;
    close = () => started.server.close();
  });
  afterAll(() => close());

  it('listens on 127.0.0.1 only and serves index.html with the CSP', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(url, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Chỉ tiêu');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('marks hashed build assets immutable and revalidates everything else', async () => {
    const asset = await get(url, '/assets/duckdb-eh-B8kQ2x_Z.wasm');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('application/wasm');
    const page = await get(url, '/index.html');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('answers a request with the current validator by 304 and no body, a stale one in full', async () => {
    const first = await get(url, '/index.html');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await get(url, '/index.html', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const stale = await get(url, '/index.html', { 'if-none-match': '"0-0"' });
    expect(stale.status).toBe(200);
    expect(stale.body).toContain('Chỉ tiêu');
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const response = await get(url, path);
      expect(response.body).not.toContain('secret');
      expect([403, 404]).toContain(response.status);
    }
  });
});

describe('portFromArgs', () => {
  it('reads --port N, --port=N and PORT, in that order of preference', () => {
    expect(portFromArgs(['--port', '8123'], { PORT: '9000' }, 5180)).toBe(8123);
    expect(portFromArgs(['--port=8124'], {}, 5180)).toBe(8124);
    expect(portFromArgs([], { PORT: '9000' }, 5180)).toBe(9000);
    expect(portFromArgs([], {}, 5180)).toBe(5180);
  });

  it('rejects a port that is not a port', () => {
    expect(() => portFromArgs(['--port', 'abc'], {}, 5180)).toThrow('invalid port "abc"');
    expect(() => portFromArgs(['--port', '70000'], {}, 5180)).toThrow('invalid port');
  });
});
