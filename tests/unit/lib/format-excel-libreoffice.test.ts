import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { installed } from '../../support/installed.ts';
import { sofficeConvertArgs } from '../../support/soffice.ts';
import { excelNumberFormat } from '../../../renderer/src/lib/format/format-export.ts';
import { formatByKind, type NumberKind } from '../../../renderer/src/lib/format/format-number.ts';

const run = promisify(execFile);

const available = installed('soffice') && installed('pdftotext');
if (!available)
  console.warn('LibreOffice number-format check skipped: soffice or pdftotext is not installed.');

const CASES: [number, NumberKind, 'vi' | 'en'][] = [
  [54449.10000001, 'quantity', 'vi'],
  [54449.10000001, 'quantity', 'en'],
  [1500, 'quantity', 'vi'],
  [-2.96, 'quantity', 'vi'],
  [6.79, 'percent', 'vi'],
  [6.79, 'percent', 'en'],
  [1.5, 'percentage_point', 'vi'],
  [1.5, 'percentage_point', 'en'],
  [2016, 'year', 'vi'],
  [1952, 'id', 'en'],
];

describe.skipIf(!available)('Excel number formats in LibreOffice', () => {
  it('show each number cell exactly as the app writes it, in either language', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('so-lieu');
    sheet.getColumn(1).width = 30;
    CASES.forEach(([value, kind, locale], index) => {
      const cell = sheet.getCell(index + 1, 1);
      cell.value = value;
      cell.numFmt = excelNumberFormat(value, { kind, locale });
    });
    const dir = await mkdtemp(join(tmpdir(), 'ctw-numfmt-'));
    const file = join(dir, 'so-lieu.xlsx');
    await workbook.xlsx.writeFile(file);
    await run('soffice', sofficeConvertArgs(file, 'pdf', join(dir, 'pdf')), {
      timeout: 120_000,
    });
    const shown = (await run('pdftotext', [join(dir, 'pdf', 'so-lieu.pdf'), '-'])).stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(shown).toEqual(CASES.map(([value, kind, locale]) => formatByKind(value, kind, locale)));
  }, 180_000);
});
