import { readHeader, type DocumentHeader } from './document-header.ts';
import type { ManifestEntry } from './manifest.ts';
import { findPeriods, normaliseRange, termOf } from './periods.ts';

/** What a document is about in time: when it was written, which results and targets it covers. */
export interface DocumentProfile {
  issueYear: number;
  /** Period whose results the document reports (e.g. 2016–2020). */
  results: [number, number];
  /** Period its targets are for (e.g. 2021–2025, or the single year of an annual plan). */
  targets: [number, number];
  /** The document states targets only (an annual plan resolution): its text reads as targets. */
  targetsOnly: boolean;
  /** Genre, title, issuer and date: the manifest's where it has them, else read from the header. */
  genre: string | null;
  title: string | null;
  issuer: string | null;
  issuedOn: string | null;
}

/** How a document frames time, read from its title. */
interface TitleFrame {
  results?: [number, number];
  targets?: [number, number];
  targetsOnly: boolean;
}

const TITLE_ZONE = 3000;
const YEAR = String.raw`((?:19|20)\d{2})`;
const ANNUAL_PLAN = new RegExp(String.raw`kế hoạch(?: phát triển kinh tế\s*-\s*xã hội)? năm ${YEAR}`, 'iu');
const MULTI_YEAR = new RegExp(
  String.raw`(?:giai đoạn|thời kỳ|nhiệm kỳ|0?\d năm)\s+${YEAR}\s*[-–—]\s*${YEAR}`,
  'giu',
);
const REVIEW_WORDS = /đánh giá|tổng kết|kết quả|tình hình thực hiện|sơ kết/iu;
// "thực hiện kế hoạch" is what is reviewed, not a plan set.
const FORWARD_WORDS = /phương hướng|(?<!thực hiện )kế hoạch|mục tiêu|nhiệm vụ|định hướng|ban hành|dự toán/iu;
const CONGRESS = /đại hội/iu;
// Genres that set out what is to be done; without review words their figures are targets.
const PLANNING_GENRES = new Set(['nghi_quyet', 'quyet_dinh', 'ke_hoach', 'chuong_trinh']);

/**
 * Reads the profile from the manifest where it has one (`covers`: "2021-2025 results"), else from
 * the header: the issue year from its date line, and the periods from its title — an annual plan
 * reviews the year before its plan year; a congress document reviews the term before its own; a
 * multi-year plan (`giai đoạn 2026 - 2030`, `03 năm 2026 - 2028`) sets targets for its years; a
 * review (`đánh giá … 5 năm 2021 - 2025`) reports on its years.
 */
export function documentProfile(text: string, entry: ManifestEntry | undefined): DocumentProfile {
  const header = readHeader(text);
  const framed = titleFrame(header);
  const issueYear = issueYearOf(text, entry, header, framed);
  const currentTerm = termOf(issueYear) ?? [issueYear - 4, issueYear];
  // A report written in a term's last year closes that term; otherwise it is mid-term.
  const nextTerm: [number, number] =
    issueYear === currentTerm[1]
      ? [currentTerm[1] + 1, currentTerm[1] + 5]
      : [currentTerm[0], currentTerm[1]];
  let results: [number, number] = [currentTerm[0], Math.min(issueYear, currentTerm[1])];
  let targets: [number, number] = nextTerm;
  if (framed.results) results = framed.results;
  if (framed.targets) targets = framed.targets;
  let targetsOnly = framed.targetsOnly;

  let coversResults = false;
  let coversTargets = false;
  for (const cover of entry?.covers ?? []) {
    const match =
      /((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?\s+(?:[\p{L}-]+\s+)?(results|targets)/u.exec(cover);
    if (!match) continue;
    const from = Number(match[1]);
    const range: [number, number] = [from, Number(match[2] ?? from)];
    if (match[3] === 'results') {
      results = range;
      coversResults = true;
    } else {
      targets = range;
      coversTargets = true;
    }
  }
  if (coversResults || coversTargets) targetsOnly = coversTargets && !coversResults;
  return {
    issueYear,
    results,
    targets,
    targetsOnly,
    genre: entry?.doc_type ?? header.genre,
    title: entry?.title ?? header.title,
    issuer: entry?.issuer ?? header.issuer,
    issuedOn: entry?.issued_on ?? header.issuedOn,
  };
}

function titleFrame(header: DocumentHeader): TitleFrame {
  const title = header.title ?? '';
  const planning = header.genre !== null && PLANNING_GENRES.has(header.genre);
  const reviews = REVIEW_WORDS.test(title);
  const annual = ANNUAL_PLAN.exec(title);
  if (annual) {
    const year = Number(annual[1]);
    return { results: [year - 1, year - 1], targets: [year, year], targetsOnly: planning && !reviews };
  }
  const ranges = [...title.matchAll(MULTI_YEAR)].map((match) => ({
    at: match.index,
    range: normaliseRange(Number(match[1]), Number(match[2])),
  }));
  if (CONGRESS.test(title) && ranges[0]) {
    // A congress opens its term: it reviews the term before and sets this one.
    const [from, to] = ranges[0].range;
    return { results: [from - 5, to - 5], targets: [from, to], targetsOnly: false };
  }
  if (ranges.length > 0) {
    const frame: TitleFrame = { targetsOnly: false };
    for (const { at, range } of ranges) {
      const before = title.slice(0, at);
      // The nearer cue decides: "đánh giá … 2021 - 2025; phương hướng … 2026 - 2030".
      if (lastIndex(before, REVIEW_WORDS) > lastIndex(before, FORWARD_WORDS) && !frame.results) {
        frame.results = range;
      } else frame.targets = range;
    }
    if (frame.targets && !frame.results) {
      const length = frame.targets[1] - frame.targets[0] + 1;
      frame.results = [frame.targets[0] - length, frame.targets[0] - 1];
      frame.targetsOnly = planning && !reviews;
    }
    return frame;
  }
  // A dated article: what it reports runs to its date ("đến nay").
  if (header.genre === 'tin_bao' && header.issuedOn) {
    const year = Number(header.issuedOn.slice(0, 4));
    const term = termOf(year);
    if (term) return { results: [term[0], year], targetsOnly: false };
  }
  return { targetsOnly: false };
}

function lastIndex(text: string, pattern: RegExp): number {
  const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
  let last = -1;
  for (const match of text.matchAll(global)) last = match.index;
  return last;
}

function issueYearOf(
  text: string,
  entry: ManifestEntry | undefined,
  header: DocumentHeader,
  framed: TitleFrame,
): number {
  const fromManifest = /^(\d{4})/.exec(entry?.issued_on ?? '');
  if (fromManifest) return Number(fromManifest[1]);
  if (header.issuedOn) return Number(header.issuedOn.slice(0, 4));
  const dateLine = /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d{2})/iu.exec(
    text.slice(0, TITLE_ZONE),
  );
  if (dateLine) return Number(dateLine[1]);
  // Undated: a review is written as its period closes, a plan just before its period opens.
  if (framed.results) return framed.results[1];
  // The year written most often is the year the document is about.
  const counts = new Map<number, number>();
  for (const period of findPeriods(text)) counts.set(period.to, (counts.get(period.to) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  return ranked[0]?.[0] ?? 2025;
}
