import type { WorkbenchDatabase } from './database.ts';
import type { DbResult } from './db-error.ts';

/**
 * The share of the engine's memory limit that loaded tables may take: the rest is what the pivot
 * and user queries work in. A load that would go over is refused before the engine sees it.
 */
export const DATA_SHARE = 0.6;

/** Rows take about this many times their Arrow IPC bytes once in DuckDB tables (observations, measured). */
export const TABLE_BYTES_PER_ARROW_BYTE = 1.6;

/** The Arrow IPC bytes a load adds, those it replaces, and its largest chunk (copied once more on the way in). */
export interface LoadSize {
  addedBytes: number;
  replacedBytes: number;
  largestChunkBytes: number;
}

/** The engine's memory as it reports it. */
export interface EngineMemory {
  limitBytes: number;
  usedBytes: number;
}

/** What a load needs and what is left for data: both in bytes. */
export interface MemoryNeed {
  neededBytes: number;
  availableBytes: number;
}

const UNIT_BYTES: Readonly<Record<string, number>> = {
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Bytes of a size as DuckDB writes a setting ("3.1 GiB", "150.0 MB", "512 bytes"); null if unreadable. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/iu.exec(text);
  const unit = match ? UNIT_BYTES[match[2]!.toLowerCase()] : undefined;
  return match && unit ? Number(match[1]) * unit : null;
}

/** What `load` needs of the engine's memory, and what it has for data beyond what is loaded already. */
export function memoryNeed(load: LoadSize, memory: EngineMemory): MemoryNeed {
  const grows = Math.max(0, load.addedBytes - load.replacedBytes) * TABLE_BYTES_PER_ARROW_BYTE;
  return {
    neededBytes: Math.ceil(grows + load.largestChunkBytes),
    availableBytes: Math.max(0, Math.floor(memory.limitBytes * DATA_SHARE - memory.usedBytes)),
  };
}

/** The Arrow bytes of chunks going in and of those they replace. */
export function loadSize(added: readonly Uint8Array[], replaced: readonly Uint8Array[]): LoadSize {
  const bytes = (chunks: readonly Uint8Array[]) => chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  return {
    addedBytes: bytes(added),
    replacedBytes: bytes(replaced),
    largestChunkBytes: Math.max(0, ...added.map((chunk) => chunk.byteLength)),
  };
}

const ENGINE_MEMORY = `SELECT current_setting('memory_limit') AS memory_limit,
  (SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()) AS used`;

/**
 * Refuses, before the engine takes any of it, a load that would not fit: an engine out of memory
 * halfway through a load leaves a table short. The refusal carries the memory advice and the sizes.
 */
export async function ensureMemoryFor(db: WorkbenchDatabase, load: LoadSize): Promise<DbResult<void>> {
  if (load.addedBytes <= load.replacedBytes) return { ok: true, value: undefined };
  const read = await db.query(ENGINE_MEMORY);
  if (!read.ok) return read;
  const row = read.value.get(0);
  const limitBytes = parseByteSize(String(row?.memory_limit));
  // An engine that does not say its limit is left to refuse by itself (its error carries the advice).
  if (limitBytes === null) return { ok: true, value: undefined };
  const need = memoryNeed(load, { limitBytes, usedBytes: Number(row?.used) });
  if (need.neededBytes <= need.availableBytes) return { ok: true, value: undefined };
  const mb = (bytes: number) => Math.ceil(bytes / 1e6);
  return {
    ok: false,
    error: {
      code: 'load',
      advice: 'memory',
      memory: need,
      message: `Not enough engine memory for these rows: about ${mb(need.neededBytes)} MB needed, ${mb(need.availableBytes)} MB available for data`,
    },
  };
}
