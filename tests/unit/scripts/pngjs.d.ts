// The part of pngjs (no bundled types) the chart tests use: a reference PNG decoder.
declare module 'pngjs' {
  export interface DecodedPng {
    width: number;
    height: number;
    /** RGBA, 4 bytes a pixel, whatever the file's colour type. */
    data: Buffer;
  }
  export const PNG: { sync: { read(png: Buffer): DecodedPng } };
}
