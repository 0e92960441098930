import { beforeAll, describe, expect, it, vi } from 'vitest';

// The preload runs against a fake contextBridge and ipcRenderer (no Electron binary here).
const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: args[0] })),
    on: () => {
      throw new Error('the preload must not listen on channels');
    },
    send: () => {
      throw new Error('the preload must not send on channels');
    },
  },
}));

const OPERATIONS = {
  appInfo: undefined,
  saveFile: { defaultName: 'a.csv', filters: [], bytes: new Uint8Array(1) },
  openFile: { filters: [] },
  readSettings: undefined,
  writeSettings: { locale: 'en' },
  readCollection: { collection: 'saved-queries' },
  writeCollections: { changes: [] },
} as const;

describe('the preload bridge', () => {
  beforeAll(async () => {
    await import('../../../electron/preload/index.ts');
  });

  it('exposes window.workbench and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['workbench']);
  });

  it('has exactly the named functions, no ipcRenderer, no channel, no generic invoke', () => {
    const bridge = exposed.get('workbench') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.getPrototypeOf(bridge)).toBe(Object.prototype);
  });

  it('sends each function on its own workbench: channel with the request alone', async () => {
    const bridge = exposed.get('workbench') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const [operation, request] of Object.entries(OPERATIONS)) {
      invoked.length = 0;
      // Extra arguments a page might pass are not forwarded.
      const answer = await bridge[operation]!(request, 'extra', () => 1);
      const expected =
        request === undefined ? [`workbench:${operation}`] : [`workbench:${operation}`, request];
      expect(invoked).toEqual([expected]);
      expect(answer).toEqual({ ok: true, value: `workbench:${operation}` });
    }
  });
});
