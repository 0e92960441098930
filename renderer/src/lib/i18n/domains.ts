import {
  INDICATOR_DOMAINS,
  INDICATOR_GROUPS,
  type IndicatorDomain,
  type IndicatorGroup,
} from '../extraction/catalogue.ts';
import type { MessageKey } from './dictionary.ts';

/** The dictionary key naming an indicator domain. */
export function domainKey(domain: string | null): MessageKey {
  return isIndicatorDomain(domain) ? `domain.${domain}` : 'domain.none';
}

function isIndicatorDomain(domain: string | null): domain is IndicatorDomain {
  return (INDICATOR_DOMAINS as readonly (string | null)[]).includes(domain);
}

/** The domains in their display order. */
export const DOMAINS = INDICATOR_DOMAINS;

/** The groups of the provincial statistical indicator system, in their display order. */
export const GROUPS = INDICATOR_GROUPS;

/** Vietnamese and English labels of each indicator group. */
export const GROUP_LABELS: Readonly<Record<IndicatorGroup, { vi: string; en: string }>> = {
  dat_dai: { vi: 'Đất đai', en: 'Land' },
  dan_so: { vi: 'Dân số', en: 'Population' },
  lao_dong: { vi: 'Lao động, việc làm', en: 'Labour and employment' },
  tai_khoan_quoc_gia: { vi: 'Tài khoản quốc gia', en: 'National accounts' },
  ngan_sach: { vi: 'Ngân sách nhà nước', en: 'State budget' },
  dau_tu: { vi: 'Đầu tư', en: 'Investment' },
  doanh_nghiep: { vi: 'Doanh nghiệp, hợp tác xã', en: 'Enterprises and cooperatives' },
  nong_lam_thuy_san: { vi: 'Nông, lâm nghiệp và thủy sản', en: 'Agriculture, forestry and fisheries' },
  cong_nghiep: { vi: 'Công nghiệp', en: 'Industry' },
  thuong_mai: { vi: 'Thương mại', en: 'Trade' },
  du_lich: { vi: 'Du lịch', en: 'Tourism' },
  giao_duc: { vi: 'Giáo dục, đào tạo', en: 'Education and training' },
  y_te: { vi: 'Y tế', en: 'Health' },
  van_hoa: { vi: 'Văn hóa, thể thao, thông tin', en: 'Culture, sport and information' },
  muc_song: { vi: 'Mức sống, an sinh xã hội', en: 'Living standards and social security' },
  moi_truong: { vi: 'Môi trường', en: 'Environment' },
  quoc_phong_an_ninh: { vi: 'Quốc phòng, an ninh, trật tự', en: 'Defence, security and order' },
  xay_dung_dang: { vi: 'Xây dựng Đảng, hệ thống chính trị', en: 'Party building and the political system' },
  hanh_chinh: { vi: 'Hành chính nhà nước', en: 'Public administration' },
};

/** The label of an indicator group in a language, or null for a figure no catalogue entry names. */
export function groupLabel(group: string | null, language: 'vi' | 'en'): string | null {
  return isIndicatorGroup(group) ? GROUP_LABELS[group][language] : null;
}

function isIndicatorGroup(group: string | null): group is IndicatorGroup {
  return (INDICATOR_GROUPS as readonly (string | null)[]).includes(group);
}
