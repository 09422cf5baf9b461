export enum EvidenceKind {
  REPORT = 'REPORT',
  WEB_PAGE = 'WEB_PAGE',
  DOCUMENT = 'DOCUMENT',
  PHOTO = 'PHOTO',
  VIDEO = 'VIDEO',
  DATASET = 'DATASET',
  PHYSICAL_EXAMINATION = 'PHYSICAL_EXAMINATION',
  OTHER = 'OTHER',
}

export enum EvidenceSourceType {
  GOVERNMENT = 'GOVERNMENT',
  BELLIGERENT_GOVERNMENT = 'BELLIGERENT_GOVERNMENT',
  NGO = 'NGO',
  MEDIA = 'MEDIA',
  COMMERCIAL_DATA = 'COMMERCIAL_DATA',
  OWN_EXAMINATION = 'OWN_EXAMINATION',
  OTHER = 'OTHER',
}

/** Admiralty scale, source reliability: A completely reliable … E unreliable, F cannot be judged. */
export enum SourceReliability {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
  F = 'F',
}

export enum EvidenceStatus {
  DRAFT = 'DRAFT',
  REVIEWED = 'REVIEWED',
  PUBLISHED = 'PUBLISHED',
  RETRACTED = 'RETRACTED',
}

export enum EvidenceSubjectType {
  ORGANIZATION = 'ORGANIZATION',
  COMPONENT = 'COMPONENT',
  FINDING = 'FINDING',
  STRIKE = 'STRIKE',
  SHIPMENT = 'SHIPMENT',
  ROUTE = 'ROUTE',
  SANCTION = 'SANCTION',
}

export enum CustodyAction {
  COLLECTED = 'COLLECTED',
  TRANSFERRED = 'TRANSFERRED',
  COPIED = 'COPIED',
  FILE_STORED = 'FILE_STORED',
  HASH_VERIFIED = 'HASH_VERIFIED',
  ANALYZED = 'ANALYZED',
  RELEASED = 'RELEASED',
}
