/**
 * Two Latin spellings of Russian names, as they meet in trade records: a BGN/PCGN-like one
 * (`Shchukin`, `Yuzhnyy`, `Khimtrey`) and an informal one (`Schukin`, `Iuzhniy`, `Himtrei`).
 */
export type Scheme = 'bgn' | 'informal';

const COMMON: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ч: 'ch',
  ш: 'sh',
  ъ: '',
  ь: '',
  э: 'e',
};

const SCHEMES: Record<Scheme, Record<string, string>> = {
  bgn: {
    ...COMMON,
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    щ: 'shch',
    ы: 'y',
    ю: 'yu',
    я: 'ya',
  },
  informal: {
    ...COMMON,
    е: 'e',
    ё: 'e',
    ж: 'j',
    й: 'i',
    х: 'h',
    ц: 'c',
    щ: 'sch',
    ы: 'i',
    ю: 'iu',
    я: 'ia',
  },
};

const VOWELS = new Set('аеёиоуыэюяъь');

/** Latin spelling of Cyrillic text; other characters pass through. */
export function transliterate(text: string, scheme: Scheme): string {
  const table = SCHEMES[scheme];
  let out = '';
  let previous = ' ';
  for (const char of text) {
    const lower = char.toLowerCase();
    let latin = table[lower];
    if (latin === undefined) latin = char;
    else if (
      lower === 'е' &&
      scheme === 'bgn' &&
      (VOWELS.has(previous) || !/\p{L}/u.test(previous))
    )
      latin = 'ye'; // `Елена` → Yelena, `Юрьев` → Yuryev
    if (char !== lower && latin) latin = latin[0].toUpperCase() + latin.slice(1);
    out += latin;
    previous = lower;
  }
  return out;
}
