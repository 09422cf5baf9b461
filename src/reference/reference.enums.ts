export enum CountryRiskGroup {
  PARTNER = 'PARTNER',
  TRANSSHIPMENT = 'TRANSSHIPMENT',
  DESTINATION_OF_CONCERN = 'DESTINATION_OF_CONCERN',
  OTHER = 'OTHER',
}

/** Common High Priority List tiers, stored as the list writes them. */
export enum ChplTier {
  TIER_1 = '1',
  TIER_2 = '2',
  TIER_3A = '3.A',
  TIER_3B = '3.B',
  TIER_4A = '4.A',
  TIER_4B = '4.B',
}
