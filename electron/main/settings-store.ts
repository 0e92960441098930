import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';
import type { AppSettings } from '../shared/ipc-contract.ts';
import { appSettingsSchema } from './ipc-schemas.ts';

export const DEFAULT_SETTINGS: AppSettings = { locale: 'vi' };

/** App settings in one JSON file under userData; writes are atomic and durable (see writeFileAtomic). */
export class SettingsStore {
  readonly path: string;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(userDataDir: string) {
    this.path = join(userDataDir, 'settings.json');
  }

  /** The saved settings; defaults when the file is missing or unreadable (it is never overwritten by a read). */
  async read(): Promise<AppSettings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    try {
      const parsed = appSettingsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  /** Replaces the settings; a crash mid-write leaves the previous file intact. */
  write(settings: AppSettings): Promise<AppSettings> {
    const write = this.#writes.then(async () => {
      await writeFileAtomic(this.path, JSON.stringify(settings, null, 2) + '\n');
      return settings;
    });
    // Writes are queued so two quick saves cannot interleave their renames.
    this.#writes = write.catch(() => undefined);
    return write;
  }

  /** Resolves when every write started so far has finished. */
  idle(): Promise<void> {
    return this.#writes.then(() => undefined);
  }
}
