/** Countries with weights, written `'HK 25 CN 15'`: how often each is drawn. */
export type Weights = [country: string, weight: number][];

export const weights = (text: string): Weights => {
  const words = text.trim().split(/\s+/);
  return Array.from({ length: words.length / 2 }, (_, i) => [
    words[2 * i],
    Number(words[2 * i + 1]),
  ]);
};

/** Hub distributors that buy from the makers: the transshipment points of the FinCEN/BIS alerts. */
export const DISTRIBUTOR_COUNTRIES = weights(
  'HK 25 CN 15 SG 12 AE 10 TR 8 IN 8 TW 5 IL 3 MX 3 RS 2',
);
/** Hub traders of non-coalition goods, who also supply Russia, Belarus and Iran. */
export const TRADER_COUNTRIES = weights(
  'CN 25 HK 20 AE 12 TR 10 KZ 8 KG 6 AM 5 GE 4 UZ 4 IN 3 RS 2 TJ 1',
);
/** Fronts of the planted routes (and new traders of the decoys). */
export const FRONT_COUNTRIES = weights('HK 30 AE 15 TR 15 KZ 10 KG 8 AM 7 GE 5 UZ 5 RS 3 CN 2');
export const IMPORTER_COUNTRIES = weights('RU 72 IR 20 BY 8');
/** Ordinary buyers in coalition countries. */
export const PARTNER_BUYER_COUNTRIES = weights(
  'US 25 DE 15 JP 10 GB 8 FR 7 KR 6 IT 6 NL 5 CA 4 PL 4 ES 4 SE 3 CZ 3 AU 3 CH 3 AT 2 BE 2 FI 1 IE 1',
);
/** Ordinary buyers elsewhere. */
export const OTHER_BUYER_COUNTRIES = weights(
  'VN 12 BR 10 TH 8 MY 8 ID 7 MX 6 PH 5 EG 5 SA 5 ZA 5 CL 4 AR 4 CO 3 PE 3 PK 3 BD 3 MA 3 NG 3 KE 2 LK 1',
);
/** Destinations of the planted routes. */
export const DESTINATION_COUNTRIES = weights('RU 70 IR 22 BY 8');

/** Where coalition-made goods without a known maker come from (the country of origin). */
export const PARTNER_ORIGINS = weights(
  'US 30 JP 12 DE 12 KR 8 GB 6 FR 6 NL 6 CH 5 IT 4 AT 3 IE 3 CA 3 SE 2',
);
/** Where the goods hub traders sell to Russia and Iran are made: outside the coalition. */
export const EASTERN_ORIGINS = weights('CN 60 TW 8 MY 7 VN 5 IN 5 TR 4 TH 4');
