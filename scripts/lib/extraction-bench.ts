import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchCorpus } from './bench-corpus.ts';
import { runExtract } from './extract-command.ts';
import { DEFAULT_CORPUS } from './extract-corpus.ts';

/** What one extraction run of the benchmark measured. */
export interface ExtractionFigures {
  extraction_input_mb: number;
  extraction_ms: number;
  extraction_mb_per_s: number;
  /** Peak resident memory of this process so far: run it first, before anything else grows it. */
  extraction_peak_rss_mb: number;
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
