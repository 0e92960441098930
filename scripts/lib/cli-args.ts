/** Parses `--name value` and `--flag` arguments; unknown names are an error with a one-line reason. */
export function parseArgs(argv: readonly string[], known: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1] || !known.includes(match[1])) {
      throw new Error(`unknown argument "${arg}" (expected: ${known.map((name) => `--${name}`).join(', ')})`);
    }
    const inline = match[2];
    if (inline !== undefined) {
      args.set(match[1], inline);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`--${match[1]} needs a value`);
    args.set(match[1], next);
    i++;
  }
  return args;
}

/** Runs a CLI body, turning any thrown error into one line on stderr and exit code 1. */
export function runCli(name: string, body: () => Promise<void>): void {
  body().catch((error: unknown) => {
    process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
