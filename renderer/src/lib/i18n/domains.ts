import { INDICATOR_DOMAINS, type IndicatorDomain } from '../extraction/catalogue.ts';
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
