/**
 * A mistake the user can fix, told in one line: Vietnamese first (the CLIs are used by
 * statisticians), then English.
 */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`Lỗi: ${vi} / Error: ${en}`);
    this.name = 'CliError';
  }
}

const SHOWN_MAX = 120;

/** A user-given value as it can be shown inside a one-line message: quoted, escaped, shortened. */
export function shown(value: string): string {
  const quoted = JSON.stringify(value);
  return quoted.length <= SHOWN_MAX ? quoted : `${quoted.slice(0, SHOWN_MAX - 2)}…"`;
}

/**
 * Parses `--name value` and `--name=value` arguments, each named in `known`; an unknown name, a
 * name given twice, a missing or empty value, or a bare word is a CliError.
 */
export function parseArgs(argv: readonly string[], known: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  const expected = known.map((name) => `--${name}`).join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=([\s\S]*))?$/.exec(arg);
    const name = match?.[1];
    if (name === undefined || !known.includes(name)) {
      throw new CliError(
        `tham số không hợp lệ ${shown(arg)} (các tham số: ${expected})`,
        `unknown argument ${shown(arg)} (expected: ${expected})`,
      );
    }
    if (args.has(name)) {
      throw new CliError(`--${name} được nêu hai lần`, `--${name} is given twice`);
    }
    let value = match?.[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value.trim() === '') {
      throw new CliError(`--${name} cần một giá trị`, `--${name} needs a value`);
    }
    args.set(name, value);
  }
  return args;
}

/**
 * Runs a CLI body; any error becomes one line on stderr (never a stack trace) and exit code 1.
 * A CliError says it in both languages; another error's message has no Vietnamese to give.
 */
export function runCli(name: string, body: () => Promise<void>): void {
  body().catch((error: unknown) => {
    process.stderr.write(`${name}: ${oneLine(error)}\n`);
    process.exit(1);
  });
}

function oneLine(error: unknown): string {
  if (error instanceof CliError) return error.message;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return `Lỗi / Error: ${message}`;
}
