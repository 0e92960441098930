import { foldDiacritics } from '../format/fold-diacritics.ts';
import { withoutFootnoteRefs } from './clean-line.ts';

// Words that sit between an indicator's name and its figure, not part of the name.
const TRAILING_FILLER =
  /(?:\s+|^)(?:đạt|là|có|còn|được|ước|ước đạt|ước tính|dự ước|dự kiến|khoảng|trên|hơn|gần|từ|tăng|giảm|chiếm|với|đến|tới|bằng|khoảng|bình quân|hằng năm|hàng năm|mỗi năm|năm \d{4}|trong đó|gồm|và|thêm|xuống|lên|vượt|tối thiểu|không dưới|duy trì|thực hiện|toàn tỉnh|hết|cuối|đạt được|[:,(–-])\s*$/iu;

// Where the noun phrase after a figure ends ("303 cơ sở lưu trú du lịch khoảng trên 4.140 buồng").
// A number ends it too, unless it grades the noun ("dịch vụ mức độ 4", "chợ hạng 1").
const PHRASE_END =
  /[,;:().]|(?<!(?:mức độ|hạng|loại|lần)\s)\d|\s(?:đạt|được|đã|đang|tăng|giảm|có|là|khoảng|trên|với|chiếm|gồm|trong đó|thuộc|tại|so với|thực hiện|tiếp tục|thành(?=\s+\d))(?=\s|$)/iu;
const DANGLING_WORD = /\s+(?:và|của|từ|đến|cho|sau khi|khi)$/iu;

/**
 * A short label for a figure no catalogue entry names: the words just before it in its clause
 * when they make a name, else the noun phrase after it ("Toàn tỉnh có 303 cơ sở lưu trú du lịch"),
 * else the few words before it, else its sentence's.
 */
export function deriveLabel(clauseBefore: string, unit: string, sentenceBefore = '', after = ''): string {
  const fromClause = labelWords(lastListItem(clauseBefore));
  const words =
    (countWords(fromClause) >= 3 ? fromClause : null) ??
    phraseAfter(after, unit) ??
    (fromClause.length >= 3 ? fromClause : labelWords(sentenceBefore));
  if (words.length >= 3)
    return unit && !['%', ''].includes(unit) && !words.toLowerCase().includes(unit.toLowerCase())
      ? `${words} (${unit})`
      : words;
  return unit || 'số liệu';
}

// An attribute of the item before it ("vùng cây Na đạt 4.600 ha, sản lượng đạt 43.000 tấn") or a
// bare verb, which alone would merge different things into one indicator.
const ATTRIBUTE_ONLY =
  /^(?:với\s+|trong đó\s+|đã\s+|được\s+)*(?:sản lượng|diện tích|tỷ lệ|tổng|trị giá|công suất|chiều dài|số tiền|vốn|kinh phí|so với|thu hồi|giải quyết|khởi tố)?\s*$|^(?:với|trong đó|đã|được|so với)\s/iu;

/** "ớt 2.060 ha …, khoai tây 910 ha": in a list of figures, only the item of this one names it. */
function lastListItem(before: string): string {
  const cut = before.search(/[,;][^,;]*$/u);
  if (cut < 0 || !/\d/.test(before.slice(0, cut))) return before;
  const item = labelWords(before.slice(cut + 1));
  return item.length >= 2 && !ATTRIBUTE_ONLY.test(item) ? item : before;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The noun phrase right after a figure, with its unit, when it says more than the unit. */
function phraseAfter(after: string, unit: string): string | null {
  const plain = withoutFootnoteRefs(after).replace(/\s+/g, ' ');
  const cut = plain.search(PHRASE_END);
  let phrase = plain
    .slice(0, cut < 0 ? undefined : cut)
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 7)
    .join(' ');
  for (let i = 0; i < 3 && DANGLING_WORD.test(phrase); i++) phrase = phrase.replace(DANGLING_WORD, '');
  const lower = phrase.toLowerCase();
  const beyondUnit = lower.startsWith(unit.toLowerCase()) ? lower.slice(unit.length).trim() : lower;
  return countWords(phrase) >= 2 && beyondUnit.length > 0 ? phrase : null;
}

function labelWords(before: string): string {
  let text = before
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-+•–:;,.)(]+/, '')
    .replace(/\d[\d.,]*\s*%?/g, ' ')
    .trim();
  for (let i = 0; i < 8 && TRAILING_FILLER.test(text); i++) text = text.replace(TRAILING_FILLER, '').trim();
  const words = text.split(' ').filter(Boolean).slice(-7);
  return words.join(' ').replace(/^[,;:()\s-]+|[,;:()\s-]+$/g, '');
}

/** An indicator id derived from a label: stable, ASCII, prefixed so it never collides with the catalogue. */
export function derivedIndicatorId(label: string): string {
  const slug = foldDiacritics(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return `x_${slug || 'figure'}`;
}
