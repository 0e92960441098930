import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchCorpus } from './bench-corpus.ts';
import { runExtract } from './extract-command.ts';
import { DEFAULT_CORPUS } from './extract-corpus.ts';
import { runInOwnProcess } from './own-process.ts';

/** What one extraction run of the benchmark measured. */
export interface ExtractionFigures {
  extraction_input_mb: number;
  extraction_ms: number;
  extraction_mb_per_s: number;
  /** Peak resident memory of this process so far: run it first, before anything else grows it. */
  extraction_peak_rss_mb: number;
}

/** The CPU time the extraction core alone took on the embedded corpus (issue 14: under 1 s, 2 MB/s). */
export interface CorpusCoreFigures {
  /** The first run in a fresh process, as `npm run extract` pays it. */
  extraction_corpus_cold_ms: number;
  /** The median of ten runs once V8 has compiled the core (after ten warm-up runs). */
  extraction_corpus_warm_ms: number;
  /** The corpus's size over that warm CPU time. */
  extraction_corpus_mb_per_s: number;
}

/** Runs scripts/bench/corpus-core.ts in a process of its own and reads its JSON. */
export async function benchCorpusCore(): Promise<CorpusCoreFigures> {
  const { bytes, coldMs, warmMs } = await runInOwnProcess<{ bytes: number; coldMs: number; warmMs: number }>(
    'scripts/bench/corpus-core.ts',
  );
  return {
    extraction_corpus_cold_ms: Math.round(coldMs),
    extraction_corpus_warm_ms: Math.round(warmMs),
    extraction_corpus_mb_per_s: round(bytes / 2 ** 20 / (warmMs / 1000), 3),
  };
}

/**
 * Runs the extract command (argument checks, extraction, all three formats written and swapped
 * into place) on a generated document of `megabytes` MB of realistic text.
 */
export async function benchExtraction(megabytes: number): Promise<ExtractionFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ctw-bench-'));
  try {
    const corpus = join(dir, 'corpus');
    const bytes = await writeBenchCorpus(DEFAULT_CORPUS, corpus, megabytes * 2 ** 20);
    const started = performance.now();
    await runExtract(['--corpus', corpus, '--out', join(dir, 'warehouse')], () => undefined);
    const elapsed = performance.now() - started;
    const inputMb = bytes / 2 ** 20;
    return {
      extraction_input_mb: round(inputMb, 2),
      extraction_ms: Math.round(elapsed),
      extraction_mb_per_s: round(inputMb / (elapsed / 1000), 3),
      extraction_peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
