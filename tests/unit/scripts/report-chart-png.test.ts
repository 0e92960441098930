import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { indexedPng } from '../../../scripts/lib/chart-png-indexed.mjs';

/** RGBA pixels, one colour a pixel from `colour(index)`. */
function image(width: number, height: number, colour: (index: number) => number[]): Uint8Array {
  const pixels = new Uint8Array(width * height * 4);
  for (let index = 0; index < width * height; index++) pixels.set(colour(index), index * 4);
  return pixels;
}

const opaque = (index: number): number[] => [index % 256, (index * 7) % 256, Math.floor(index / 256), 255];

describe('report charts as indexed PNGs', () => {
  it('keeps every pixel, read back by an independent decoder', () => {
    const pixels = image(
      5,
      3,
      (index) =>
        [
          [255, 255, 255, 255],
          [31, 95, 191, 255],
          [0, 0, 0, 255],
        ][index % 3]!,
    );
    const png = indexedPng(pixels, 5, 3)!;
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([5, 3]);
    expect(new Uint8Array(decoded.data)).toEqual(pixels);
  });

  it('holds exactly 256 colours in its palette', () => {
    const pixels = image(16, 16, opaque);
    const png = indexedPng(pixels, 16, 16)!;
    expect(png[25]).toBe(3);
    expect(new Uint8Array(PNG.sync.read(png).data)).toEqual(pixels);
  });

  it('gives way (null) to a picture of 257 colours', () => {
    expect(indexedPng(image(257, 1, opaque), 257, 1)).toBeNull();
  });

  it('gives way (null) to a pixel that is not fully opaque, wherever it is', () => {
    const pixels = image(4, 4, () => [255, 255, 255, 255]);
    pixels[15 * 4 + 3] = 128;
    expect(indexedPng(pixels, 4, 4)).toBeNull();
  });
});
