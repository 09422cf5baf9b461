/**
 * Legal forms dropped from names before comparing them (as single words, after punctuation is gone,
 * so `Co., Ltd.` is `co ltd` and `S.A.` is `sa`). Transliteration of other scripts is screening's job.
 */
const LEGAL_FORMS = new Set(
  [
    // English and international
    'ltd limited llc llp lp plc inc incorporated corp corporation co pte pty jsc pjsc cjsc ojsc',
    // European (A.Ş. becomes `as` once accents are stripped)
    'gmbh mbh ag kg se sa sas sarl srl spa bv nv ab oy oyj as asa aps sro kft zrt doo',
    // Russian and Central Asian, transliterated and in Cyrillic
    'ooo zao oao pao ao too ооо зао оао пао ао тоо',
    // Gulf and Asian
    'fze fzco fzc fzllc dmcc kk bhd sdn tbk pvt',
  ]
    .join(' ')
    .split(' '),
);

/**
 * What screening and matching compare: lower case, accents stripped, punctuation and legal forms
 * removed, spaces collapsed. `KYOCERA AVX Components Corporation` → `kyocera avx components`,
 * `ООО «Вектор»` → `вектор`. A name made only of legal-form words keeps them rather than become empty.
 */
export function normalizeOrganizationName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’`]/g, '') // S.A. → sa, O'Neil → oneil
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const kept = words.filter((word) => !LEGAL_FORMS.has(word));
  return (kept.length ? kept : words).join(' ');
}
