/** What a document's header says of it, read from its first lines when no manifest does. */
export interface DocumentHeader {
  /** The kind of document its title line names (`nghi_quyet`, `quyet_dinh`, `ke_hoach`, `bao_cao`, …), or `tin_bao` for a dated article. */
  genre: string | null;
  /** The title: its genre line and the lines that continue it, white space collapsed. */
  title: string | null;
  /** The issuing body (`Ủy ban nhân dân tỉnh Sơn La`). */
  issuer: string | null;
  /** `YYYY-MM-DD` from the header's place-and-date line (`Sơn La, ngày 20 tháng 11 năm 2025`). */
  issuedOn: string | null;
}

const HEAD_LENGTH = 5000;
const HEAD_LINES = 40;
const TITLE_LINES = 4;

// Title lines, most specific first: the line a document's title starts with.
const GENRES: readonly [RegExp, string][] = [
  [/^tài liệu học tập/iu, 'tai_lieu_hoc_tap'],
  [/^đề cương/iu, 'thong_bao'],
  [/^thông báo/iu, 'thong_bao'],
  [/^nghị quyết(?!\s+số)/iu, 'nghi_quyet'],
  [/^quyết định(?!\s+số)/iu, 'quyet_dinh'],
  [/^kế hoạch(?!\s+số)/iu, 'ke_hoach'],
  [/^chương trình(?!\s+số)/iu, 'chuong_trinh'],
  [/^báo cáo(?!\s+số)/iu, 'bao_cao'],
  [/^(?:đánh giá|tổng kết) tình hình/iu, 'bao_cao'],
  [/^văn kiện/iu, 'van_kien'],
];
const ISSUER =
  /^(?:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân|tỉnh ủy|tỉnh uỷ|thành ủy|ban [\p{L} ]+?|đảng bộ|sở [\p{L} ]+?)\s+(?:tỉnh|thành phố)\s+\p{L}[\p{L} ]*$/iu;
const TITLE_STOP =
  /^(?:\(|căn cứ|số\s*:|ủy ban|uỷ ban|hội đồng nhân dân|quyết nghị|quyết định:|điều \d|phần\s|[IVX]{1,4}\.\s|\d{1,2}\.\s)/iu;
// The place-and-date line of the header ("Sơn La, ngày 20 tháng 11 năm 2025"), not an event's date.
const DATE_LINE = /\p{L},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})/iu;
const NUMERIC_DATE = /\p{L},\s*ngày\s+(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})/iu;
// A news page's dateline ("Thứ Hai, 14/08/2023 09:30", "14/8/2023").
const NEWS_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/u;
const MONTH_LINE = /^tháng\s+(\d{1,2})\s*(?:[-/]|năm)\s*((?:19|20)\d{2})$/imu;
const NEWS_MARK = /^(?:tác giả\s*:|ngày\s+\d{1,2}\/\d{1,2}\s*,|\(?(?:pv|ttxvn)\)?\s*[-–])/imu;
// Title lines stand at the top; a title line is upper case or short ("Báo cáo tóm tắt …, Ủy viên …" is body).
const TITLE_SEARCH_LINES = 12;
const SHORT_TITLE = 60;

/** The header's lines as a reader sees them: markup, table pipes and rules removed. */
export function headLines(text: string): string[] {
  return text
    .slice(0, HEAD_LENGTH)
    .split('\n')
    .map((line) =>
      line
        .replace(/[*_#]+/g, '')
        .replace(/^\s*\|\s*$/, '')
        .replace(/^\s*-{3,}\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .slice(0, HEAD_LINES * 3);
}

/** Reads genre, title, issuer and date from a document's first lines. */
export function readHeader(text: string): DocumentHeader {
  const lines = headLines(text);
  const filled = lines.filter(Boolean).slice(0, HEAD_LINES);
  let genre: string | null = null;
  let title: string | null = null;
  const head = filled.join('\n');
  const news = NEWS_MARK.test(filled.slice(0, 5).join('\n'));
  for (let i = 0; i < Math.min(filled.length, TITLE_SEARCH_LINES) && !genre && !news; i++) {
    const line = filled[i] ?? '';
    const found = GENRES.find(([pattern]) => pattern.test(line));
    if (!found || (line.length > SHORT_TITLE && line !== line.toUpperCase())) continue;
    genre = found[1];
    const parts = [line];
    for (let j = i + 1; j < filled.length && parts.length < TITLE_LINES; j++) {
      const next = filled[j] ?? '';
      // A sentence ends the title; "…2021 - 2025;" goes on to "phương hướng … 2026 - 2030".
      if (TITLE_STOP.test(next) || next.length > 120 || /\.$/.test(next)) break;
      parts.push(next);
    }
    title = parts.join(' ').replace(/\s+/g, ' ').trim();
  }
  if (news) genre = 'tin_bao';
  const issuerLine = lines.slice(0, HEAD_LINES).join(' ').replace(/\s+/g, ' ');
  const issuedOn = dateOf(head) ?? (news ? dateOf(filled.slice(0, 5).join('\n'), NEWS_DATE) : null);
  return { genre, title, issuer: issuerOf(filled, issuerLine), issuedOn };
}

function issuerOf(lines: readonly string[], joined: string): string | null {
  // The issuer may be wrapped over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH SƠN LA").
  for (let i = 0; i < Math.min(lines.length, 12); i++) {
    for (const candidate of [lines[i] ?? '', `${lines[i]} ${lines[i + 1] ?? ''}`.trim()]) {
      if (ISSUER.test(candidate) && candidate === candidate.toUpperCase()) return sentenceCase(candidate);
    }
  }
  const written =
    /(?:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân) tỉnh [\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*)*/u.exec(
      joined,
    );
  return written ? sentenceCase(written[0]) : null;
}

// "ỦY BAN NHÂN DÂN TỈNH SƠN LA" → "Ủy ban nhân dân tỉnh Sơn La": the place after tỉnh/thành phố keeps its capitals.
function sentenceCase(text: string): string {
  const lower = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const place = /(tỉnh(?: ủy| uỷ)?|thành phố)\s+(.+)$/u.exec(lower);
  const capitalised = (words: string): string =>
    words.replace(/(^|\s)(\p{L})/gu, (_whole, space: string, letter: string) => space + letter.toUpperCase());
  const head = place ? lower.slice(0, place.index + (place[1]?.length ?? 0) + 1) : lower;
  const name = place ? capitalised(place[2] ?? '') : '';
  const result = `${head}${name}`;
  return result.charAt(0).toUpperCase() + result.slice(1);
}

function dateOf(head: string, pattern?: RegExp): string | null {
  const pad = (value: string | undefined): string => (value ?? '').padStart(2, '0');
  const written = pattern ? pattern.exec(head) : (DATE_LINE.exec(head) ?? NUMERIC_DATE.exec(head));
  if (!written) {
    if (pattern) return null;
    const month = MONTH_LINE.exec(head);
    return month && Number(month[1]) <= 12 ? `${month[2]}-${pad(month[1])}` : null;
  }
  const month = Number(written[2]);
  const day = Number(written[1]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${written[3]}-${pad(written[2])}-${pad(written[1])}`;
}
