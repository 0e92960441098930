import { chmod, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, shown } from './cli-args.ts';

// The longest file name ext4, NTFS and APFS take, in bytes.
const NAME_MAX_BYTES = 255;

/** A folder to be replaced as a whole: files go into `staging`, then `commit()` swaps it into place. */
export interface StagedFolder {
  /** The folder the user named, resolved. */
  target: string;
  /** An empty folder beside `target`, on the same file system, so the final rename is atomic. */
  staging: string;
  /** Puts the staged folder in place of `target`; the old folder survives any failure. */
  commit(): Promise<void>;
  /** Removes the staged folder (after a failure); `target` is left as it was. */
  discard(): Promise<void>;
}

/**
 * Checks that `out` can be replaced by a folder of `allowedNames` files and makes the staging
 * folder beside it, before any work: a missing parent, a file, a folder holding anything else, or
 * a place nobody can write is refused with one CliError line.
 */
export async function stageFolder(out: string, allowedNames: ReadonlySet<string>): Promise<StagedFolder> {
  if (out.includes('\0')) throw badOut(out, 'chứa ký tự NUL', 'contains a NUL character');
  const target = resolve(out);
  const parent = dirname(target);
  if (parent === target) throw badOut(out, 'là thư mục gốc', 'is the root folder');
  if (Buffer.byteLength(basename(target)) > NAME_MAX_BYTES)
    throw badOut(out, 'có tên quá dài', 'has too long a name');
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory())
    throw badOut(out, 'là một tệp, không phải thư mục', 'is a file, not a folder');
  if (existing) {
    const names = await readdir(target).catch(() => {
      throw badOut(out, 'không đọc được', 'cannot be read');
    });
    const foreign = names.find((name) => !allowedNames.has(name));
    if (foreign !== undefined) {
      throw badOut(
        out,
        `có tệp khác (${shown(foreign)}), không thể thay thế; hãy chọn thư mục trống`,
        `holds another file (${shown(foreign)}) and cannot be replaced; choose an empty folder`,
      );
    }
  }
  const parentStat = await stat(parent).catch(() => null);
  if (!parentStat?.isDirectory()) {
    throw badOut(
      out,
      `nằm trong thư mục không tồn tại ${shown(parent)}`,
      `is in a folder that does not exist, ${shown(parent)}`,
    );
  }
  const staging = await mkdtemp(join(parent, `.${basename(target).slice(0, 64)}.tmp-`)).catch(() => {
    throw badOut(out, 'không ghi được vào thư mục chứa nó', 'cannot be written: its folder is not writable');
  });
  // mkdtemp makes a private folder; the warehouse keeps the old folder's mode, or the usual one.
  await chmod(staging, existing ? existing.mode & 0o7777 : 0o777 & ~process.umask());
  return {
    target,
    staging,
    commit: () => swapInto(staging, target),
    discard: () => rm(staging, { recursive: true, force: true }),
  };
}

async function swapInto(staging: string, target: string): Promise<void> {
  const old = await stat(target).catch(() => null);
  if (!old) {
    await rename(staging, target);
    return;
  }
  const aside = `${staging}.old`;
  await rename(target, aside);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(aside, target);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

function badOut(out: string, vi: string, en: string): CliError {
  return new CliError(`--out ${shown(out)} ${vi}`, `--out ${shown(out)} ${en}`);
}
