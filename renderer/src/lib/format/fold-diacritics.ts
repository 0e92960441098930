/** Lower-case text without Vietnamese diacritics, so `tang truong` finds `tăng trưởng`. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
