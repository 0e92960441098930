import type { WorkbenchDatabase } from '../db/database.ts';
import { qualified } from '../db/sql.ts';
import type { DbResult } from '../db/db-error.ts';
import { WAREHOUSE_COLUMNS } from '../warehouse/columns.ts';
import { CURATED_VIEWS } from './curated-views.ts';
import { CORRECTION_COLUMNS } from '../review/overlay-sql.ts';
import { WAREHOUSE_TABLES } from '../warehouse/tables.ts';

export interface SchemaColumn {
  name: string;
  type: string;
  vi: string | null;
  en: string | null;
}

export interface SchemaObject {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  vi: string | null;
  en: string | null;
  columns: SchemaColumn[];
}

// The overlay's columns, described where they are defined.
const CORRECTION_SPECS = CORRECTION_COLUMNS.map(([name, , vi]) => ({ name, vi, en: name }));

const TABLE_DESCRIPTIONS: Record<string, { vi: string; en: string }> = {
  documents: { vi: 'Tài liệu nguồn: tiêu đề, cơ quan ban hành, ngày, mã băm', en: 'Source documents' },
  indicators: {
    vi: 'Danh mục chỉ tiêu chuẩn và chỉ tiêu chưa phân loại',
    en: 'Canonical and uncatalogued indicators',
  },
  observations: {
    vi: 'Mỗi số liệu trong văn bản, kèm vị trí và câu trích',
    en: 'Every figure with its provenance',
  },
  corrections: {
    vi: 'Hiệu đính và nguồn đã chọn của người dùng (chỉ đọc; sửa trong khu Rà soát)',
    en: 'The user’s corrections and chosen sources (read-only; edited in the Review area)',
  },
  units: {
    vi: 'Bảng đơn vị: đại lượng và hệ số quy đổi (macro convert_unit)',
    en: 'Units with dimension and scale, for conversion',
  },
};

/**
 * Tables and views of the warehouse and the user schema, with columns, types and descriptions.
 * Row counts are not read here (a view's count runs its whole query): see countRows. The app
 * connection's temporary tables (the pivot's, lib/meaning/pivot-figures.ts) are not the user's to query.
 */
export async function readSchemaCatalog(db: WorkbenchDatabase): Promise<DbResult<SchemaObject[]>> {
  const columns = await db.query(
    `SELECT table_schema, table_name, column_name, data_type
     FROM information_schema.columns
     WHERE table_schema NOT IN ('information_schema', 'pg_catalog') AND table_catalog <> 'temp'
     ORDER BY table_schema, table_name, ordinal_position`,
  );
  if (!columns.ok) return columns;
  const kinds = await db.query(
    `SELECT table_schema, table_name, table_type FROM information_schema.tables
     WHERE table_schema NOT IN ('information_schema', 'pg_catalog') AND table_catalog <> 'temp'`,
  );
  if (!kinds.ok) return kinds;
  const objects = new Map<string, SchemaObject>();
  for (const row of kinds.value.toArray()) {
    const schema = String(row.table_schema);
    const name = String(row.table_name);
    const described = describe(name);
    objects.set(`${schema}.${name}`, {
      schema,
      name,
      kind: String(row.table_type) === 'VIEW' ? 'view' : 'table',
      vi: described?.vi ?? null,
      en: described?.en ?? null,
      columns: [],
    });
  }
  for (const row of columns.value.toArray()) {
    const object = objects.get(`${String(row.table_schema)}.${String(row.table_name)}`);
    if (!object) continue;
    const spec = columnSpec(object.name, String(row.column_name));
    object.columns.push({
      name: String(row.column_name),
      type: String(row.data_type),
      vi: spec?.vi ?? null,
      en: spec?.en ?? null,
    });
  }
  return { ok: true, value: [...objects.values()].sort(byKindThenName) };
}

/** The number of rows of one table or view, counted when the schema browser asks for it. */
export async function countRows(
  db: WorkbenchDatabase,
  object: Pick<SchemaObject, 'schema' | 'name'>,
): Promise<DbResult<number>> {
  const count = await db.query(`SELECT count(*) AS n FROM ${qualified(object.schema, object.name)}`);
  return count.ok ? { ok: true, value: Number(count.value.get(0)?.n ?? 0) } : count;
}

function describe(name: string): { vi: string; en: string } | undefined {
  return TABLE_DESCRIPTIONS[name] ?? CURATED_VIEWS.find((view) => view.name === name);
}

// A view's columns are described by the warehouse column of the same name where there is one.
function columnSpec(object: string, column: string): { vi: string; en: string } | undefined {
  const own =
    object === 'corrections'
      ? CORRECTION_SPECS
      : (WAREHOUSE_TABLES as readonly string[]).includes(object)
        ? WAREHOUSE_COLUMNS[object as keyof typeof WAREHOUSE_COLUMNS]
        : [];
  return (
    own.find((spec) => spec.name === column) ??
    Object.values(WAREHOUSE_COLUMNS)
      .flat()
      .find((spec) => spec.name === column)
  );
}

function byKindThenName(a: SchemaObject, b: SchemaObject): number {
  const rank = (object: SchemaObject): number =>
    object.schema === 'main' ? (object.kind === 'table' ? 0 : 1) : 2;
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}
