import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { packOfficeFile } from '../../../renderer/src/lib/report/office-zip.ts';

const STORED = 0;
const DEFLATED = 8;

/** Each entry's compression method, read from the zip's central directory. */
function methods(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: Record<string, number> = {};
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    found[name] = view.getUint16(at + 10, true);
    at += 45 + nameLength;
  }
  return found;
}

async function storedOfficeFile(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types>'.padEnd(4000, ' ') + '</Types>');
  zip.file('xl/worksheets/sheet1.xml', '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200));
  zip.file(
    'xl/media/image1.png',
    new Uint8Array(3000).map((_value, index) => (index * 7919) % 251),
  );
  zip.file('ppt/media/photo.JPEG', new Uint8Array(500).fill(9));
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

describe('an Office file packed to ship', () => {
  it('deflates the XML and keeps the pictures stored', async () => {
    const packed = await packOfficeFile(await storedOfficeFile());
    expect(methods(packed)).toEqual({
      '[Content_Types].xml': DEFLATED,
      'xl/': STORED,
      'xl/worksheets/': STORED,
      'xl/worksheets/sheet1.xml': DEFLATED,
      'xl/media/': STORED,
      'xl/media/image1.png': STORED,
      'ppt/': STORED,
      'ppt/media/': STORED,
      'ppt/media/photo.JPEG': STORED,
    });
  });

  it('keeps every part, its name, its place and its bytes', async () => {
    const stored = await storedOfficeFile();
    const before = await JSZip.loadAsync(stored);
    const after = await JSZip.loadAsync(await packOfficeFile(stored));
    expect(Object.keys(after.files)).toEqual(Object.keys(before.files));
    for (const name of Object.keys(before.files).filter((entry) => !before.files[entry]!.dir)) {
      const original = await before.file(name)!.async('uint8array');
      expect(await after.file(name)!.async('uint8array'), name).toEqual(original);
    }
  });

  it('refuses bytes that are not a zip, saying so', async () => {
    await expect(packOfficeFile(new TextEncoder().encode('not a zip'))).rejects.toThrow(/zip/iu);
  });
});
