import type { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp.ts';
import { startWorkbench } from '../../../electron/main/start-workbench.ts';
import { FakeBrowserWindow, fakeElectron, invoke, type FakeElectron } from './fake-electron.ts';

describe('the Electron main process (with an injected fake of electron)', () => {
  let userData: string;
  let rendererDir: string;
  let fake: FakeElectron;
  let window: FakeBrowserWindow;

  beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'ctw-user-'));
    rendererDir = await mkdtemp(join(tmpdir(), 'ctw-renderer-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(userData, 'secret.txt'), 'outside the app');
    fake = fakeElectron(userData);
    await startWorkbench(fake.api, { rendererDir, preloadPath: '/app/preload.cjs' });
    window = FakeBrowserWindow.created[0]!;
  });

  it('opens one window on app:// with exactly the hardened web preferences', () => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
    // toEqual, not toMatchObject: a preference added or dropped must be a reviewed change.
    expect(window.options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
    expect(window.loadedUrl).toBe('app://workbench/index.html');
  });

  it('registers app:// as a privileged, secure, standard scheme', () => {
    expect(fake.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }),
      }),
    ]);
  });

  it('serves the app files with the strict CSP and nothing outside the app folder', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://workbench/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/'unsafe-eval'|https?:|\*/);
    for (const escape of [
      'app://workbench/../secret.txt',
      'app://workbench/%2e%2e/secret.txt',
      'app://workbench/..%2fsecret.txt',
    ]) {
      const response = await handler(new Request(escape));
      expect([403, 404]).toContain(response.status);
    }
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(403);
    expect((await handler(new Request('app://workbench/missing.js'))).status).toBe(404);
  });

  it('denies navigation and redirects away from the app, new windows and webviews', () => {
    const contents = window.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://workbench/index.html')).toBe(false);
    const redirect = (url: string) => {
      let prevented = false;
      contents.emit('will-redirect', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(redirect('https://example.com/')).toBe(true);
    expect(redirect('app://elsewhere/index.html')).toBe(true);
    expect(redirect('app://workbench/assets/x.js')).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });

  it('cancels every request that is not the app, and grants no permission', () => {
    const decide = (url: string) => {
      let decision: unknown;
      fake.beforeRequest?.({ url }, (response: unknown) => (decision = response));
      return decision;
    };
    expect(decide('https://cdn.jsdelivr.net/npm/x.wasm')).toEqual({ cancel: true });
    expect(decide('app://workbench/assets/duckdb-eh.wasm')).toEqual({ cancel: false });
    let granted: unknown;
    fake.permissionHandler?.({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
  });

  it('answers app info', async () => {
    expect(await invoke(fake, 'workbench:appInfo')).toEqual({
      ok: true,
      value: { name: 'Chỉ Tiêu Workbench', version: '0.1.0', electron: '41.0.0', platform: 'linux' },
    });
  });

  it('refuses a request from a frame that is not the app', async () => {
    const result = await invoke(fake, 'workbench:appInfo', undefined, 'https://evil.example/');
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('validates every payload before acting', async () => {
    const bad = [
      ['workbench:writeSettings', { locale: 'fr' }],
      ['workbench:writeSettings', { locale: 'vi', extra: true }],
      ['workbench:saveFile', { defaultName: '../../etc/passwd', filters: [], bytes: new Uint8Array(1) }],
      ['workbench:saveFile', { defaultName: 'a.csv', filters: [], bytes: 'not bytes' }],
      ['workbench:openFile', { filters: [{ name: 'x', extensions: ['../'] }] }],
      ['workbench:appInfo', { unexpected: 1 }],
    ] as const;
    for (const [channel, payload] of bad) {
      expect(await invoke(fake, channel, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
  });

  it('saves bytes only where the save dialog says, and nothing when cancelled', async () => {
    const request = {
      defaultName: 'bao-cao.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      bytes: new TextEncoder().encode('chỉ tiêu'),
    };
    expect(await invoke(fake, 'workbench:saveFile', request)).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
    fake.savePath = join(userData, 'bao-cao.csv');
    expect(await invoke(fake, 'workbench:saveFile', request)).toEqual({
      ok: true,
      value: { saved: true, path: fake.savePath },
    });
    expect(await readFile(fake.savePath, 'utf8')).toBe('chỉ tiêu');
  });

  it('opens a file chosen in the dialog, and reports an unreadable one as an io error', async () => {
    expect(await invoke(fake, 'workbench:openFile', { filters: [] })).toEqual({ ok: true, value: null });
    fake.openPaths = [join(userData, 'secret.txt')];
    const opened = (await invoke(fake, 'workbench:openFile', { filters: [] })) as {
      ok: true;
      value: { name: string; bytes: Uint8Array };
    };
    expect(opened.value.name).toBe('secret.txt');
    expect(new TextDecoder().decode(opened.value.bytes)).toBe('outside the app');
    fake.openPaths = [join(userData, 'missing.txt')];
    expect(await invoke(fake, 'workbench:openFile', { filters: [] })).toMatchObject({
      ok: false,
      error: { code: 'io' },
    });
  });

  it('keeps settings in userData with an atomic write, and survives a corrupt file', async () => {
    expect(await invoke(fake, 'workbench:readSettings')).toEqual({ ok: true, value: { locale: 'vi' } });
    expect(await invoke(fake, 'workbench:writeSettings', { locale: 'en' })).toEqual({
      ok: true,
      value: { locale: 'en' },
    });
    expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))).toEqual({ locale: 'en' });
    expect((await readdir(userData)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await invoke(fake, 'workbench:readSettings')).toEqual({ ok: true, value: { locale: 'en' } });
    await writeFile(join(userData, 'settings.json'), '{ not json');
    expect(await invoke(fake, 'workbench:readSettings')).toEqual({ ok: true, value: { locale: 'vi' } });
    expect(await readFile(join(userData, 'settings.json'), 'utf8')).toBe('{ not json');
  });
});

describe('the collection store behind history, saved queries and tabs', () => {
  it('keeps items by id in userData/collections and refuses bad names, items and values', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'ctw-store-'));
    const rendererDir = await mkdtemp(join(tmpdir(), 'ctw-renderer-'));
    const fake = fakeElectron(userData);
    await startWorkbench(fake.api, { rendererDir, preloadPath: '/app/preload.cjs' });
    expect(await invoke(fake, 'workbench:readCollection', { collection: 'query-history' })).toEqual({
      ok: true,
      value: { items: [], exists: false },
    });
    const run = { id: 'run-1', sql: 'SELECT 1', at: '2026-11-23T10:00:00Z', rows: 1 };
    const write = (changes: unknown) => invoke(fake, 'workbench:writeCollections', { changes });
    expect(await write([{ collection: 'query-history', put: [run], delete: [] }])).toEqual({ ok: true });
    expect(
      await write([{ collection: 'query-history', put: [{ ...run, id: 'run-2' }], delete: [] }]),
    ).toEqual({ ok: true });
    expect(JSON.parse(await readFile(join(userData, 'collections', 'query-history.json'), 'utf8'))).toEqual({
      items: [run, { ...run, id: 'run-2' }],
    });
    expect(await write([{ collection: 'query-history', put: [], delete: ['run-1'] }])).toEqual({ ok: true });
    expect(await invoke(fake, 'workbench:readCollection', { collection: 'query-history' })).toEqual({
      ok: true,
      value: { items: [{ ...run, id: 'run-2' }], exists: true },
    });
    for (const bad of [
      [{ collection: '../../etc/passwd', put: [], delete: [] }],
      [{ collection: 'Saved Queries', put: [], delete: [] }],
      [{ collection: 'saved-queries', put: [{ name: 'no id' }], delete: [] }],
      [{ collection: 'saved-queries', put: [{ id: 'x', sql: () => 1 }], delete: [] }],
      [{ collection: 'saved-queries', put: [], delete: [''] }],
      [{ collection: 'saved-queries', put: [{ id: 'x', big: 'x'.repeat(9 * 1024 * 1024) }], delete: [] }],
      [],
    ]) {
      expect(await write(bad)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await invoke(fake, 'workbench:readCollection', { collection: 'a/b' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect((await readdir(join(userData, 'collections'))).sort()).toEqual(['query-history.json']);
  });

  it('makes quit wait until the writes already asked for are on disk', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'ctw-quit-'));
    const fake = fakeElectron(userData);
    let quits = 0;
    (fake.api.app as unknown as { quit: () => void }).quit = () => {
      quits += 1;
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      (fake.api.app as unknown as EventEmitter).emit('before-quit', event);
      // What is on disk at the moment the app really quits.
      if (!event.defaultPrevented) {
        quitted = true;
        onDiskAtQuit = existsSync(file) ? readFileSync(file, 'utf8').length : 0;
      }
    };
    let quitted = false;
    let onDiskAtQuit = 0;
    const file = join(userData, 'collections', 'saved-queries.json');
    await startWorkbench(fake.api, { rendererDir: userData, preloadPath: '/app/preload.cjs' });
    const item = { id: 'q', sql: 'x'.repeat(2_000_000) };
    const writing = invoke(fake, 'workbench:writeCollections', {
      changes: [{ collection: 'saved-queries', put: [item], delete: [] }],
    });
    fake.api.app.quit();
    expect(quitted).toBe(false);
    await expect.poll(() => quitted).toBe(true);
    expect(quits).toBe(2);
    expect(onDiskAtQuit).toBeGreaterThan(2_000_000);
    expect(await writing).toEqual({ ok: true });
  });
});
