import type { ManifestEntry } from './manifest.ts';
import { findPeriods, termOf } from './periods.ts';

/** What a document is about in time: when it was written, which results and targets it covers. */
export interface DocumentProfile {
  issueYear: number;
  /** Period whose results the document reports (e.g. 2016–2020). */
  results: [number, number];
  /** Period its targets are for (e.g. 2021–2025, or the single year of an annual plan). */
  targets: [number, number];
  /** The document states targets only (an annual plan resolution): its text reads as targets. */
  targetsOnly: boolean;
}

/**
 * Reads the profile from the manifest where it has one (`covers`: "2021-2025 results"), else from
 * the text: the issue year from a date line or the latest year written, the periods around it.
 */
export function documentProfile(text: string, entry: ManifestEntry | undefined): DocumentProfile {
  const issueYear = issueYearOf(text, entry);
  const currentTerm = termOf(issueYear) ?? [issueYear - 4, issueYear];
  // A report written in a term's last year closes that term; otherwise it is mid-term.
  const nextTerm: [number, number] =
    issueYear === currentTerm[1]
      ? [currentTerm[1] + 1, currentTerm[1] + 5]
      : [currentTerm[0], currentTerm[1]];
  let results: [number, number] = [currentTerm[0], Math.min(issueYear, currentTerm[1])];
  let targets: [number, number] = nextTerm;

  const annualPlan = new RegExp(String.raw`kế hoạch năm\s+${issueYear + 1}`, 'iu').test(text.slice(0, 3000));
  if (annualPlan) targets = [issueYear + 1, issueYear + 1];

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
  return { issueYear, results, targets, targetsOnly: coversTargets && !coversResults };
}

function issueYearOf(text: string, entry: ManifestEntry | undefined): number {
  const fromManifest = /^(\d{4})/.exec(entry?.issued_on ?? '');
  if (fromManifest) return Number(fromManifest[1]);
  const dateLine = /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d{2})/iu.exec(text);
  if (dateLine) return Number(dateLine[1]);
  // The year written most often is the year the document is about.
  const counts = new Map<number, number>();
  for (const period of findPeriods(text)) counts.set(period.to, (counts.get(period.to) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  return ranked[0]?.[0] ?? 2025;
}
