/**
 * The gold-sample scorer, ported line for line from ../shared/tools/score_extraction.py so that
 * `npm run eval` and the test suite print the same figures as the reference.
 */

export interface GoldRecord {
  doc: string;
  start: number;
  end: number;
  text: string;
  indicator: string;
  low: number;
  high: number;
  measure: string;
  period_start: number;
  period_end: number;
  core?: boolean;
}

/** An observations.csv row as read from the file (all fields text). */
export type ObservationRow = Record<string, string>;

export interface Scores {
  gold: number;
  rows: number;
  recall_found_all: number;
  recall_all: number;
  recall_found_core: number;
  recall_core: number;
  precision: number;
  precision_strict: number;
  judged_rows: number;
  unjudged_rows: number;
  link_recall_core: number;
  link_precision_core: number;
  link_f1_core: number;
}

interface Row {
  doc: string;
  s: number;
  e: number;
  lo: number | null;
  hi: number | null;
  ps: number | null;
  pe: number | null;
  measure: string;
  indicator: string;
}

const NONFACT =
  /(\d{1,2}\/\d{1,2}\/\d{4}|\b\d+[-/](NQ|CT|KL|QĐ|KH|CV|TB|NĐ|QH)\w*|\bngày \d{1,2}\b|\btháng \d{1,2}\b)/gu;

function num(text: string | undefined): number | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isNaN(value) ? null : value;
}

function close(x: number | null, y: number): boolean {
  return x !== null && Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
}

function valueMatch(row: Row, gold: GoldRecord): boolean {
  if (row.lo === null || row.hi === null) return false;
  for (let k = -4; k <= 4; k++) {
    const factor = 1000 ** k;
    if (close(row.lo, gold.low * factor) && close(row.hi, gold.high * factor)) return true;
    const [lo, hi] = [Math.abs(row.lo), Math.abs(row.hi)].sort((a, b) => a - b) as [number, number];
    const [glo, ghi] = [Math.abs(gold.low), Math.abs(gold.high)].sort((a, b) => a - b) as [number, number];
    if (close(lo, glo * factor) && close(hi, ghi * factor)) return true;
  }
  return false;
}

const overlaps = (row: Row, gold: GoldRecord): boolean => row.s < gold.end && gold.start < row.e;

function fullMatch(row: Row, gold: GoldRecord): boolean {
  return (
    valueMatch(row, gold) &&
    row.measure === gold.measure &&
    row.ps === gold.period_start &&
    row.pe === gold.period_end
  );
}

/** Scores observations against gold records; `texts` holds each document's raw text for the non-fact check. */
export function scoreObservations(
  observations: readonly ObservationRow[],
  goldRecords: readonly GoldRecord[],
  texts: ReadonlyMap<string, string> = new Map(),
): Scores {
  const docs = new Set(goldRecords.map((gold) => gold.doc));
  const gold = goldRecords.filter((record) => docs.has(record.doc));
  const rows: Row[] = [];
  for (const observation of observations) {
    if (!docs.has(observation.doc_id ?? '')) continue;
    const s = Number.parseInt(String(Number(observation.char_start)), 10);
    const e = Number.parseInt(String(Number(observation.char_end)), 10);
    if (Number.isNaN(s) || Number.isNaN(e)) continue;
    let lo = num(observation.value_low);
    let hi = num(observation.value_high);
    if (lo === null && hi !== null) lo = hi;
    if (hi === null && lo !== null) hi = lo;
    rows.push({
      doc: observation.doc_id ?? '',
      s,
      e,
      lo,
      hi,
      ps: num(observation.period_start),
      pe: num(observation.period_end),
      measure: (observation.measure ?? '').trim(),
      indicator: (observation.indicator_id ?? '').trim(),
    });
  }
  const byDoc = new Map<string, Row[]>();
  for (const row of rows) byDoc.set(row.doc, [...(byDoc.get(row.doc) ?? []), row]);

  let found = 0;
  let correct = 0;
  let coreN = 0;
  let coreFound = 0;
  let coreCorrect = 0;
  const matchOf = new Map<number, Row>();
  gold.forEach((record, index) => {
    const candidates = (byDoc.get(record.doc) ?? []).filter((row) => overlaps(row, record));
    const valueHits = candidates.filter((row) => valueMatch(row, record));
    const fullHits = valueHits.filter((row) => fullMatch(row, record));
    if (valueHits.length > 0) found++;
    if (fullHits[0]) {
      correct++;
      matchOf.set(index, fullHits[0]);
    } else if (valueHits[0]) matchOf.set(index, valueHits[0]);
    if (record.core) {
      coreN++;
      if (valueHits.length > 0) coreFound++;
      if (fullHits.length > 0) coreCorrect++;
    }
  });

  const nonfact = (row: Row): boolean => {
    const text = texts.get(row.doc);
    if (!text) return false;
    const from = Math.max(0, row.s - 12);
    const window = text.slice(from, Math.min(text.length, row.e + 12));
    for (const match of window.matchAll(NONFACT)) {
      const start = from + match.index;
      if (start < row.e && row.s < start + match[0].length) return true;
    }
    return false;
  };

  let judged = 0;
  let good = 0;
  let unjudged = 0;
  for (const row of rows) {
    const spans = gold.filter((record) => record.doc === row.doc && overlaps(row, record));
    if (spans.length > 0) {
      judged++;
      if (spans.some((record) => fullMatch(row, record))) good++;
    } else if (nonfact(row)) judged++;
    else unjudged++;
  }

  const items: [string, string][] = [];
  gold.forEach((record, index) => {
    const row = matchOf.get(index);
    if (record.core && row) items.push([record.indicator, row.indicator]);
  });
  let sameGold = 0;
  let sameDev = 0;
  let both = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [k1, d1] = items[i] as [string, string];
      const [k2, d2] = items[j] as [string, string];
      const sg = k1 === k2;
      const sd = d1 === d2 && d1 !== '';
      if (sg) sameGold++;
      if (sd) sameDev++;
      if (sg && sd) both++;
    }
  }
  const linkRecall = sameGold ? both / sameGold : 0;
  const linkPrecision = sameDev ? both / sameDev : 0;
  const n = gold.length || 1;
  return {
    gold: gold.length,
    rows: rows.length,
    recall_found_all: found / n,
    recall_all: correct / n,
    recall_found_core: coreFound / (coreN || 1),
    recall_core: coreCorrect / (coreN || 1),
    precision: judged ? good / judged : 0,
    precision_strict: judged + unjudged ? good / (judged + unjudged) : 0,
    judged_rows: judged,
    unjudged_rows: unjudged,
    link_recall_core: linkRecall,
    link_precision_core: linkPrecision,
    link_f1_core:
      linkRecall + linkPrecision ? (2 * linkRecall * linkPrecision) / (linkRecall + linkPrecision) : 0,
  };
}

/** The scorer's summary line: `key=value` pairs, floats with three decimals. */
export function formatScores(scores: Scores): string {
  return Object.entries(scores)
    .map(
      ([key, value]) =>
        `${key}=${Number.isInteger(value) && !key.includes('recall') && !key.includes('precision') && !key.includes('f1') ? value : value.toFixed(3)}`,
    )
    .join(' ');
}
