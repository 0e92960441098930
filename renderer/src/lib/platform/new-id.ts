/**
 * A new id for a stored item, unique across every page and window of one profile. The millisecond
 * plus a per-page counter was not: two pages saving in the same millisecond wrote the same id and the
 * later save replaced the earlier one (issue 11).
 */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
