import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { MessageKey } from '../../../renderer/src/lib/i18n/dictionary.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
// Deterministic noise: the same "random" bytes every run.
const noise = (length: number, seed = 7): Uint8Array => {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out[i] = state >> 16;
  }
  return out;
};
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], noise(4000));
const MB50 = 50 * 1024 * 1024;

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, text] of Object.entries(files)) zip.file(path, text);
  return zip.generateAsync({ type: 'uint8array' });
}

async function emptyDocx(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fixture('ke-hoach-mau.docx'));
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace(/<w:body>[\s\S]*<\/w:body>/u, '<w:body></w:body>'));
  return zip.generateAsync({ type: 'uint8array' });
}

async function emptyXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Trống');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function headerOnlyXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Số liệu').addRow(['Chỉ tiêu', 'Năm', 'Giá trị']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * One bad file a statistician may hand the importer. Every case must end within its budget with a
 * clear Vietnamese message whose key is one of `expect`, and leave everything saved as it was.
 */
export interface BadInputCase {
  name: string;
  /** Which door the file goes through: "Thêm tài liệu", a user table, or a review file. */
  target: 'document' | 'table' | 'review';
  fileName: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
  /** The message keys that may answer; `completes`: the file is read as well as it can be (a user table). */
  expect: readonly (MessageKey | 'completes')[];
  budgetMs?: number;
}

const review = (value: unknown): Uint8Array => utf8(JSON.stringify(value));
const goodCorrection = {
  id: 'c1',
  kind: 'accept',
  figure: {
    doc_id: 'd',
    doc_sha256: 'a'.repeat(64),
    char_start: 1,
    char_end: 3,
    number_text: '12',
    quote: 'đạt 12%',
    occurrence: 0,
  },
  before: {},
  after: {},
  note: '',
  created_at: '2026-12-01T08:00:00Z',
};
const reviewFile = (corrections: unknown[], extra: object = {}) =>
  review({ format: 'chi-tieu-workbench/review', version: 1, corrections, preferences: [], ...extra });

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  // Documents ("Thêm tài liệu")
  {
    name: 'random bytes named .docx',
    target: 'document',
    fileName: 'nghi-quyet.docx',
    bytes: () => noise(20_000),
    expect: ['import.docxCorrupt'],
  },
  {
    name: 'a zip that is not a Word file',
    target: 'document',
    fileName: 'luu-tru.docx',
    bytes: () => zipOf({ 'a.txt': 'xin chào' }),
    expect: ['import.docxCorrupt'],
  },
  {
    name: 'a .docx cut in half',
    target: 'document',
    fileName: 'bao-cao.docx',
    bytes: () => fixture('ke-hoach-mau.docx').slice(0, 2600),
    expect: ['import.docxCorrupt'],
  },
  {
    name: 'a .docx with no text',
    target: 'document',
    fileName: 'trong.docx',
    bytes: emptyDocx,
    expect: ['import.noText'],
  },
  {
    name: 'a 0-byte .docx',
    target: 'document',
    fileName: 'rong.docx',
    bytes: () => new Uint8Array(0),
    expect: ['import.empty'],
  },
  {
    name: 'random bytes named .pdf',
    target: 'document',
    fileName: 'ke-hoach.pdf',
    bytes: () => noise(30_000),
    expect: ['import.pdfCorrupt'],
  },
  {
    name: 'a PDF header and nothing else',
    target: 'document',
    fileName: 'dau.pdf',
    bytes: () => utf8('%PDF-1.7\n%âãÏÓ\n'),
    expect: ['import.pdfCorrupt', 'import.pdfNoText'],
  },
  {
    name: 'a PDF cut short',
    target: 'document',
    fileName: 'cat.pdf',
    bytes: () => fixture('ke-hoach-mau.pdf').slice(0, 9000),
    expect: ['import.pdfCorrupt', 'import.pdfNoText'],
  },
  {
    name: 'a scanned PDF with no text layer',
    target: 'document',
    fileName: 'ban-quet.pdf',
    bytes: () => fixture('ban-quet.pdf'),
    expect: ['import.pdfNoText'],
  },
  {
    name: 'a PDF whose font maps letters only through ActualText',
    target: 'document',
    fileName: 'don-cach.pdf',
    bytes: () => fixture('ke-hoach-mau-phong-don-cach.pdf'),
    expect: ['import.pdfBrokenFont'],
  },
  {
    name: 'a 50 MB text file',
    target: 'document',
    fileName: 'lon.txt',
    bytes: () => new Uint8Array(MB50).fill(0x61),
    expect: ['import.tooLarge'],
  },
  {
    name: 'a 50 MB PDF',
    target: 'document',
    fileName: 'lon.pdf',
    bytes: () => bytes(utf8('%PDF-1.7\n'), new Uint8Array(MB50)),
    expect: ['import.tooLarge'],
  },
  {
    name: 'a PNG renamed .txt',
    target: 'document',
    fileName: 'anh.txt',
    bytes: () => PNG,
    expect: ['import.binary'],
  },
  {
    name: 'a .docx renamed .txt',
    target: 'document',
    fileName: 'word.txt',
    bytes: () => fixture('ke-hoach-mau.docx'),
    expect: ['import.binary'],
  },
  {
    name: 'a Windows-1258 text file',
    target: 'document',
    fileName: 'cu.txt',
    bytes: () => bytes(utf8('Thu ng'), [0xe2, 0x6e, 0x20, 0x73, 0xe1, 0x63, 0x68, 0x20, 0x31, 0x32]),
    expect: ['import.notUtf8'],
  },
  {
    name: 'a Latin-1 text file',
    target: 'document',
    fileName: 'latin.txt',
    bytes: () => bytes(utf8('caf'), [0xe9, 0x20, 0x31, 0x32, 0x25]),
    expect: ['import.notUtf8'],
  },
  {
    name: 'UTF-8 text with NUL bytes inside',
    target: 'document',
    fileName: 'nul.txt',
    bytes: () => bytes(utf8('Năm 2025 đạt'), [0, 0, 0], utf8(' 8,2%')),
    expect: ['import.binary'],
  },
  {
    name: 'an empty .txt',
    target: 'document',
    fileName: 'rong.txt',
    bytes: () => new Uint8Array(0),
    expect: ['import.empty'],
  },
  {
    name: 'a .md of blank lines',
    target: 'document',
    fileName: 'trang.md',
    bytes: () => utf8('\n\n   \n\t\n'),
    expect: ['import.noText'],
  },
  {
    name: 'an old Word .doc',
    target: 'document',
    fileName: 'cu.doc',
    bytes: () => noise(5000),
    expect: ['import.unsupported'],
  },
  {
    name: 'a program',
    target: 'document',
    fileName: 'setup.exe',
    bytes: () => bytes(utf8('MZ'), noise(3000)),
    expect: ['import.unsupported'],
  },
  // User tables
  {
    name: 'random bytes named .xlsx',
    target: 'table',
    fileName: 'so-lieu.xlsx',
    bytes: () => noise(20_000),
    expect: ['userTable.xlsxCorrupt'],
  },
  {
    name: 'a Word file renamed .xlsx',
    target: 'table',
    fileName: 'word.xlsx',
    bytes: () => fixture('ke-hoach-mau.docx'),
    expect: ['userTable.xlsxCorrupt', 'userTable.empty'],
  },
  {
    name: 'an .xlsx with only an empty sheet',
    target: 'table',
    fileName: 'trong.xlsx',
    bytes: emptyXlsx,
    expect: ['userTable.empty'],
  },
  {
    name: 'an .xlsx with a header and no rows',
    target: 'table',
    fileName: 'tieu-de.xlsx',
    bytes: headerOnlyXlsx,
    expect: ['userTable.empty'],
  },
  {
    name: 'a CSV mixing UTF-8 and Windows-1258 lines',
    target: 'table',
    fileName: 'tron.csv',
    bytes: () =>
      bytes(
        utf8('Chỉ tiêu;Năm;Giá trị\nTăng trưởng;2024;8,2\n'),
        [0x54, 0xe2, 0x6e, 0x3b, 0x32, 0x30, 0x32, 0x35, 0x3b, 0x31, 0x0a],
      ),
    expect: ['userTable.encoding'],
  },
  {
    name: 'a PNG renamed .csv',
    target: 'table',
    fileName: 'anh.csv',
    bytes: () => PNG,
    expect: ['import.binary'],
  },
  {
    name: 'an empty CSV',
    target: 'table',
    fileName: 'rong.csv',
    bytes: () => new Uint8Array(0),
    expect: ['userTable.empty'],
  },
  {
    name: 'a CSV with a header only',
    target: 'table',
    fileName: 'tieu-de.csv',
    bytes: () => utf8('Chỉ tiêu;Năm;Giá trị\n'),
    expect: ['userTable.empty'],
  },
  {
    name: 'a CSV with an unclosed quote',
    target: 'table',
    fileName: 'ngoac.csv',
    bytes: () => utf8('a,b\n"x,1\ny,2\n'),
    expect: ['completes'],
  },
  {
    name: 'a CSV with ragged rows',
    target: 'table',
    fileName: 'le.csv',
    bytes: () => utf8('a,b\n1,2,3\n4\n'),
    expect: ['completes'],
  },
  {
    name: 'a CSV over the size limit',
    target: 'table',
    fileName: 'qua-lon.csv',
    bytes: () => new Uint8Array(257 * 1024 * 1024),
    expect: ['userTable.tooLarge'],
  },
  {
    name: 'an old Excel .xls',
    target: 'table',
    fileName: 'cu.xls',
    bytes: () => noise(5000),
    expect: ['userTable.unsupported'],
  },
  // Review files
  {
    name: 'a review file that is not JSON',
    target: 'review',
    fileName: 'hieu-dinh.json',
    bytes: () => utf8('{ "format": '),
    expect: ['review.notJson'],
  },
  {
    name: 'a review file from a newer version',
    target: 'review',
    fileName: 'moi.json',
    bytes: () => review({ format: 'chi-tieu-workbench/review', version: 2, corrections: [] }),
    expect: ['review.version'],
  },
  {
    name: 'a JSON file that is not a review',
    target: 'review',
    fileName: 'khac.json',
    bytes: () => review({ hello: 'xin chào' }),
    expect: ['review.invalid'],
  },
  {
    name: 'a correction with a malformed sha256',
    target: 'review',
    fileName: 'sha.json',
    bytes: () => reviewFile([{ ...goodCorrection, figure: { ...goodCorrection.figure, doc_sha256: 'xyz' } }]),
    expect: ['review.invalid'],
  },
  {
    name: 'a correction of an unknown kind',
    target: 'review',
    fileName: 'loai.json',
    bytes: () => reviewFile([{ ...goodCorrection, kind: 'delete' }]),
    expect: ['review.invalid'],
  },
  {
    name: 'an added figure with no value',
    target: 'review',
    fileName: 'them.json',
    bytes: () => reviewFile([{ ...goodCorrection, kind: 'add', after: { unit: '%' } }]),
    expect: ['review.invalid'],
  },
  {
    name: 'two corrections with the same id',
    target: 'review',
    fileName: 'trung.json',
    bytes: () => reviewFile([goodCorrection, goodCorrection]),
    expect: ['review.invalid'],
  },
  {
    name: 'a review file in UTF-16',
    target: 'review',
    fileName: 'utf16.json',
    bytes: () =>
      bytes(
        [0xff, 0xfe],
        new Uint8Array(new Uint16Array(Array.from('{"a":1}', (c) => c.charCodeAt(0))).buffer),
      ),
    expect: ['review.notJson'],
  },
];
