import { build } from 'esbuild';
import { runCli } from './lib/cli-args.ts';

// Main runs as an ES module; a sandboxed preload must be one CommonJS file with only `electron` external.
runCli('build-electron', async () => {
  await build({
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist-electron/main/index.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron'],
    packages: 'external',
    logLevel: 'warning',
  });
  await build({
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist-electron/preload/index.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'warning',
  });
});
