import { cellText } from './table-blocks.ts';
import { numberingLevel, readCellFigure } from './table-cells.ts';
import type { ColumnReading } from './table-headings.ts';
import type { TableLayout } from './table-layout.ts';
import { labelUnit, lowerFirst } from './table-units.ts';
import { canonicalVietnamese } from './vietnamese-text.ts';

/** What a body row's label says: the indicator it names, a unit written in it, whether it totals the rows. */
export interface RowLabel {
  name: string;
  unit: string;
  isTotal: boolean;
}

// A total row names no indicator of its own: "Tổng I + II", "Tổng cộng", "Cộng".
const TOTAL_ROW = /^(?:tổng cộng|tổng số|tổng|cộng|toàn tỉnh)[\sIVX+\-–.:]*$/iu;
const LEADING_MARK = /^(?:[-+•*–]\s*|\(?[a-zđ]\)\s+|\d{1,2}(?:\.\d{1,2})*[.)]\s+)/u;
const IN_WHICH = /^trong đó\s*:?\s*/iu;
const DASH_LEVEL = 4;

interface Ancestor {
  level: number;
  name: string;
  hasFigures: boolean;
}

/**
 * The label of each body row (null for a row with none). The numbering column gives the
 * hierarchy (I, 1, a, -): a dash row under a heading row without figures is an attribute of it,
 * so "- Diện tích" under "1 Cà phê" reads "Diện tích cà phê".
 */
export function rowLabels(
  layout: TableLayout,
  columns: readonly ColumnReading[],
  documentText = '',
): (RowLabel | null)[] {
  const labelColumn = layout.roles.indexOf('label');
  const numberingColumn = layout.roles.indexOf('numbering');
  const ancestors: Ancestor[] = [];
  return layout.body.map((row) => {
    let written = labelColumn >= 0 ? cellText(row[labelColumn]) : '';
    const numbering = numberingColumn >= 0 ? cellText(row[numberingColumn]) : '';
    if (!written) return null;
    const hasFigures = row.some(
      (cell, column) =>
        layout.roles[column] === 'value' && columns[column] && readCellFigure(cellText(cell)) !== null,
    );
    let level = numberingLevel(numbering);
    const mark = LEADING_MARK.exec(written);
    if (mark) {
      level ??= /^[-+•*–]/u.test(mark[0]) ? DASH_LEVEL : 3;
      written = written.slice(mark[0].length).trim();
    }
    const inWhich = IN_WHICH.test(written);
    written = written
      .replace(IN_WHICH, '')
      .replace(/[:;]\s*$/u, '')
      .trim();
    const isTotal = TOTAL_ROW.test(written);
    level ??= isTotal ? 0 : inWhich ? DASH_LEVEL : DASH_LEVEL + 1;
    while (ancestors.length > 0 && (ancestors.at(-1)?.level ?? 0) >= level) ancestors.pop();
    const parent = ancestors.at(-1);
    const { label, unit } = labelUnit(written);
    let name = label;
    // An attribute row ("Diện tích", "Sản lượng") belongs to the heading row above it.
    if (level >= DASH_LEVEL && parent && !parent.hasFigures && !inWhich && !contains(label, parent.name)) {
      name = `${label} ${asPart(parent.name, documentText)}`;
    }
    ancestors.push({ level, name, hasFigures });
    return { name, unit, isTotal };
  });
}

function contains(label: string, parent: string): boolean {
  return canonicalVietnamese(label).includes(canonicalVietnamese(parent));
}

// A heading row's label inside a longer name: "CÂY CÔNG NGHIỆP" → "cây công nghiệp", "Chè" → "chè";
// "Cà Phê" is a common noun too when the document writes it "cà phê" elsewhere.
function asPart(name: string, documentText: string): string {
  const lower = name.toLowerCase();
  if (!/\p{Ll}/u.test(name) || documentText.includes(lower)) return lower;
  return lowerFirst(name);
}
