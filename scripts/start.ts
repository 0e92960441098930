import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { runCli } from './lib/cli-args.ts';
import { portFromArgs, startWebServer } from './lib/web-server.ts';

/** The Electron binary's path, or null when it was not installed (ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronBinary(): string | null {
  try {
    // The electron package exports the binary's path, and throws when the binary is absent.
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

runCli('start', async () => {
  const binary = electronBinary();
  if (binary) {
    const child = spawn(binary, ['.'], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const { url } = await startWebServer(
    'dist/renderer',
    portFromArgs(process.argv.slice(2), process.env, 5180),
  );
  process.stdout.write(`Electron is not installed here; serving the workbench for a browser at ${url}\n`);
});
