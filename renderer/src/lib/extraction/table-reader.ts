import { findSubYears } from './sub-year.ts';
import { derivedIndicatorId } from './derived-indicator.ts';
import type { DocumentProfile } from './document-profile.ts';
import type { IndicatorMatch, IndicatorMatcher } from './indicator-matcher.ts';
import type { Basis, Observation } from './observation.ts';
import { termLabel } from './periods.ts';
import { cellText, type TableBlock, type TableCell } from './table-blocks.ts';
import { readCellFigure } from './table-cells.ts';
import { readColumnHeading, withCaption, type ColumnReading } from './table-headings.ts';
import { figureTables, type TableLayout } from './table-layout.ts';
import { rowLabels, type RowLabel } from './table-rows.ts';
import { captionUnit, countedNoun, labelUnit, lowerFirst, tableUnit } from './table-units.ts';
import type { SourceDocument } from './source-document.ts';
import { canonicalVietnamese } from './vietnamese-text.ts';

/** What reading a table needs from the document. */
export interface TableReadingContext {
  document: SourceDocument;
  profile: DocumentProfile;
  matcher: IndicatorMatcher;
}

// How much of a row label a catalogue phrasing must cover to name it ("xuất khẩu" does not name
// "Giá trị tham gia xuất khẩu Xoài").
const MIN_LINK_COVERAGE = 0.6;

/**
 * Every figure in the document's tables: each numeric cell of a value column is one observation;
 * its row label names the indicator, its column heading the period and measure, the `ĐVT`
 * column (or the heading, the label, the caption) the unit.
 */
export function readTables(context: TableReadingContext): Observation[] {
  return figureTables(context.document.text).flatMap(({ block, layout }) =>
    readTable(block, layout, context),
  );
}

function readTable(block: TableBlock, layout: TableLayout, context: TableReadingContext): Observation[] {
  const { roles, headings } = layout;
  const caption = readColumnHeading([block.caption], context.profile);
  const columns = withoutGenericTopic(
    headings.map((parts) => withCaption(readColumnHeading(parts, context.profile), caption)),
    roles,
  );
  const fallbackUnit = captionUnit(block.caption);
  const unitColumn = roles.indexOf('unit');
  const observations: Observation[] = [];
  const labels = rowLabels(layout, columns, context.document.text.normalize('NFC'));
  layout.body.forEach((row, rowIndex) => {
    const label = labels[rowIndex];
    if (!label) return;
    const rowUnit = unitColumn >= 0 ? tableUnit(cellText(row[unitColumn])) : '';
    row.forEach((cell, column) => {
      if (roles[column] !== 'value') return;
      // Read on the cell's own text so the figure's offsets map back to the raw text.
      const figure = readCellFigure(cell.text.text);
      const heading = columns[column];
      if (!figure || !heading) return;
      const unit =
        figure.unit || rowUnit || heading.unit || label.unit || countedNoun(label.name) || fallbackUnit;
      const name = indicatorName(label, heading);
      const linked = link(context.matcher, name, unit, heading.measure === 'change');
      const [charStart, charEnd] = cellSpan(cell, figure.start, figure.end);
      const [rowStart, rowEnd] = rowSpan(row);
      const period = heading.period;
      observations.push({
        obs_id: `${context.document.docId}:${charStart}-${charEnd}`,
        doc_id: context.document.docId,
        char_start: charStart,
        char_end: charEnd,
        quote: `${label.name}: ${heading.text}`.replace(/\s+/g, ' ').trim(),
        sentence_start: rowStart,
        sentence_end: rowEnd,
        indicator_id: linked?.entry.id ?? derivedIndicatorId(withUnit(name, unit)),
        label_vi: linked ? name : withUnit(name, unit),
        value_low: figure.low,
        value_high: figure.high,
        unit,
        comparator: figure.comparator,
        measure: heading.measure,
        is_estimate: heading.isEstimate,
        period_start: period?.[0] ?? null,
        period_end: period?.[1] ?? null,
        term: termLabel(period?.[0] ?? null, period?.[1] ?? null),
        // "Ước TH 9 tháng 2025": the column heading says what part of the year a cell covers.
        period_note: findSubYears(heading.text)[0]?.note ?? null,
        basis: basisOf(period, unit, `${name} ${heading.text}`),
        base_year: heading.baseYear,
        denominator: null,
        in_footnote: false,
        catalogued: linked !== null,
      });
    });
  });
  return observations;
}

// "Giá trị" over every value column says only that the cells are values: it names nothing.
const GENERIC_TOPIC = /^(?:giá trị|số liệu|con số|trị số|kết quả|số lượng|tổng số)$/iu;

function withoutGenericTopic(columns: ColumnReading[], roles: readonly string[]): ColumnReading[] {
  const topics = new Set(
    columns.filter((_, index) => roles[index] === 'value').map((column) => column.topic),
  );
  const [only] = [...topics];
  if (topics.size !== 1 || !only || !GENERIC_TOPIC.test(only)) return columns;
  return columns.map((column) => ({ ...column, topic: '' }));
}

/** The indicator a cell measures: the row's label, after the column's topic when the heading names one. */
function indicatorName(label: RowLabel, heading: ColumnReading): string {
  if (!heading.topic) return label.name;
  const topic = heading.topic.charAt(0).toUpperCase() + heading.topic.slice(1);
  if (label.isTotal) return `Tổng ${lowerFirst(heading.topic)}`;
  if (canonicalVietnamese(label.name).includes(canonicalVietnamese(heading.topic))) return label.name;
  return `${topic} ${lowerFirst(label.name)}`;
}

// A catalogued indicator only when its phrasing makes most of the label.
function link(
  matcher: IndicatorMatcher,
  name: string,
  unit: string,
  isChange: boolean,
): IndicatorMatch | null {
  const match = matcher.match({
    windowBefore: name,
    clauseBefore: name,
    sentenceBefore: name,
    after: '',
    previous: null,
    unit,
    isChange,
    isLevel: !isChange,
  });
  if (!match) return null;
  const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
  return words(match.label) / Math.max(1, words(labelUnit(name).label)) >= MIN_LINK_COVERAGE ? match : null;
}

function withUnit(name: string, unit: string): string {
  if (!unit || unit === '%' || canonicalVietnamese(name).includes(canonicalVietnamese(unit))) return name;
  return `${name} (${unit})`;
}

// A figure over several years: a rate is their yearly average, an amount their total.
function basisOf(period: [number, number] | null, unit: string, words: string): Basis {
  if (!period || period[0] === period[1]) return 'level';
  if (/bình quân|hằng năm|hàng năm|mỗi năm/iu.test(words)) return 'annual_avg';
  return unit === '%' ? 'annual_avg' : 'total';
}

function cellSpan(cell: TableCell, start: number, end: number): [number, number] {
  return cell.text.rawSpan(start, end);
}

function rowSpan(row: readonly TableCell[]): [number, number] {
  const filled = row.filter((cell) => cell.text.text.trim() !== '');
  const first = filled[0];
  const last = filled.at(-1);
  if (!first || !last) return [0, 0];
  return [
    first.text.rawSpan(0, 1)[0],
    last.text.rawSpan(last.text.text.length - 1, last.text.text.length)[1],
  ];
}
