import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { convertWithLibreOffice, flatOdt } from '../../fixtures/import/flat-odt.ts';

/**
 * A real .docx or .pdf of these paragraphs (the first a title), made by LibreOffice from a flat ODT.
 */
export function officeFile(paragraphs: readonly string[], format: 'docx' | 'pdf', stem: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), `import-e2e-${format}-`));
  const source = join(work, `${stem}.fodt`);
  writeFileSync(source, flatOdt(paragraphs));
  convertWithLibreOffice(source, format === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf', work, true);
  return readFileSync(join(work, `${stem}.${format}`));
}

/** An .xlsx with one sheet of these rows (the first the header), written by exceljs. */
export async function xlsxFile(rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Số liệu');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
