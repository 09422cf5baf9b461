/** Listing authorities; the list names are written with dashes (US-OFAC-SDN) where GraphQL needs underscores. */
export enum SanctionAuthority {
  US_OFAC_SDN = 'US_OFAC_SDN',
  US_BIS_ENTITY = 'US_BIS_ENTITY',
  EU = 'EU',
  UK = 'UK',
  JP = 'JP',
  CA = 'CA',
  CH = 'CH',
  UA = 'UA',
}
