/** The figures of one bench phase, as printed in the bench's JSON. */
export type PhaseFigures = Record<string, number | string | null>;

/** How a phase that did not finish is recorded: `<prefix>_outcome` and `<prefix>_error`. */
export function failedPhase(prefix: string, cause: unknown): PhaseFigures {
  const message = cause instanceof Error ? cause.message : String(cause);
  return { [`${prefix}_outcome`]: 'failed', [`${prefix}_error`]: message.split('\n')[0]!.slice(0, 300) };
}

/**
 * Runs one part of the bench and says on stderr how long it took (stdout is the JSON alone). A
 * phase that throws, or outlasts `limitMs`, gives `failedPhase(prefix, …)` instead of its figures,
 * so one failed phase never costs the others their figures (the last full run lost them all).
 */
export async function recordPhase<T extends PhaseFigures>(
  name: string,
  prefix: string,
  limitMs: number,
  work: () => Promise<T>,
): Promise<T | PhaseFigures> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no answer within ${limitMs / 1000} s`)), limitMs);
  });
  try {
    return await Promise.race([work(), limit]);
  } catch (cause) {
    process.stderr.write(
      `bench: ${name} failed: ${cause instanceof Error ? cause.message : String(cause)}\n`,
    );
    return failedPhase(prefix, cause);
  } finally {
    clearTimeout(timer);
    const used = process.cpuUsage(cpu);
    process.stderr.write(
      `bench: ${name} ${Math.round(performance.now() - started)} ms (this process's CPU ${Math.round((used.user + used.system) / 1000)} ms)\n`,
    );
  }
}
