import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

describe('the packaged Electron binary', () => {
  it('has its fuses flipped: no run-as-node, no NODE_OPTIONS or --inspect, asar only and integrity-checked', async () => {
    const config = load(await readFile('electron-builder.yml', 'utf8')) as Record<string, unknown>;
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
