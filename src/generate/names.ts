import {
  ABBREVIATIONS,
  CYRILLIC_LEGAL_FORMS,
  DEFAULT_LEGAL_FORMS,
  LEGAL_FORMS,
  PREFIX_LEGAL_FORMS,
} from './legal-forms.js';
import {
  BAD_CYRILLIC,
  BUYER_WORDS,
  CHINESE_CITIES,
  CHINESE_WORDS,
  CYRILLIC,
  GULF_WORDS,
  LATIN,
  PERSIAN,
  PERSIAN_WORDS,
  PINYIN,
  RUSSIAN_WORDS,
  type Syllables,
  TRADE_WORDS,
  TURKISH,
  TURKISH_WORDS,
} from './name-parts.js';
import type { Random } from './random.js';
import { transliterate } from './transliterate.js';

/** What a company does, for the words of its name. */
export type Business = 'trade' | 'buyer';

export interface OrgName {
  /** The registered name (organizations.csv). */
  name: string;
  /** The name in another script (Cyrillic, Chinese), when it has one. */
  aliases: string[];
  /** How shipments write it, the registered name first: legal forms, spellings, case. */
  variants: string[];
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const upper = (name: string) => name.toUpperCase();
const noPunctuation = (name: string) => name.replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
const ascii = (name: string) =>
  name
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
const abbreviate = (name: string) =>
  Object.entries(ABBREVIATIONS).reduce((text, [word, short]) => text.replace(word, short), name);

export class NameFactory {
  private readonly used = new Set<string>();

  /** `reserved`: names no stem may take (the real manufacturers, real distributors). */
  constructor(
    private readonly random: Random,
    reserved: Iterable<string> = [],
  ) {
    for (const name of reserved) this.used.add(name.toLowerCase().replace(/[^a-z]/g, ''));
  }

  /** A fictional company name of that country, written the ways its customs records would. */
  make(country: string, business: Business): OrgName {
    if (CYRILLIC_LEGAL_FORMS[country]) return this.cyrillic(country);
    if (country === 'HK' || country === 'CN') return this.chinese(country);
    if (country === 'TR') return this.turkish();
    if (country === 'IR') return this.persian();
    return this.latin(country, business);
  }

  private stem(table: Syllables, valid: (stem: string) => boolean = () => true): string {
    for (let attempt = 0; ; attempt++) {
      const count = this.random.chance(0.35) ? 2 : 3 + (attempt > 20 ? 1 : 0);
      let stem = '';
      for (let i = 0; i < count; i++)
        stem +=
          this.random.pick(table.onsets) +
          this.random.pick(table.vowels) +
          this.random.pick(table.codas);
      if (stem.length >= 4 && valid(stem) && this.claim(ascii(transliterate(stem, 'bgn'))))
        return capitalize(stem);
    }
  }

  /** Takes a stem for one company only: false when it is taken (or reserved). */
  private claim(stem: string): boolean {
    const key = stem.toLowerCase().replace(/[^a-z]/g, '');
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }

  /** The registered name first, then the given variants and a few of the candidates, no repeats. */
  private finish(
    name: string,
    always: string[],
    candidates: string[],
    aliases: string[] = [],
  ): OrgName {
    const extra = this.random.shuffle(candidates.slice()).slice(0, this.random.int(1, 3));
    return { name, aliases, variants: [...new Set([name, ...always, ...extra])] };
  }

  private latin(country: string, business: Business): OrgName {
    const stem = this.stem(LATIN);
    const words = business === 'buyer' ? BUYER_WORDS : country === 'AE' ? GULF_WORDS : TRADE_WORDS;
    const base = `${stem} ${this.random.pick(words)}`;
    const prefixed = PREFIX_LEGAL_FORMS[country];
    const group = this.random.pick(prefixed ?? LEGAL_FORMS[country] ?? DEFAULT_LEGAL_FORMS);
    const build = (form: string, words = base) =>
      prefixed ? `${form} ${words}` : `${words} ${form}`;
    const name = build(group[0]);
    return this.finish(
      name,
      [upper(name)],
      [
        ...group.slice(1).map((form) => build(form)),
        base,
        upper(noPunctuation(name)),
        build(group[0], abbreviate(base)),
      ],
    );
  }

  private cyrillic(country: string): OrgName {
    const [cyrillicForm, latinForm, englishForm] = this.random.weighted(
      CYRILLIC_LEGAL_FORMS[country],
    );
    // a stem with a letter the two spellings write differently (х, й, ы, ю, я, ц, ж, щ)
    const stem = this.stem(
      CYRILLIC,
      (s) => !BAD_CYRILLIC.test(s) && transliterate(s, 'bgn') !== transliterate(s, 'informal'),
    );
    const word = this.random.pick(RUSSIAN_WORDS);
    const base = this.random.weighted([
      [`${stem} ${word}`, 55],
      [`${stem}-${word}`, 20],
      [`${stem}${word.toLowerCase()}`, 10],
      [stem, 15],
    ]);
    const bgn = transliterate(base, 'bgn');
    const informal = transliterate(base, 'informal');
    const cyrillic = `${cyrillicForm} «${base}»`;
    const name = `${latinForm} ${bgn}`;
    return this.finish(
      name,
      [cyrillic, `${informal} ${englishForm}`],
      [
        `${cyrillicForm} "${base}"`,
        `${englishForm} ${informal}`,
        `${latinForm} "${upper(bgn)}"`,
        `${bgn} ${latinForm}`,
        upper(name),
        `${latinForm} ${informal}`,
        `${englishForm} "${bgn}"`,
      ],
      [cyrillic],
    );
  }

  private chinese(country: 'HK' | 'CN'): OrgName {
    let pinyin: [string, string][];
    let attempt = 0;
    do pinyin = Array.from({ length: attempt++ > 30 ? 4 : 3 }, () => this.random.pick(PINYIN));
    while (!this.claim(pinyin.map(([p]) => p).join('')));
    const stem = capitalize(pinyin.map(([p]) => p).join(''));
    const spaced = pinyin.map(([p]) => capitalize(p)).join(' ');
    const hanzi = pinyin.map(([, h]) => h).join('');
    const [word, wordZh] = this.random.pick(CHINESE_WORDS);
    const group = this.random.pick(LEGAL_FORMS[country]);
    const forms = group.slice(1).map((form) => `${stem} ${word} ${form}`);
    if (country === 'HK') {
      const hk = this.random.chance(0.4) ? ' (HK)' : '';
      const name = `${stem} ${word}${hk} ${group[0]}`;
      const chinese = hk ? `${hanzi}${wordZh}(香港)有限公司` : `香港${hanzi}${wordZh}有限公司`;
      return this.finish(
        name,
        [upper(noPunctuation(name))],
        [
          ...forms,
          `${stem} ${word} (Hong Kong) ${group[0]}`,
          `${spaced} ${word} ${group[0]}`,
          abbreviate(name),
          chinese,
        ],
        [chinese],
      );
    }
    const [city, cityZh] = this.random.pick(CHINESE_CITIES);
    const name = `${city} ${stem} ${word} ${group[0]}`;
    const chinese = `${cityZh}${hanzi}${wordZh}有限公司`;
    return this.finish(
      name,
      [`${stem} ${word} ${group[0]}`],
      [
        ...forms,
        `${stem} ${word} (${city}) ${group[0]}`,
        upper(name),
        `${city} ${spaced} ${word} ${group[0]}`,
        chinese,
      ],
      [chinese],
    );
  }

  private turkish(): OrgName {
    const stem = this.stem(TURKISH);
    const base = `${stem} ${this.random.pick(TURKISH_WORDS)}`;
    const group = this.random.weighted([
      [LEGAL_FORMS.TR[0], 85],
      [LEGAL_FORMS.TR[1], 15],
    ]);
    const name = `${base} Sanayi ve Ticaret ${group[0]}`;
    return this.finish(
      name,
      [`${base} San. ve Tic. ${group[0]}`],
      [
        ...group.slice(1).map((form) => `${base} Sanayi ve Ticaret ${form}`),
        upper(ascii(abbreviate(name))),
        `${base} ${group[0]}`,
        upper(noPunctuation(ascii(`${base} ${group[0]}`))),
        base,
      ],
    );
  }

  private persian(): OrgName {
    const pars = this.random.chance(0.2) ? 'Pars ' : '';
    const base = `${pars}${this.stem(PERSIAN)} ${this.random.pick(PERSIAN_WORDS)}`;
    const [form, ...others] = LEGAL_FORMS.IR[0];
    const name = `${base} ${form}`;
    return this.finish(
      name,
      [`Sherkat-e ${base}`],
      [...others.map((other) => `${base} ${other}`), upper(name), base, upper(noPunctuation(name))],
    );
  }
}
