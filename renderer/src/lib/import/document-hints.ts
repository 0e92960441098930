import { foldDiacritics } from '../format/fold-diacritics.ts';

/** What an imported document seems to be, for the import form to propose (the user confirms). */
export interface DocumentHints {
  title: string | null;
  /** `YYYY-MM-DD` from `ngày … tháng … năm …`, else `YYYY` from the title, else null. */
  issuedOn: string | null;
  /** One of the corpus's doc_type values when the opening words name the genre, else null. */
  docType: string | null;
}

const MAX_TITLE = 200;
const DATE = /ngày\s+(\d{1,2})\s*(?:tháng|\/)\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4})/iu;
const YEAR = /\b(19[89]\d|20\d{2})\b/u;

// Genre cues in the opening words (folded), most specific first.
const GENRES: readonly (readonly [RegExp, string])[] = [
  [/nghi quyet.*(?:hoi dong nhan dan|hdnd)|(?:hoi dong nhan dan|hdnd).*nghi quyet/s, 'nghi_quyet_hdnd'],
  [/tai lieu hoc tap/, 'tai_lieu_hoc_tap_nghi_quyet'],
  [/thong bao nhanh|ket qua dai hoi/, 'thong_bao_ket_qua_dai_hoi'],
  [/bao cao.*5 nam|bao cao.*giai doan/s, 'bao_cao_ke_hoach_5_nam'],
];

/** Infers title, date and genre from the first heading and lines of a document's text. */
export function inferHints(text: string, format: 'txt' | 'md' | 'docx' | 'pdf'): DocumentHints {
  const title = format === 'md' ? (markdownHeading(text) ?? firstLines(text)) : firstLines(text);
  const opening = text.slice(0, 3000);
  const date = DATE.exec(opening);
  const issuedOn = date
    ? `${date[3]}-${date[2]?.padStart(2, '0')}-${date[1]?.padStart(2, '0')}`
    : (YEAR.exec(title ?? '')?.[1] ?? null);
  const folded = foldDiacritics(opening.slice(0, 1000));
  const docType = GENRES.find(([cue]) => cue.test(folded))?.[1] ?? null;
  return { title, issuedOn, docType };
}

function markdownHeading(text: string): string | null {
  const heading = /^#{1,3}\s+(.+)$/mu.exec(text.slice(0, 5000));
  return heading?.[1] ? clip(heading[1].replace(/[*_`]/g, '')) : null;
}

// The first paragraph's lines: a title in a plain-text file or PDF is often wrapped over two or three.
function firstLines(text: string): string | null {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/u)) {
    const trimmed = line.replace(/[*_#`]/g, '').trim();
    if (trimmed === '') {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(trimmed);
    if (lines.length === 3 || lines.join(' ').length >= MAX_TITLE) break;
  }
  return lines.length > 0 ? clip(lines.join(' ')) : null;
}

function clip(title: string): string {
  const collapsed = title.replace(/\s+/gu, ' ').trim();
  return collapsed.length > MAX_TITLE ? `${collapsed.slice(0, MAX_TITLE - 1)}…` : collapsed;
}
