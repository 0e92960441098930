// What `exceljs` resolves to in the CLI bundle (see report-bundle.mjs): the build the app runs (its
// package's "browser" file: one file, compiled in a tenth of the time its Node entry's hundreds of
// modules take), loaded by require. Imported as an ES module, Node would first scan the CommonJS
// file's 0.9 MB for its export names: about 90 ms of CPU a run.
import { createRequire } from 'node:module';

const ExcelJS = createRequire(import.meta.url)('exceljs/dist/exceljs.min.js') as typeof import('exceljs');

export default ExcelJS;
