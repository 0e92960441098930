import JSZip from 'jszip';

// Parts compressed in their own format: deflating them again spent seconds (pako, in JavaScript)
// on the charts of a report for a file a few per cent smaller.
const COMPRESSED_PART = /\.(png|jpe?g|gif)$/iu;

/**
 * An Office file (a zip written with every part stored) packed to ship: its XML deflated, its
 * pictures kept stored as they are. The parts, their names, order and bytes do not change.
 */
export async function packOfficeFile(stored: Uint8Array, level = 6): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(stored);
  // A stored part generated as stored is copied as it is, checksum included.
  zip.forEach((name, part) => {
    if (COMPRESSED_PART.test(name)) part.options.compression = 'STORE';
  });
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level },
  });
}
