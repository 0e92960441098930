import { createServer, type Server } from 'node:http';
import { serveAppFile } from '../../electron/main/static-files.ts';

/** Serves the built renderer on 127.0.0.1 only, with the same headers the Electron window gets. */
export async function startWebServer(
  rootDir: string,
  port: number,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const ifNoneMatch = request.headers['if-none-match'] ?? null;
    void serveAppFile(rootDir, pathname, {}, ifNoneMatch).then(async (file) => {
      response.writeHead(file.status, Object.fromEntries(file.headers));
      response.end(request.method === 'HEAD' ? undefined : Buffer.from(await file.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actualPort}/` };
}

/** The port from `--port N`, `--port=N` or PORT, else the default. */
export function portFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: number): number {
  const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const raw =
    index < 0 ? env.PORT : argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${raw}"`);
  return port;
}
