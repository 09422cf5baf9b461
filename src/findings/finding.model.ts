import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/connection.js';
import type { ComponentFindingEntity } from './component-finding.entity.js';
import { VerificationStatus } from './finding.enums.js';

registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description:
    'REPORTED: as published; VERIFIED: confirmed; DISPUTED: contested; RETRACTED: withdrawn as wrong.',
});

@ObjectType('Finding', { description: 'One part recovered from one airframe.' })
export class FindingModel {
  @Field(() => ID) id!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The airframe or sample the part came from (`geran2-1276`).',
  })
  sampleRef!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The marking exactly as read off the part (`TMS320 F28335PGFA G4A-17C76FW`).',
  })
  marking!: string | null;
  @Field(() => String, { nullable: true }) dateCode!: string | null;
  @Field(() => String, { nullable: true }) lotCode!: string | null;
  @Field(() => String, { nullable: true }) serial!: string | null;
  @Field(() => String, { nullable: true, description: 'Date of recovery (YYYY-MM-DD).' })
  recoveredOn!: string | null;
  @Field(() => VerificationStatus) verificationStatus!: VerificationStatus;
  @Field(() => String, {
    nullable: true,
    description: 'The dataset an imported finding came from; null when entered here.',
  })
  source!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The finding’s id in its dataset; unique with `source`.',
  })
  sourceRecordId!: string | null;
  @Field(() => Int) version!: number;
  componentId!: string;
  weaponSystemId!: string | null;
  strikeReportId!: string | null;

  static from = (e: ComponentFindingEntity): FindingModel =>
    Object.assign(new FindingModel(), {
      id: e.id,
      sampleRef: e.sampleRef,
      marking: e.marking,
      dateCode: e.dateCode,
      lotCode: e.lotCode,
      serial: e.serial,
      recoveredOn: e.recoveredOn,
      verificationStatus: e.verificationStatus,
      source: e.source,
      sourceRecordId: e.sourceRecordId,
      version: e.version,
      componentId: e.componentId,
      weaponSystemId: e.weaponSystemId,
      strikeReportId: e.strikeReportId,
    });
}

@ObjectType()
export class FindingConnection extends Connection(FindingModel, 'Finding') {}
