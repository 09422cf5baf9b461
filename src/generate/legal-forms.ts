/**
 * Legal forms as customs records write them. Each group holds the spellings of one legal form that
 * the same company is found under (`Limited`, `Ltd`, `Co., Limited`); the first is the registered one.
 */
export const LEGAL_FORMS: Record<string, string[][]> = {
  HK: [
    ['Limited', 'Ltd', 'Ltd.', 'Co., Limited', 'Company Limited'],
    ['Co., Limited', 'Co., Ltd.', 'Co Ltd', 'Limited'],
  ],
  CN: [['Co., Ltd.', 'Co., Limited', 'Co Ltd', 'Company Limited', 'Ltd']],
  TW: [
    ['Co., Ltd.', 'Co Ltd', 'Company Limited'],
    ['Corp.', 'Corporation', 'Corp'],
  ],
  SG: [['Pte. Ltd.', 'Pte Ltd', 'Private Limited', 'PTE LTD']],
  AE: [
    ['FZE', 'F.Z.E.', 'Free Zone Establishment'],
    ['FZCO', 'FZ Co.', 'F.Z.CO'],
    ['LLC', 'L.L.C.', 'Co. LLC'],
  ],
  TR: [
    ['Ltd. Şti.', 'Ltd. Sti.', 'Limited Şirketi', 'LTD. ŞTİ.'],
    ['A.Ş.', 'A.S.', 'Anonim Şirketi'],
  ],
  IN: [['Pvt. Ltd.', 'Private Limited', 'Pvt Ltd', 'P. Ltd.']],
  AM: [['LLC', 'L.L.C.', 'Ltd']],
  GE: [['LLC', 'Ltd', 'L.L.C.']],
  RS: [['d.o.o.', 'DOO', 'd.o.o. Beograd']],
  IL: [['Ltd.', 'Ltd', 'Limited']],
  MX: [['S.A. de C.V.', 'SA de CV', 'S.A. DE C.V.']],
  BR: [
    ['Ltda.', 'LTDA', 'Limitada'],
    ['S.A.', 'SA'],
  ],
  ZA: [['(Pty) Ltd', 'Pty Ltd', 'Proprietary Limited']],
  US: [
    ['Inc.', 'Inc', 'Incorporated'],
    ['LLC', 'L.L.C.'],
    ['Corp.', 'Corporation', 'Corp'],
  ],
  CA: [
    ['Inc.', 'Inc', 'Incorporated'],
    ['Ltd.', 'Limited', 'Ltd'],
  ],
  GB: [['Ltd', 'Limited', 'Ltd.']],
  IE: [['Ltd', 'Limited', 'Ltd.']],
  DE: [
    ['GmbH', 'G.m.b.H.', 'GMBH'],
    ['AG', 'A.G.'],
  ],
  AT: [['GmbH', 'G.m.b.H.', 'Ges.m.b.H.']],
  CH: [
    ['AG', 'A.G.'],
    ['SA', 'S.A.'],
    ['GmbH', 'G.m.b.H.'],
  ],
  FR: [
    ['SAS', 'S.A.S.'],
    ['SARL', 'S.A.R.L.', 'Sarl'],
  ],
  IT: [
    ['S.r.l.', 'SRL', 'Srl'],
    ['S.p.A.', 'SpA', 'SPA'],
  ],
  NL: [['B.V.', 'BV', 'B.V']],
  BE: [['BV', 'B.V.', 'BVBA']],
  ES: [
    ['S.L.', 'SL', 'Sociedad Limitada'],
    ['S.A.', 'SA'],
  ],
  PL: [['Sp. z o.o.', 'Sp. z.o.o.', 'SP Z OO']],
  CZ: [['s.r.o.', 'spol. s r.o.', 'SRO']],
  SE: [['AB', 'Aktiebolag']],
  FI: [['Oy', 'OY', 'Ltd']],
  JP: [['Co., Ltd.', 'Co Ltd', 'K.K.', 'Kabushiki Kaisha']],
  KR: [
    ['Co., Ltd.', 'Co Ltd', 'Company Limited'],
    ['Corp.', 'Corporation'],
  ],
  AU: [['Pty Ltd', 'Pty. Ltd.', 'Proprietary Limited']],
  VN: [
    ['Co., Ltd', 'Company Limited', 'Co Ltd'],
    ['JSC', 'Joint Stock Company', 'J.S.C.'],
  ],
  TH: [['Co., Ltd.', 'Company Limited', 'Co Ltd']],
  MY: [['Sdn. Bhd.', 'Sdn Bhd', 'SDN BHD']],
  PH: [['Inc.', 'Inc', 'Corporation']],
  EG: [['S.A.E.', 'SAE', 'LLC']],
  CL: [['SpA', 'S.p.A.', 'Ltda.']],
  AR: [['S.A.', 'SA', 'S.R.L.']],
  CO: [['S.A.S.', 'SAS', 'S.A.']],
  SA: [['Co.', 'Company', 'Co. Ltd.']],
  IR: [['Co.', 'Company', 'Co. Ltd.', 'PJS Co.']],
};

export const DEFAULT_LEGAL_FORMS: string[][] = [
  ['Ltd', 'Limited', 'Ltd.'],
  ['Co.', 'Company', 'Co'],
];

/** Countries whose legal form comes first (`PT Maju`). */
export const PREFIX_LEGAL_FORMS: Record<string, string[][]> = { ID: [['PT', 'P.T.']] };

/**
 * Legal forms of Russian-speaking countries: in Cyrillic, its Latin transliteration, the English
 * equivalent; with how often each form is met. `ООО` is the Russian LLC, `ТОО` Kazakhstan's LLP.
 */
export const CYRILLIC_LEGAL_FORMS: Record<string, [[string, string, string], number][]> = {
  RU: [
    [['ООО', 'OOO', 'LLC'], 75],
    [['АО', 'AO', 'JSC'], 15],
    [['ЗАО', 'ZAO', 'CJSC'], 5],
    [['ПАО', 'PAO', 'PJSC'], 5],
  ],
  BY: [
    [['ООО', 'OOO', 'LLC'], 70],
    [['ОАО', 'OAO', 'OJSC'], 20],
    [['ЧУП', 'ChUP', 'PUE'], 10],
  ],
  KZ: [[['ТОО', 'TOO', 'LLP'], 1]],
  KG: [[['ОсОО', 'OsOO', 'LLC'], 1]],
  UZ: [
    [['ООО', 'OOO', 'LLC'], 60],
    [['МЧЖ', 'MChJ', 'LLC'], 40],
  ],
  TJ: [[['ООО', 'OOO', 'LLC'], 1]],
};

/** Words that customs clerks shorten. */
export const ABBREVIATIONS: Record<string, string> = {
  Trading: 'Trdg',
  International: "Int'l",
  Electronics: 'Elec.',
  Electronic: 'Elec.',
  Technology: 'Tech.',
  Technologies: 'Tech.',
  Components: 'Comp.',
  Industrial: 'Ind.',
  Industries: 'Ind.',
  Microelectronics: 'Microelec.',
  Engineering: 'Eng.',
  Instruments: 'Instr.',
  Systems: 'Sys.',
  Semiconductor: 'Semicon.',
  General: 'Gen.',
  Automation: 'Autom.',
  'Sanayi ve Ticaret': 'San. ve Tic.',
};
