/** One run of text on a PDF page, as pdf.js's text layer gives it. */
export interface PdfTextRun {
  str: string;
  /** The run ends its line (pdf.js `hasEOL`). */
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
  /** Font size in page units (pdf.js `height`); 0 for the spaces pdf.js inserts itself. */
  height: number;
}

// A gap wider than this share of the font size between two runs on a line is a word space.
const WORD_GAP = 0.2;
// A baseline that moves less than this share of the font size stays on the same line
// (superscripts, diacritics drawn as separate glyphs, runs positioned one by one).
const SAME_LINE = 0.5;

/**
 * Lays out one page's runs as text lines, the way the extractor reads a hard-wrapped plain-text
 * document: one visual line per line (it joins lines inside a paragraph itself), a blank line where
 * the vertical gap shows a new paragraph. Runs set side by side without a space get one only when
 * the page shows a gap between them, so no space is ever put inside a word.
 */
export function layoutPage(runs: readonly PdfTextRun[]): string {
  const lines: { text: string; y: number; size: number }[] = [];
  let current: { text: string; y: number; size: number; right: number } | null = null;
  let endOfLine = false;
  for (const run of runs) {
    const size: number = run.height > 0 ? run.height : (current?.size ?? 0);
    const moved = current !== null && Math.abs(run.y - current.y) > SAME_LINE * Math.max(size, 1);
    if (current !== null && (endOfLine || moved) && run.str.trim() !== '') {
      lines.push(current);
      current = null;
    }
    endOfLine = run.hasEOL ? true : endOfLine && run.str.trim() === '';
    if (run.str === '') continue;
    if (current === null) {
      if (run.str.trim() === '') continue;
      current = { text: run.str, y: run.y, size, right: run.x + run.width };
      continue;
    }
    const gap = run.x - current.right;
    const spaced = /\s$/u.test(current.text) || /^\s/u.test(run.str);
    if (!spaced && gap > WORD_GAP * Math.max(size, current.size)) current.text += ' ';
    current.text += run.str;
    current.right = Math.max(current.right, run.x + run.width);
    if (run.height > 0) current.size = Math.max(current.size, run.height);
  }
  if (current !== null) lines.push(current);
  return withParagraphBreaks(lines.map((line) => ({ ...line, text: line.text.replace(/\s+$/u, '') })));
}

function withParagraphBreaks(lines: readonly { text: string; y: number; size: number }[]): string {
  const steps = lines.slice(1).map((line, i) => Math.abs((lines[i]?.y ?? line.y) - line.y));
  const usual = median(steps.filter((step) => step > 0));
  let text = '';
  lines.forEach((line, i) => {
    if (i > 0) {
      const step = steps[i - 1] ?? 0;
      text += usual > 0 && step > usual * 1.4 ? '\n\n' : '\n';
    }
    text += line.text.replace(/^\s+/u, '');
  });
  return text;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
