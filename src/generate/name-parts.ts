/**
 * The pieces fictional company names are made of. Stems are invented: syllables put together at
 * random (and checked against the real manufacturers and distributors), so no name is meant to be a
 * real company's; the words around them are the ordinary words of trade names.
 */

export interface Syllables {
  onsets: string[];
  vowels: string[];
  codas: string[];
}

/** Space-separated sounds; `-` is no coda. Repeating a sound makes it more frequent. */
const syllables = (onsets: string, vowels: string, codas: string): Syllables => ({
  onsets: onsets.split(' '),
  vowels: vowels.split(' '),
  codas: codas.split(' ').map((c) => (c === '-' ? '' : c)),
});

/** `|`-separated words or phrases. */
const list = (text: string): string[] => text.split('|').map((w) => w.trim());

/** `English=中文|...` pairs. */
const pairs = (text: string): [string, string][] =>
  list(text).map((pair) => pair.split('=') as [string, string]);

export const LATIN = syllables(
  'b d f g k l m n p r s t v z br dr kr tr st gl pl kl qu x',
  'a e i o u a e i o u y',
  '- - - - - n r l x s m k',
);
export const TURKISH = syllables(
  'b c ç d g k l m n p r s ş t v y z',
  'a e ı i o ö u ü',
  '- - - - n r l k z ş t',
);
export const PERSIAN = syllables(
  'b d f gh h j k kh m n p r s sh t v z',
  'a e i o u aa',
  '- - - - n r d z m sh b',
);
export const CYRILLIC = syllables(
  'б в г д ж з к л м н п р с т ф х ц ч ш щ',
  'а о е и у ы ю я',
  '- - - - н р л к с м й в',
);
/** Cyrillic pairs Russian spelling avoids (`кы`, `шю`). */
export const BAD_CYRILLIC = /[кгхжшчщ][ыюя]|[жшчщц]ы/;

/** Pinyin syllables with a character each, for Chinese trade names (`Xinruitai`, 鑫瑞泰). */
export const PINYIN = pairs(
  'xin=鑫|rui=瑞|tai=泰|hong=宏|da=达|sheng=盛|feng=丰|yuan=源|jia=佳|kang=康|long=龙|heng=恒|' +
    'guang=光|chuang=创|tong=通|hui=汇|jin=金|cheng=诚|fu=富|hao=浩|lian=联|mao=茂|qi=启|rong=荣|' +
    'shun=顺|tian=天|wei=威|xiang=祥|yi=益|zhan=展|zhi=智|ke=科|bo=博|chen=辰|ding=鼎|ge=格|jun=骏|' +
    'ming=明|pu=普|sen=森|ya=雅|yu=宇|ze=泽',
);
export const CHINESE_WORDS = pairs(
  'Electronics=电子|Technology=科技|Trading=贸易|Industrial=实业|Microelectronics=微电子|' +
    'Semiconductor=半导体|Supply Chain=供应链|Electronic Technology=电子科技|' +
    'International Trading=国际贸易',
);
export const CHINESE_CITIES = pairs(
  'Shenzhen=深圳|Shanghai=上海|Guangzhou=广州|Dongguan=东莞|Suzhou=苏州|Xiamen=厦门|Ningbo=宁波',
);

export const TRADE_WORDS = list(
  'Trading|Electronics|Components|Technology|International|Supply|Microelectronics|' +
    'Global Trading|Semiconductor|Electronic Components|Industrial',
);
export const BUYER_WORDS = list(
  'Robotics|Automation|Systems|Engineering|Instruments|Electronics|Industries|Devices|Telecom|' +
    'Solutions|Controls|Energy|Marine|Medical',
);
export const GULF_WORDS = list(
  'General Trading|Electronics Trading|Technologies|Components Trading|Trading',
);
export const TURKISH_WORDS = list(
  'Elektronik|Teknoloji|Bilişim|Elektrik Elektronik|Mühendislik|Endüstriyel Ürünler',
);
export const PERSIAN_WORDS = list(
  'Sanat|Tejarat|Fanavari|Electronic|Bazargani|Tadarokat|Sazeh|Sanaye',
);
export const RUSSIAN_WORDS = list(
  'Трейд|Электроникс|Комплект|Снаб|Техно|Импорт|Системс|Приборы|Микро|Радио|Логистик|Групп|' +
    'Технологии|Электро|Компонент|Инжиниринг|Альянс|Поставка',
);
