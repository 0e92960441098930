import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract-corpus.ts';
import type { WarehouseRow } from '../../../renderer/src/lib/warehouse/columns.ts';
import { cleanIndicatorName, deriveLabel } from '../../../renderer/src/lib/extraction/derived-indicator.ts';

// Markup, table pipes, quotes, bullets and other characters no row label contains.
const STRAY_CHARACTER = /[|*#$\\{}[\]<>_~^`"‘’«»•·+;!?]/u;
const EDGE_PUNCTUATION = /^[\s,.:;\-–(/]|[\s,:;\-–(/]$/u;
// Words a noun phrase never opens or closes with: a name so bounded is a piece of a sentence.
const FUNCTION_WORDS = new Set([
  'và',
  'của',
  'với',
  'cho',
  'từ',
  'đến',
  'tới',
  'trong',
  'tại',
  'theo',
  'là',
  'đã',
  'được',
  'bị',
  'sẽ',
  'đang',
  'thì',
  'mà',
  'nhưng',
  'hoặc',
  'khi',
  'nếu',
  'để',
  'do',
  'về',
  'đối',
  'so',
  'các',
  'những',
  'khoảng',
  'trên',
  'hơn',
  'gần',
  'ước',
]);
// A comma followed by a verb or connective starts a new clause: "…, đã thu hồi", "…, hiện nay".
const CLAUSE_AFTER_COMMA = /,\s*(?:đã|được|hiện nay|trong đó|với|đạt|tăng|giảm|là|còn)(?=\s|$)/iu;
// A year or a bare measure word left from a removed number ("năm 2025", "số tiền tỷ đồng").
const LEFTOVER_NUMBER_WORDS = /\bnăm \d{4}\b|\bđến năm(?=\s|$)|(?<!\()\b(?:tỷ đồng|triệu đồng)\b(?!\))/iu;

/** Every way a displayed indicator name can fail to be a row label; empty when it is one. */
function nameProblems(name: string, unit: string): string[] {
  const problems: string[] = [];
  const words = name
    .replace(/\s*\([^)]*\)$/u, '')
    .split(/\s+/u)
    .filter(Boolean);
  if (name.trim() !== name || /\s{2}/u.test(name)) problems.push('white space');
  if (STRAY_CHARACTER.test(name)) problems.push('stray punctuation');
  if (EDGE_PUNCTUATION.test(name)) problems.push('punctuation at an edge');
  if ((name.match(/\(/gu)?.length ?? 0) !== (name.match(/\)/gu)?.length ?? 0))
    problems.push('unbalanced bracket');
  if (unit && name.split(`(${unit})`).length > 2) problems.push('doubled unit');
  if (/\(([^)]+)\)\s*\(\1\)/u.test(name)) problems.push('doubled bracket');
  if ((name.match(/“/gu)?.length ?? 0) !== (name.match(/”/gu)?.length ?? 0)) problems.push('unpaired quote');
  if (words.length === 0 || words.length > 24) problems.push('not a short noun phrase');
  const first = words[0]?.toLowerCase() ?? '';
  const last = words.at(-1)?.toLowerCase() ?? '';
  if (FUNCTION_WORDS.has(first) || FUNCTION_WORDS.has(last))
    problems.push('sentence fragment: function word at an edge');
  if (CLAUSE_AFTER_COMMA.test(name)) problems.push('sentence fragment: a second clause');
  if (LEFTOVER_NUMBER_WORDS.test(name)) problems.push('sentence fragment: words of a removed number');
  if (name.charAt(0) !== name.charAt(0).toLocaleUpperCase('vi')) problems.push('not capitalised');
  return problems;
}

function badNames(indicators: readonly WarehouseRow[]): string[] {
  return indicators
    .map((row) => ({
      name: String(row.name_vi),
      problems: nameProblems(String(row.name_vi), String(row.unit ?? '')),
    }))
    .filter(({ problems }) => problems.length > 0)
    .map(({ name, problems }) => `${name}: ${problems.join(', ')}`);
}

describe('displayed indicator names', () => {
  let embedded: WarehouseRow[];
  let otherProvince: WarehouseRow[];

  beforeAll(async () => {
    embedded = (await extractCorpus()).tables.indicators;
    otherProvince = (await extractCorpus('tests/fixtures/names')).tables.indicators;
    // Extracting two corpora is the heavy part; on a loaded machine it outlasts the default hook limit.
  }, 120_000);

  it('are row labels in a fresh extraction of the embedded corpus', () => {
    expect(embedded.length).toBeGreaterThan(300);
    expect(badNames(embedded)).toEqual([]);
  });

  it('are row labels in the committed warehouse the app embeds, and name every figure there', () => {
    const read = (table: string): WarehouseRow[] =>
      parse(readFileSync(`data/warehouse/${table}.csv`, 'utf8'), { columns: true }) as WarehouseRow[];
    const indicators = read('indicators');
    const named = new Set(
      indicators.filter((row) => String(row.name_vi) !== '').map((row) => row.indicator_id),
    );
    expect(indicators.length).toBeGreaterThan(300);
    expect(badNames(indicators)).toEqual([]);
    // A figure whose indicator has no name would be shown by its label_vi, which no check covers.
    expect(read('observations').filter((row) => !named.has(row.indicator_id))).toEqual([]);
  });

  it('are row labels in a fresh extraction of another province’s document, tables included', () => {
    expect(otherProvince.some((row) => row.catalogued === false)).toBe(true);
    expect(badNames(otherProvince)).toEqual([]);
  });

  it('the checks catch the fragments they are meant to catch', () => {
    expect(nameProblems('/ / trên toàn tỉnh ghi nhận (ca) (ca)', 'ca')).toContain('doubled unit');
    expect(nameProblems('Sản phẩm dứa | | |', '')).toContain('stray punctuation');
    expect(nameProblems('quỹ và xử lý khác số tiền (tỷ đồng)', 'tỷ đồng')).toContain('not capitalised');
    expect(nameProblems('Tiền là tỷ đồng, đã thu hồi', '')).toContain('sentence fragment: a second clause');
    expect(nameProblems('Đơn vị sự nghiệp công lập và', '')).toContain(
      'sentence fragment: function word at an edge',
    );
    expect(nameProblems('Số mô hình “Dân vận khéo', '')).toContain('unpaired quote');
    expect(nameProblems('Số đảng viên kết nạp năm 2024', '')).toContain(
      'sentence fragment: words of a removed number',
    );
    expect(nameProblems('GRDP bình quân đầu người (USD)', 'USD')).toEqual([]);
    expect(nameProblems('Số ca mắc COVID-19', 'ca')).toEqual([]);
  });
});

describe('deriving a name for a figure no catalogue entry names', () => {
  it('takes the head noun phrase of the subject, up to its predicate', () => {
    expect(
      deriveLabel('+ Tổng sản phẩm Chanh leo tham gia xuất khẩu phấn đấu đến năm 2030 đạt ', 'tấn'),
    ).toBe('Tổng sản phẩm Chanh leo (tấn)');
    expect(deriveLabel('Số giấy phép lái xe được cấp đổi là ', 'giấy phép')).toBe(
      'Số giấy phép lái xe được cấp đổi',
    );
  });

  it('takes the noun phrase after the figure when the words before it name nothing', () => {
    expect(deriveLabel('Toàn tỉnh có ', 'cơ sở', '', 'cơ sở lưu trú du lịch khoảng trên 4.140 buồng')).toBe(
      'Cơ sở lưu trú du lịch',
    );
  });

  it('cleans table pipes, headings in capitals and doubled units', () => {
    expect(cleanIndicatorName('Sản phẩm dứa | | | |', '')).toBe('Sản phẩm dứa');
    expect(cleanIndicatorName('II CÂY RAU |', '')).toBe('Cây rau');
    expect(cleanIndicatorName('Doanh thu (tỷ đồng)', 'tỷ đồng')).toBe('Doanh thu (tỷ đồng)');
    expect(cleanIndicatorName('/ / trên toàn tỉnh ghi nhận (ca) (ca)', 'ca')).not.toMatch(/\(ca\).*\(ca\)/u);
  });

  it('falls back to the counted noun, never to an empty name', () => {
    expect(cleanIndicatorName('| | | |', 'hợp tác xã')).toBe('Số hợp tác xã');
    expect(cleanIndicatorName('', '')).toBe('Chỉ tiêu chưa đặt tên');
    expect(cleanIndicatorName(', và ', 'tỷ đồng')).toBe('Chỉ tiêu chưa đặt tên (tỷ đồng)');
  });
});
