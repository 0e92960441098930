import { z } from 'zod';

/** The domains an indicator belongs to (DATA-CONTRACT.md). */
export const INDICATOR_DOMAINS = [
  'kinh_te',
  'xa_hoi',
  'moi_truong',
  'xay_dung_dang',
  'quoc_phong_an_ninh',
  'hanh_chinh',
] as const;

const domainSchema = z.enum(INDICATOR_DOMAINS);

/** The groups of Vietnam's provincial statistical indicator system an indicator is filed under. */
export const INDICATOR_GROUPS = [
  'dat_dai',
  'dan_so',
  'lao_dong',
  'tai_khoan_quoc_gia',
  'ngan_sach',
  'dau_tu',
  'doanh_nghiep',
  'nong_lam_thuy_san',
  'cong_nghiep',
  'thuong_mai',
  'du_lich',
  'giao_duc',
  'y_te',
  'van_hoa',
  'muc_song',
  'moi_truong',
  'quoc_phong_an_ninh',
  'xay_dung_dang',
  'hanh_chinh',
] as const;

const groupSchema = z.enum(INDICATOR_GROUPS);

/** What sort of quantity an indicator is (DATA-CONTRACT.md, indicators.kind). */
export const INDICATOR_KINDS = ['level', 'growth', 'share', 'rate', 'count', 'rank', 'index'] as const;

const kindSchema = z.enum(INDICATOR_KINDS);

const catalogueEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  domain: domainSchema,
  group: groupSchema,
  unit: z.string(),
  kind: kindSchema,
  higher_is_better: z.boolean().nullable(),
  /** Vietnamese phrasings, matched diacritic-sensitively on NFC lower-case text. */
  phrasings: z.array(z.string().min(2)).min(1),
  /** Related indicators told apart by unit (a level and its growth rate, VND and USD). */
  family: z.string().optional(),
  /** Words that, written before the figure, favour this indicator over a sibling with the same phrasing. */
  cues: z.array(z.string()).optional(),
  /** The unit alone names the indicator (`bác sĩ/vạn dân`). */
  by_unit: z.boolean().optional(),
});

const catalogueSchema = z.object({ indicators: z.array(catalogueEntrySchema) });

export type IndicatorDomain = z.infer<typeof domainSchema>;
export type IndicatorGroup = z.infer<typeof groupSchema>;
export type IndicatorKind = z.infer<typeof kindSchema>;
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

/** Validates the indicator catalogue (data/indicators.json); ids must be unique. */
export function parseCatalogue(json: unknown): Catalogue {
  const catalogue = catalogueSchema.parse(json);
  const seen = new Set<string>();
  for (const entry of catalogue.indicators) {
    if (seen.has(entry.id)) throw new Error(`indicator catalogue: duplicate id ${entry.id}`);
    seen.add(entry.id);
  }
  return catalogue;
}
