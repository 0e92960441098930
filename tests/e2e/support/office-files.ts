import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A flat ODT of paragraphs (the first a title) in a font with Vietnamese glyphs. */
function flatOdt(paragraphs: readonly string[]): string {
  const body = paragraphs
    .map((text, i) =>
      i === 0
        ? `<text:p text:style-name="Title">${escapeXml(text)}</text:p>`
        : `<text:p>${escapeXml(text)}</text:p>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="DejaVu Serif" fo:font-size="12pt"/></style:default-style>
<style:style style:name="Title" style:family="paragraph"><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
</office:styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}

/**
 * A real .docx or .pdf of these paragraphs, made by LibreOffice from a flat ODT (pdf.js ignores
 * ActualText, so a PDF made straight from a .txt in a monospaced font would not read back).
 */
export function officeFile(paragraphs: readonly string[], format: 'docx' | 'pdf', stem: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), `import-e2e-${format}-`));
  const source = join(work, `${stem}.fodt`);
  writeFileSync(source, flatOdt(paragraphs));
  const filter = format === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf';
  execFileSync('soffice', ['--headless', '--convert-to', filter, source, '--outdir', work], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return readFileSync(join(work, `${stem}.${format}`));
}

/** An .xlsx with one sheet of these rows (the first the header), written by exceljs. */
export async function xlsxFile(rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Số liệu');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
