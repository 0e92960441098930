import vietnamese400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url';
import latinExt400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff2?url';
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url';
import vietnamese600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url';
import latinExt600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff2?url';
import latin600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url';

export const CHART_FONT = 'Be Vietnam Pro';

// The unicode ranges of the @fontsource subsets, so each glyph comes from the subset that has it.
const RANGES = {
  vietnamese:
    'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  latinExt:
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
};

const FACES: readonly { url: string; weight: number; range: string }[] = [
  { url: latin400, weight: 400, range: RANGES.latin },
  { url: latinExt400, weight: 400, range: RANGES.latinExt },
  { url: vietnamese400, weight: 400, range: RANGES.vietnamese },
  { url: latin600, weight: 600, range: RANGES.latin },
  { url: latinExt600, weight: 600, range: RANGES.latinExt },
  { url: vietnamese600, weight: 600, range: RANGES.vietnamese },
];

let embedded: Promise<string> | undefined;

async function dataUrl(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:font/woff2;base64,${btoa(binary)}`;
}

/**
 * @font-face rules with the bundled font inlined. An SVG drawn as an image cannot see the page's
 * fonts, so a PNG export would fall back to a system font without them (see STACK-NOTES).
 */
export function embeddedFontCss(): Promise<string> {
  embedded ??= Promise.all(
    FACES.map(
      async (face) =>
        `@font-face{font-family:'${CHART_FONT}';font-style:normal;font-weight:${face.weight};` +
        `src:url(${await dataUrl(face.url)}) format('woff2');unicode-range:${face.range};}`,
    ),
  ).then((rules) => rules.join(''));
  return embedded;
}
