import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  draftFromSelection,
  guessPeriod,
  guessUnit,
  numberInSelection,
  sentenceAround,
} from '../../../renderer/src/lib/review/selection-figure.ts';

const TEXT =
  'Kết quả năm 2024.\nTổng vốn đầu tư toàn xã hội năm 2025 ước đạt 29.500 tỷ đồng, tăng 10,2%;\n' +
  'tỷ lệ che phủ rừng đạt 63,5%. Giai đoạn 2026 - 2030 tăng bình quân 10 - 11%/năm.';

const span = (part: string, from = 0): [number, number] => {
  const at = TEXT.indexOf(part, from);
  if (at < 0) throw new Error(`not in the text: ${part}`);
  return [at, at + part.length];
};

describe('numberInSelection: the number a reader selection holds, read the Vietnamese way', () => {
  it('reads thousands dots and decimal commas', () => {
    expect(numberInSelection(TEXT, ...span('29.500'))).toMatchObject({ numberText: '29.500', low: 29500 });
    expect(numberInSelection(TEXT, ...span('10,2'))).toMatchObject({ numberText: '10,2', low: 10.2 });
  });

  it('widens a selection that cuts into a number to all of it', () => {
    const [start] = span('29.500');
    expect(numberInSelection(TEXT, start + 1, start + 4)).toMatchObject({
      start,
      end: start + 6,
      numberText: '29.500',
    });
  });

  it('skips the year in a span around the figure', () => {
    const found = numberInSelection(TEXT, ...span('năm 2025 ước đạt 29.500 tỷ'));
    expect(found).toMatchObject({ numberText: '29.500', low: 29500, high: 29500 });
    expect(TEXT.slice(found!.start, found!.end)).toBe('29.500');
  });

  it('keeps a range whole', () => {
    expect(numberInSelection(TEXT, ...span('10 - 11%'))).toMatchObject({
      numberText: '10 - 11',
      low: 10,
      high: 11,
    });
  });

  it('takes a year when the selection holds nothing else, and null when it holds no number', () => {
    expect(numberInSelection(TEXT, ...span('năm 2024'))).toMatchObject({ low: 2024 });
    expect(numberInSelection(TEXT, ...span('Tổng vốn đầu tư'))).toBeNull();
    expect(numberInSelection(TEXT, 5, 5)).toBeNull();
  });
});

describe('guessUnit: the unit written after the number', () => {
  it.each([
    [' tỷ đồng, tăng', 'tỷ đồng'],
    ['%;', '%'],
    [' %', '%'],
    [' xã đạt chuẩn nông thôn mới', 'xã'],
    [' triệu USD', 'triệu USD'],
    [', tăng', ''],
  ])('after "%s" → "%s"', (after, unit) => {
    expect(guessUnit(after)).toBe(unit);
  });
});

describe('sentenceAround and guessPeriod', () => {
  it('finds the sentence across a hard line break, ending at its full stop', () => {
    const text = 'Mở đầu. Toàn tỉnh có 106 xã\nđạt chuẩn nông thôn mới. Tiếp theo.';
    const at = text.indexOf('106');
    const sentence = sentenceAround(text, at, at + 3);
    expect(text.slice(sentence.start, sentence.end)).toBe('Toàn tỉnh có 106 xã\nđạt chuẩn nông thôn mới.');
  });

  it('stops at a semicolon and a full stop, not at a thousands dot', () => {
    const [start, end] = span('29.500');
    const sentence = sentenceAround(TEXT, start, end);
    expect(TEXT.slice(sentence.start, sentence.end)).toBe(
      'Tổng vốn đầu tư toàn xã hội năm 2025 ước đạt 29.500 tỷ đồng, tăng 10,2%;',
    );
  });

  it('reads a period range before a single year, and nothing when none is named', () => {
    expect(guessPeriod('Giai đoạn 2026 - 2030 tăng bình quân 10 - 11%/năm.')).toEqual({
      start: 2026,
      end: 2030,
    });
    expect(guessPeriod('năm 2025 ước đạt 29.500 tỷ đồng')).toEqual({ start: 2025, end: 2025 });
    expect(guessPeriod('tỷ lệ che phủ rừng đạt 63,5%.')).toBeNull();
  });
});

describe('draftFromSelection', () => {
  it('prefills value, unit, sentence, occurrence and period', () => {
    const draft = draftFromSelection('d1', TEXT, ...span('29.500'), 2024);
    expect(draft).toMatchObject({
      docId: 'd1',
      numberText: '29.500',
      valueLow: 29500,
      valueHigh: 29500,
      unit: 'tỷ đồng',
      quote: 'Tổng vốn đầu tư toàn xã hội năm 2025 ước đạt 29.500 tỷ đồng, tăng 10,2%;',
      occurrence: 0,
      periodStart: 2025,
      periodEnd: 2025,
    });
  });

  it('falls back to the document year when the sentence names none', () => {
    expect(draftFromSelection('d1', TEXT, ...span('63,5'), 2024)).toMatchObject({
      unit: '%',
      periodStart: 2024,
      periodEnd: 2024,
    });
  });

  it('counts which of the sentence’s equal numbers it is', () => {
    const text = 'Có 12 xã và 12 thôn đạt chuẩn.';
    const second = text.lastIndexOf('12');
    expect(draftFromSelection('d1', text, second, second + 2)).toMatchObject({
      occurrence: 1,
      unit: 'thôn',
    });
  });

  it('is null for a selection without a number', () => {
    expect(draftFromSelection('d1', TEXT, ...span('che phủ rừng'))).toBeNull();
  });
});

describe('on a real document whose wrapped lines are double-spaced', () => {
  const docId = '2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030';
  const text = readFileSync(`data/sources/${docId}.txt`, 'utf8');

  it('reads the whole sentence across the blank lines, as one line of text', () => {
    const at = text.indexOf('6.508 nhà tạm');
    const draft = draftFromSelection(docId, text, at, at + '6.508'.length, 2025)!;
    expect(draft).toMatchObject({ numberText: '6.508', valueLow: 6508, unit: 'nhà' });
    expect(draft.quote).toContain('hoàn thành Chương trình xóa nhà tạm, nhà dột nát đúng thời gian');
    expect(draft.quote).toMatch(/đã xóa xong toàn bộ 6\.508 nhà tạm, nhà dột nát trên địa bàn tỉnh\.$/u);
    expect(draft.quote).not.toContain('\n');
    expect(text.slice(draft.sentenceStart, draft.sentenceEnd).replace(/\s+/gu, ' ').trim()).toBe(draft.quote);
  });
});
