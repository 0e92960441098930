import { foldDiacritics } from '../format/fold-diacritics.ts';

// Words that sit between an indicator's name and its figure, not part of the name.
const TRAILING_FILLER =
  /(?:\s+|^)(?:đạt|là|có|còn|được|ước|ước đạt|ước tính|dự ước|dự kiến|khoảng|trên|hơn|gần|từ|tăng|giảm|chiếm|với|đến|tới|bằng|khoảng|bình quân|hằng năm|hàng năm|mỗi năm|năm \d{4}|trong đó|gồm|và|thêm|xuống|lên|vượt|tối thiểu|không dưới|duy trì|thực hiện|toàn tỉnh|hết|cuối|đạt được|[:,(–-])\s*$/iu;

/** A short label for a figure no catalogue entry names: the words just before it in its clause. */
export function deriveLabel(clauseBefore: string, unit: string, sentenceBefore = ''): string {
  const fromClause = labelWords(clauseBefore);
  const words = fromClause.length >= 3 ? fromClause : labelWords(sentenceBefore);
  if (words.length >= 3)
    return unit && !['%', ''].includes(unit) && !words.includes(unit) ? `${words} (${unit})` : words;
  return unit || 'số liệu';
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
