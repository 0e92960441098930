import ExcelJS from 'exceljs';
import { ImportError } from './import-problem.ts';

/** The first non-empty sheet of an .xlsx as CSV text (`,` separated, `.` decimals, ISO dates). */
export async function xlsxToCsv(name: string, bytes: Uint8Array): Promise<{ csv: string; sheet: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new ImportError('userTable.xlsxCorrupt', { name });
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new ImportError('userTable.empty', { name });
  const width = sheet.actualColumnCount;
  const lines: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const fields: string[] = [];
    for (let column = 1; column <= width; column++)
      fields.push(csvField(cellText(row.getCell(column).value)));
    lines.push(fields.join(','));
  });
  return { csv: `${lines.join('\n')}\n`, sheet: sheet.name };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 19 : 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return '';
  return '';
}

function csvField(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
