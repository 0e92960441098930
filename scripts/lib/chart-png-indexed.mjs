// A chart's pixels as an indexed-colour PNG (one palette byte a pixel), the same pixels resvg's own
// PNG holds. A report chart has a few dozen colours (flat fills, antialiased edges between them),
// so a palette quarters the bytes to compress and halves the file; resvg writes every pixel as RGBA
// with a fast encoder, which took half of each chart's time. Plain JS: it runs in the chart workers.
import { crc32, deflateSync, constants } from 'node:zlib';

// The most colours a palette PNG holds at 8 bits a pixel.
const PALETTE_MAX = 256;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// IHDR: 8 bits a pixel, colour type 3 (palette), deflate, filter method 0, not interlaced.
const BIT_DEPTH = 8;
const COLOUR_TYPE_PALETTE = 3;

/**
 * `pixels` (RGBA, as resvg's RenderedImage.pixels gives them) as an indexed PNG, or null when the
 * image has more than 256 colours or any pixel that is not fully opaque (resvg hands those out
 * premultiplied; its own encoder is the one that undoes that).
 */
export function indexedPng(pixels, width, height) {
  const colours = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
  const palette = new Map();
  const plte = Buffer.alloc(PALETTE_MAX * 3);
  // Each row opens with its filter type, 0 (none): best for palette images.
  const rows = Buffer.alloc((width + 1) * height);
  let previous = -1;
  let index = 0;
  let at = 0;
  for (let y = 0; y < height; y++) {
    rows[at++] = 0;
    for (let x = y * width, end = x + width; x < end; x++) {
      const colour = colours[x];
      if (colour !== previous) {
        const known = palette.get(colour);
        if (known === undefined) {
          if (palette.size === PALETTE_MAX || pixels[x * 4 + 3] !== 255) return null;
          index = palette.size;
          palette.set(colour, index);
          plte.set(pixels.subarray(x * 4, x * 4 + 3), index * 3);
        } else index = known;
        previous = colour;
      }
      rows[at++] = index;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([BIT_DEPTH, COLOUR_TYPE_PALETTE, 0, 0, 0], 8);
  // Run-length deflate: a few milliseconds a chart, the rows being long runs of one colour; level 9
  // made the file a fifth smaller for thirty times the time.
  const data = deflateSync(rows, { strategy: constants.Z_RLE });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', plte.subarray(0, palette.size * 3)),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, tail]);
}
