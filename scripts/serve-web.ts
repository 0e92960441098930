import { existsSync } from 'node:fs';
import { runCli } from './lib/cli-args.ts';
import { portFromArgs, startWebServer } from './lib/web-server.ts';

const RENDERER_DIR = 'dist/renderer';

// `npm run web` builds first, then runs this: the production build on 127.0.0.1.
runCli('web', async () => {
  if (!existsSync(`${RENDERER_DIR}/index.html`))
    throw new Error(`${RENDERER_DIR} is missing: run "npm run build" first`);
  const port = portFromArgs(process.argv.slice(2), process.env, 5180);
  const { url } = await startWebServer(RENDERER_DIR, port);
  process.stdout.write(`Chỉ Tiêu Workbench: ${url}\n`);
});
