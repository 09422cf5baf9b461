/** Upper case without spaces, dashes, dots, slashes or other punctuation: `tms320 f28335` → `TMS320F28335`. */
export const normalizePartNumber = (value: string): string =>
  value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
