// A TypeScript CLI bundled by esbuild into ES modules that plain Node runs. Under tsx every run of
// `npm run report` paid about a second of CPU to start the loader and to resolve and transform each
// of the CLI's modules; a bundle is rebuilt (a quarter of a second) only when a file it was built
// from, esbuild or these settings change. Plain JS, so that it starts without a TypeScript loader.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// Each bundled module keeps its own import.meta.url, so paths it reads beside itself (the chart
// worker, the DuckDB-WASM files) resolve as they do unbundled.
const ownModuleUrls = {
  name: 'own-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

// Packages stay in node_modules and load from there, except the ES-module ones the CLI loads on
// every run: Node resolved, read and linked their hundreds of small modules one by one (apache-arrow
// about 150 ms of CPU a run, zod 60 ms), bundled they take a fraction of that. DuckDB-WASM's
// browser build is bundled with apache-arrow so that both use one copy of it, as in the app.
// `exceljs` goes through esbuild's resolver too, for the alias below.
const BUNDLED_PACKAGES =
  /^(apache-arrow|flatbuffers|tslib|zod|@duckdb\/duckdb-wasm\/dist\/duckdb-browser\.mjs|exceljs)(\/|$)/u;
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    // Bare specifiers only (esbuild's filters are Go regular expressions, without flags).
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * The bundle of `entry` (a path in the repository), as a file URL to import: the one in `folder`
 * when nothing it was built from has changed, else a new one built there.
 */
export async function freshBundle(entry, folder) {
  const stamp = await buildStamp(entry);
  await mkdir(folder, { recursive: true });
  const current = await currentBuild(folder, stamp);
  const build = current ?? (await rebuild(entry, folder, stamp));
  return pathToFileURL(join(folder, build, `${basename(entry, extname(entry))}.js`)).href;
}

// What a build depends on besides its inputs: its entry, this file (the settings) and esbuild.
async function buildStamp(entry) {
  const esbuild = JSON.parse(await readFile(join(REPO, 'node_modules/esbuild/package.json'), 'utf8'));
  const settings = await readFile(fileURLToPath(import.meta.url));
  return sha256(`${resolve(REPO, entry)}\n${esbuild.version}\n${settings}`);
}

// The current build's folder name when every file it was built from is unchanged, else null.
async function currentBuild(folder, stamp) {
  const current = await readFile(join(folder, 'current.json'), 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => null);
  if (current?.stamp !== stamp || typeof current.inputs !== 'object') return null;
  const unchanged = await Promise.all(
    Object.entries(current.inputs).map(([path, seen]) =>
      unchangedInput(resolve(REPO, path), seen, current.hashedAt),
    ),
  );
  return unchanged.every(Boolean) ? current.build : null;
}

// Git's rule: a file whose size and modification time are those it had when it was hashed is
// unchanged, unless it was modified so close to the hashing that a later write in the same tick
// would keep both; then (as when they differ) its bytes are hashed again. Reading and hashing the
// bundle's three hundred files took a tenth of a second of every run.
async function unchangedInput(path, seen, hashedAt) {
  const stats = await stat(path).catch(() => null);
  if (stats === null) return false;
  const settled = Number.isFinite(hashedAt) && stats.mtimeMs < hashedAt - RACY_MS;
  if (settled && stats.size === seen.size && wholeMs(stats) === seen.mtimeMs) return true;
  const bytes = await readFile(path).catch(() => null);
  return bytes !== null && sha256(bytes) === seen.hash;
}

// A modification time in whole milliseconds, as any tool that sets one can write it back.
const wholeMs = (stats) => Math.trunc(stats.mtimeMs);

// How close to its hashing a file's modification time must be to be read again (file systems
// keep times in steps of up to two seconds).
const RACY_MS = 2000;

async function rebuild(entry, folder, stamp) {
  const { build } = await import('esbuild');
  // Named by time first, so that names sort as the builds were made.
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const result = await build({
    entryPoints: [resolve(REPO, entry)],
    outdir: join(folder, name),
    absWorkingDir: REPO,
    bundle: true,
    // What an entry loads on demand (each report format's writer) stays its own chunk.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The build of ExcelJS the app runs, loaded by require (see the file).
    alias: { exceljs: './scripts/lib/exceljs-by-require.ts' },
    plugins: [ownModuleUrls, externalPackages],
    metafile: true,
    logLevel: 'warning',
  });
  const hashedAt = Date.now();
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs)) {
    const file = resolve(REPO, path);
    const [stats, bytes] = await Promise.all([stat(file), readFile(file)]);
    inputs[path] = { hash: sha256(bytes), size: stats.size, mtimeMs: wholeMs(stats) };
  }
  // Renamed into place: a run started meanwhile reads the old build or the new one, never half.
  const temporary = join(folder, `current.json.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify({ stamp, build: name, hashedAt, inputs }));
  await rename(temporary, join(folder, 'current.json'));
  // Earlier builds go, but for the latest of them (a run may still be loading its chunks).
  const earlier = (await readdir(folder)).filter((entry) => entry.startsWith('build-') && entry !== name);
  await Promise.all(
    earlier
      .sort()
      .slice(0, -1)
      .map((old) => rm(join(folder, old), { recursive: true, force: true })),
  );
  return name;
}
