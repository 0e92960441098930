import type { Locale } from './locale.ts';

// The genres of the corpus manifest, of the header reader and of imported documents and user tables.
const DOCUMENT_TYPES: Readonly<Record<string, { vi: string; en: string }>> = {
  tai_lieu_hoc_tap_nghi_quyet: { vi: 'Tài liệu học tập nghị quyết', en: 'Resolution study material' },
  tai_lieu_hoc_tap: { vi: 'Tài liệu học tập', en: 'Study material' },
  tin_bao: { vi: 'Tin báo chí', en: 'News article' },
  thong_bao_ket_qua_dai_hoi: { vi: 'Thông báo kết quả đại hội', en: 'Congress results announcement' },
  nghi_quyet_hdnd: { vi: 'Nghị quyết HĐND tỉnh', en: 'Provincial People’s Council resolution' },
  bao_cao_ke_hoach_5_nam: { vi: 'Báo cáo kế hoạch 5 năm', en: 'Five-year plan report' },
  bang_nguoi_dung: { vi: 'Bảng của người dùng', en: 'User table' },
};

/**
 * A document type as a reader names it (`nghi_quyet_hdnd` → `Nghị quyết HĐND tỉnh`); a type no
 * table knows is written with spaces for its underscores, never as a raw id; empty for none.
 */
export function documentTypeLabel(docType: string | null | undefined, locale: Locale = 'vi'): string {
  if (!docType) return '';
  const known = DOCUMENT_TYPES[docType];
  if (known) return known[locale];
  const words = docType.replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
