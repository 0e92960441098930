import { runCli } from './lib/cli-args.ts';
import { runExtract } from './lib/extract-command.ts';

// With no arguments this rebuilds the app's embedded warehouse from its embedded corpus.
runCli('extract', () => runExtract(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)));
