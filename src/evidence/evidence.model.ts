import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { Connection } from '../common/graphql/connection.js';
import type { CustodyEventEntity } from './custody-event.entity.js';
import type { EvidenceFileEntity } from './evidence-file.entity.js';
import type { EvidenceLinkEntity } from './evidence-link.entity.js';
import type { EvidenceEntity } from './evidence.entity.js';
import {
  CustodyAction,
  EvidenceKind,
  EvidenceSourceType,
  EvidenceStatus,
  EvidenceSubjectType,
  SourceReliability,
} from './evidence.enums.js';

registerEnumType(EvidenceKind, { name: 'EvidenceKind' });
registerEnumType(EvidenceSourceType, { name: 'EvidenceSourceType' });
registerEnumType(SourceReliability, {
  name: 'SourceReliability',
  description:
    'Admiralty scale: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged.',
});
registerEnumType(EvidenceStatus, {
  name: 'EvidenceStatus',
  description:
    'DRAFT → REVIEWED → PUBLISHED; RETRACTED from any state. Analysts see PUBLISHED and RETRACTED only.',
});
registerEnumType(EvidenceSubjectType, { name: 'EvidenceSubjectType' });
registerEnumType(CustodyAction, { name: 'CustodyAction' });

@ObjectType('Evidence', { description: 'A source document or file, graded and reviewed.' })
export class EvidenceModel {
  @Field(() => ID) id!: string;
  @Field(() => EvidenceKind) kind!: EvidenceKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) sourceOrganization!: string | null;
  @Field(() => EvidenceSourceType) sourceType!: EvidenceSourceType;
  @Field(() => String, { nullable: true }) sourceUrl!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) retrievedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'A copy kept by an archive (web.archive.org, ...).',
  })
  archivedUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'How it was collected or examined.' })
  method!: string | null;
  @Field(() => SourceReliability, { nullable: true }) sourceReliability!: SourceReliability | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Admiralty scale 1 (confirmed) to 6 (cannot be judged).',
  })
  informationCredibility!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Reliability and credibility together, e.g. `B2`.',
  })
  grade!: string | null;
  @Field(() => EvidenceStatus) status!: EvidenceStatus;
  @Field(() => String, { nullable: true }) statusNote!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) publishedAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => Int) version!: number;
  collectedById!: string | null;
  reviewedById!: string | null;
  publishedById!: string | null;

  static from = (e: EvidenceEntity): EvidenceModel =>
    Object.assign(new EvidenceModel(), {
      id: e.id,
      kind: e.kind,
      title: e.title,
      sourceOrganization: e.sourceOrganization,
      sourceType: e.sourceType,
      sourceUrl: e.sourceUrl,
      retrievedAt: e.retrievedAt,
      archivedUrl: e.archivedUrl,
      method: e.method,
      sourceReliability: e.sourceReliability,
      informationCredibility: e.informationCredibility,
      grade:
        e.sourceReliability && e.informationCredibility
          ? `${e.sourceReliability}${e.informationCredibility}`
          : null,
      status: e.status,
      statusNote: e.statusNote,
      reviewedAt: e.reviewedAt,
      publishedAt: e.publishedAt,
      createdAt: e.createdAt,
      version: e.version,
      collectedById: e.collectedById,
      reviewedById: e.reviewedById,
      publishedById: e.publishedById,
    });
}

@ObjectType('EvidenceFile', {
  description: 'A stored file: fetch it with GET /evidence/files/{sha256}.',
})
export class EvidenceFileModel {
  @Field() sha256!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field() mediaType!: string;
  @Field(() => String, { nullable: true }) originalName!: string | null;
  @Field(() => DateTimeScalar) uploadedAt!: Date;

  static from = (e: EvidenceFileEntity): EvidenceFileModel =>
    Object.assign(new EvidenceFileModel(), {
      sha256: e.sha256,
      size: Number(e.sizeBytes),
      mediaType: e.mediaType,
      originalName: e.originalName,
      uploadedAt: e.createdAt,
    });
}

@ObjectType('EvidenceLink', { description: 'The evidence supports a claim about a subject.' })
export class EvidenceLinkModel {
  @Field(() => ID) id!: string;
  @Field(() => EvidenceSubjectType) subjectType!: EvidenceSubjectType;
  @Field(() => ID) subjectId!: string;
  @Field(() => String, { nullable: true }) claim!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  evidenceId!: string;

  static from = (e: EvidenceLinkEntity): EvidenceLinkModel =>
    Object.assign(new EvidenceLinkModel(), {
      id: e.id,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      claim: e.claim,
      createdAt: e.createdAt,
      evidenceId: e.evidenceId,
    });
}

@ObjectType('CustodyEvent', { description: 'One step of the chain of custody (append-only).' })
export class CustodyEventModel {
  @Field(() => ID) id!: string;
  @Field(() => CustodyAction) action!: CustodyAction;
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => String, { nullable: true, description: 'The SHA-256 seen at this step.' }) sha256!:
    string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  actorId!: string | null;

  static from = (e: CustodyEventEntity): CustodyEventModel =>
    Object.assign(new CustodyEventModel(), {
      id: e.id,
      action: e.action,
      at: e.at,
      sha256: e.sha256,
      note: e.note,
      actorId: e.actorId,
    });
}

@ObjectType('Corroboration', { description: 'Another evidence record that corroborates this one.' })
export class CorroborationModel {
  @Field({
    description:
      'True when both come from the same origin (same wreckage, same leak): not independent.',
  })
  sharedOrigin!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  otherEvidenceId!: string;
}

@ObjectType('FileVerification')
export class FileVerificationModel {
  @Field({ description: 'True when the stored copy still hashes to the SHA-256 recorded for it.' })
  ok!: boolean;
  @Field({ description: 'The SHA-256 recorded for the file.' }) sha256!: string;
  @Field(() => String, {
    nullable: true,
    description: 'What the stored copy hashes to now; null if missing.',
  })
  actualSha256!: string | null;
  @Field(() => DateTimeScalar) checkedAt!: Date;
}

@ObjectType()
export class EvidenceConnection extends Connection(EvidenceModel, 'Evidence') {}
