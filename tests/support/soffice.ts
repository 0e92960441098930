import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * soffice's arguments to convert `file` with `filter` into `outDir`, headless, on a profile of its
 * own inside `outDir`: a second soffice on a profile in use hands its job to the first one or quits
 * without converting, and test files that convert run side by side.
 */
export function sofficeConvertArgs(file: string, filter: string, outDir: string): string[] {
  const profile = pathToFileURL(join(outDir, '.soffice-profile')).href;
  return [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, file];
}
