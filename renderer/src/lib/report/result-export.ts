import ExcelJS from 'exceljs';
import { DataType, type Table } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { encodeCsv } from '../warehouse/encode-csv.ts';
import type { CellValue } from '../warehouse/columns.ts';

import type { ResultFormat } from './result-formats.ts';

export type { ResultFormat } from './result-formats.ts';

type Kind = 'number' | 'bigint' | 'bool' | 'text';

function kindOf(type: DataType): Kind {
  if (DataType.isInt(type))
    return (type as unknown as { bitWidth: number }).bitWidth === 64 ? 'bigint' : 'number';
  if (DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isBool(type)) return 'bool';
  return 'text';
}

/** A result's columns as plain values: numbers stay numbers, everything else becomes text. */
function columnValues(table: Table): { name: string; kind: Kind; values: CellValue[] }[] {
  return table.schema.fields.map((field, index) => {
    const vector = table.getChildAt(index);
    const kind = kindOf(field.type);
    const values: CellValue[] = new Array(table.numRows);
    for (let row = 0; row < table.numRows; row++) {
      const value: unknown = vector?.get(row);
      if (value === null || value === undefined) values[row] = null;
      else if (kind === 'number' || kind === 'bigint') values[row] = Number(value);
      else if (kind === 'bool') values[row] = Boolean(value);
      else if (value instanceof Date) values[row] = value.toISOString();
      else if (typeof value === 'object')
        values[row] = JSON.stringify(value, (_key, item: unknown) =>
          typeof item === 'bigint' ? Number(item) : item,
        );
      else values[row] = String(value);
    }
    return { name: field.name, kind, values };
  });
}

/** Writes a whole query result in a format; CSV carries a BOM so Excel reads Vietnamese text. */
export async function exportResult(table: Table, format: ResultFormat): Promise<Uint8Array> {
  const columns = columnValues(table);
  const rows = (): CellValue[][] =>
    Array.from({ length: table.numRows }, (_, row) => columns.map((column) => column.values[row] ?? null));
  switch (format) {
    case 'csv':
      return new TextEncoder().encode(
        '\ufeff' +
          encodeCsv(
            columns.map((column) => column.name),
            rows(),
          ),
      );
    case 'json':
      return new TextEncoder().encode(
        JSON.stringify(
          rows().map((row) => Object.fromEntries(columns.map((column, index) => [column.name, row[index]]))),
        ),
      );
    case 'parquet':
      return new Uint8Array(
        parquetWriteBuffer({
          columnData: columns.map((column) => ({
            name: column.name,
            type: column.kind === 'bool' ? 'BOOLEAN' : column.kind === 'text' ? 'STRING' : 'DOUBLE',
            data: column.values,
          })),
          createdBy: 'chi-tieu-workbench',
        }),
      );
    case 'xlsx': {
      // The streaming-free writer is fine for 100,000 rows; rows are added as arrays, not objects.
      const workbook = new ExcelJS.Workbook();
      workbook.creator = 'Chỉ Tiêu Workbench';
      const sheet = workbook.addWorksheet('Kết quả', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.addRow(columns.map((column) => column.name)).font = { name: 'Arial', bold: true };
      columns.forEach((column, index) => {
        if (column.kind === 'number') sheet.getColumn(index + 1).numFmt = '#,##0.###';
      });
      for (const row of rows()) sheet.addRow(row);
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    }
  }
}
