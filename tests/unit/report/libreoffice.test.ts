import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { installed } from '../../support/installed.ts';
import { sofficeConvertArgs } from '../../support/soffice.ts';

const run = promisify(execFile);

const available = installed('soffice') && installed('pdftotext') && installed('pdfinfo');
if (!available) {
  // Visible in the test output: the check is skipped, not silently passed.
  console.warn(
    'LibreOffice check skipped: soffice, pdftotext or pdfinfo is not installed (see README, "Checking exports with LibreOffice").',
  );
}

describe.skipIf(!available)('reports open in LibreOffice', () => {
  it.each(['xlsx', 'pptx'])(
    'converts the %s report to a PDF with the Vietnamese text intact',
    async (format) => {
      const dir = await mkdtemp(join(tmpdir(), `ctw-lo-${format}-`));
      const file = join(dir, `bao-cao.${format}`);
      await run('node_modules/.bin/tsx', [
        'scripts/report.ts',
        '--format',
        format,
        '--indicators',
        'grdp_growth,poverty_rate,forest_cover_rate',
        '--out',
        file,
        '--date',
        '2026-11-23',
      ]);
      // Each conversion in its own folder: two files with one stem would overwrite each other.
      await run('soffice', sofficeConvertArgs(file, 'pdf', join(dir, 'pdf')), {
        timeout: 120_000,
      });
      const pdf = join(dir, 'pdf', 'bao-cao.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
      const text = (await run('pdftotext', [pdf, '-'])).stdout;
      expect(pages).toBeGreaterThanOrEqual(format === 'pptx' ? 5 : 3);
      expect(text).toContain('Tốc độ tăng trưởng kinh tế (GRDP)');
      expect(text).toContain(format === 'pptx' ? 'Báo cáo chỉ tiêu kinh tế – xã hội' : 'Tỷ lệ che phủ rừng');
    },
    180_000,
  );
});
