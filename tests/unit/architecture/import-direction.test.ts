import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importViolations, layerOf } from '../../support/import-layers.ts';

/** A small tree of source files in a temporary folder, laid out like the repository. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'import-direction-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the import direction corpus → extraction → warehouse → db → meaning → features → app', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('holds in this repository', () => {
    expect(importViolations(process.cwd())).toEqual([]);
  });

  it('fails on a deliberate back-edge: lib/report importing a feature, a feature reaching into app/', () => {
    const root = tree({
      'renderer/src/lib/report/report-data.ts':
        "import { buildPivotQuery } from '../../features/pivot/pivot-query.ts';",
      'renderer/src/features/pivot/pivot-query.ts':
        "import { Workbench } from '../../app/workbench.svelte.ts';",
      'renderer/src/features/charts/ChartsArea.svelte':
        '<script lang="ts">\n  import { getWorkbench } from \'../../app/workbench-context.ts\';\n</script>',
      'renderer/src/app/workbench.svelte.ts': '',
      'renderer/src/app/workbench-context.ts': '',
      'scripts/report.ts': "import { x } from '../renderer/src/features/pivot/pivot-query.ts';",
      'renderer/src/lib/db/database.ts': "import { CURATED_VIEWS } from '../meaning/curated-views.ts';",
    });
    made.push(root);
    expect(importViolations(root)).toEqual(
      expect.arrayContaining([
        {
          file: 'renderer/src/lib/report/report-data.ts',
          imports: 'renderer/src/features/pivot/pivot-query.ts',
          from: 'meaning',
          to: 'features',
        },
        {
          file: 'renderer/src/features/pivot/pivot-query.ts',
          imports: 'renderer/src/app/workbench.svelte.ts',
          from: 'features',
          to: 'app',
        },
        {
          file: 'scripts/report.ts',
          imports: 'renderer/src/features/pivot/pivot-query.ts',
          from: 'cli',
          to: 'features',
        },
        {
          file: 'renderer/src/lib/db/database.ts',
          imports: 'renderer/src/lib/meaning/curated-views.ts',
          from: 'db',
          to: 'meaning',
        },
      ]),
    );
    // The typed context is the one way into app/.
    expect(importViolations(root).map((violation) => violation.file)).not.toContain(
      'renderer/src/features/charts/ChartsArea.svelte',
    );
    expect(importViolations(root)).toHaveLength(4);
  });

  it('puts the contracts in the shared layer and the workspace with the meaning layer it installs', () => {
    expect(layerOf('renderer/src/lib/warehouse/columns.ts')).toBe('shared');
    expect(layerOf('renderer/src/lib/warehouse/encode-csv.ts')).toBe('warehouse');
    expect(layerOf('renderer/src/lib/warehouse/workspace.ts')).toBe('meaning');
  });
});
