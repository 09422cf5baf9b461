export enum VerificationStatus {
  REPORTED = 'REPORTED',
  VERIFIED = 'VERIFIED',
  DISPUTED = 'DISPUTED',
  RETRACTED = 'RETRACTED',
}
