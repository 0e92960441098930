import { INDICATOR_DOMAINS } from '../extraction/catalogue.ts';
import type { MessageKey } from './dictionary.ts';

/** The dictionary key naming an indicator domain. */
export function domainKey(domain: string | null): MessageKey {
  switch (domain) {
    case 'kinh_te':
      return 'domain.kinh_te';
    case 'xa_hoi':
      return 'domain.xa_hoi';
    case 'moi_truong':
      return 'domain.moi_truong';
    case 'xay_dung_dang':
      return 'domain.xay_dung_dang';
    case 'quoc_phong_an_ninh':
      return 'domain.quoc_phong_an_ninh';
    case 'hanh_chinh':
      return 'domain.hanh_chinh';
    default:
      return 'domain.none';
  }
}

/** The domains in their display order. */
export const DOMAINS = INDICATOR_DOMAINS;
