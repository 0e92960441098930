import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { titleGlosses } from '../../../renderer/src/lib/reader-text/title-glosses.ts';

describe('English glosses of document titles, from the manifest', () => {
  it('has one for each of the five embedded documents', () => {
    const manifest = readFileSync('data/sources/manifest.json', 'utf8');
    const ids = (JSON.parse(manifest) as { documents: { doc_id: string }[] }).documents.map(
      (doc) => doc.doc_id,
    );
    const glosses = titleGlosses(manifest);
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(glosses.get(id), id).toMatch(/^[A-Z]/u);
    expect(glosses.get('2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026')).toContain('Resolution No. 67');
  });

  it('gives none for a manifest without glosses, broken JSON or the wrong shape', () => {
    expect(titleGlosses('{"documents":[{"doc_id":"a","title":"Báo cáo"}]}').size).toBe(0);
    expect(titleGlosses('{not json').size).toBe(0);
    expect(titleGlosses('{"documents":"x"}').size).toBe(0);
  });
});
