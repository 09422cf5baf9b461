import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ParseIdPipe } from '../common/graphql/parse-id.pipe.js';
import type { UserLoaders } from '../auth/user.loaders.js';
import type { EvidenceLoaders } from './evidence.loaders.js';
import { Role } from '../auth/role.enum.js';
import { UserModel } from '../auth/user.model.js';
import {
  AddEvidenceInput,
  CorroborateEvidenceInput,
  LinkEvidenceInput,
  RecordCustodyEventInput,
  SetEvidenceStatusInput,
  UpdateEvidenceInput,
  VerifyEvidenceFileInput,
} from './dto/evidence.inputs.js';
import { EvidenceRecordsArgs } from './dto/evidence.args.js';
import { EvidenceFilesService } from './evidence-files.service.js';
import { canSee } from './evidence-visibility.js';
import {
  EvidenceConnection,
  CorroborationModel,
  CustodyEventModel,
  EvidenceFileModel,
  EvidenceLinkModel,
  EvidenceModel,
  FileVerificationModel,
} from './evidence.model.js';
import { EvidenceService } from './evidence.service.js';

@Resolver(() => EvidenceModel)
export class EvidenceResolver {
  constructor(
    private readonly records: EvidenceService,
    private readonly fileService: EvidenceFilesService,
  ) {}

  @Query(() => EvidenceConnection, {
    description: 'Evidence records, newest first; analysts see published ones.',
  })
  @Roles(Role.ANALYST)
  evidenceRecords(@Args() args: EvidenceRecordsArgs, @CurrentUser() viewer: AuthUser) {
    return this.records.list(viewer, args);
  }

  @Query(() => EvidenceModel, {
    nullable: true,
    description: 'Null when unknown or not visible to you.',
  })
  @Roles(Role.ANALYST)
  evidence(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentUser() viewer: AuthUser,
  ) {
    return this.records.byId(viewer, id);
  }

  @Mutation(() => EvidenceModel, {
    description: 'A new DRAFT record; COLLECTED starts its chain of custody.',
  })
  @Roles(Role.INVESTIGATOR)
  addEvidence(@Args('input') input: AddEvidenceInput, @CurrentActor() actor: Actor) {
    return this.records.add(actor, input);
  }

  @Mutation(() => EvidenceModel)
  @Roles(Role.INVESTIGATOR)
  updateEvidence(@Args('input') input: UpdateEvidenceInput, @CurrentActor() actor: Actor) {
    return this.records.update(actor, input);
  }

  @Mutation(() => EvidenceModel, {
    description:
      'DRAFT → REVIEWED → PUBLISHED, RETRACTED from any; the author cannot review or publish.',
  })
  @Roles(Role.INVESTIGATOR)
  setEvidenceStatus(@Args('input') input: SetEvidenceStatusInput, @CurrentActor() actor: Actor) {
    return this.records.setStatus(actor, input);
  }

  @Mutation(() => EvidenceLinkModel)
  @Roles(Role.INVESTIGATOR)
  linkEvidence(@Args('input') input: LinkEvidenceInput, @CurrentActor() actor: Actor) {
    return this.records.link(actor, input);
  }

  @Mutation(() => CorroborationModel, {
    description: 'Marks two records as corroborating each other.',
  })
  @Roles(Role.INVESTIGATOR)
  corroborateEvidence(
    @Args('input') input: CorroborateEvidenceInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.records.corroborate(actor, input);
  }

  @Mutation(() => CustodyEventModel)
  @Roles(Role.INVESTIGATOR)
  recordCustodyEvent(@Args('input') input: RecordCustodyEventInput, @CurrentActor() actor: Actor) {
    return this.records.recordCustody(actor, input);
  }

  @Mutation(() => FileVerificationModel, {
    description: 'Re-reads the stored copy; logs HASH_VERIFIED.',
  })
  @Roles(Role.INVESTIGATOR)
  verifyEvidenceFile(@Args('input') input: VerifyEvidenceFileInput, @CurrentActor() actor: Actor) {
    return this.fileService.verify(actor, input.evidenceId, input.sha256.toLowerCase());
  }

  @ResolveField(() => [EvidenceFileModel])
  files(@Parent() e: EvidenceModel, @Context('loaders') loaders: EvidenceLoaders & UserLoaders) {
    return loaders.filesByEvidence.load(e.id);
  }

  @ResolveField(() => [EvidenceLinkModel])
  links(@Parent() e: EvidenceModel, @Context('loaders') loaders: EvidenceLoaders & UserLoaders) {
    return loaders.linksByEvidence.load(e.id);
  }

  @ResolveField(() => [CustodyEventModel], { description: 'The chain of custody, oldest first.' })
  custodyEvents(
    @Parent() e: EvidenceModel,
    @Context('loaders') loaders: EvidenceLoaders & UserLoaders,
  ) {
    return loaders.custodyByEvidence.load(e.id);
  }

  @ResolveField(() => [CorroborationModel], { description: 'Corroborating records you may see.' })
  async corroborations(
    @Parent() e: EvidenceModel,
    @Context('loaders') loaders: EvidenceLoaders & UserLoaders,
    @CurrentUser() viewer: AuthUser,
  ) {
    const all = await loaders.corroborationsByEvidence.load(e.id);
    const others = await Promise.all(all.map((c) => loaders.evidenceById.load(c.otherEvidenceId)));
    return all.filter((_, i) => others[i] && canSee(viewer.role, others[i].status));
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The author, who collected it.' })
  collectedBy(
    @Parent() e: EvidenceModel,
    @Context('loaders') loaders: EvidenceLoaders & UserLoaders,
  ) {
    return e.collectedById ? loaders.userById.load(e.collectedById) : null;
  }

  @ResolveField(() => UserModel, { nullable: true })
  reviewedBy(
    @Parent() e: EvidenceModel,
    @Context('loaders') loaders: EvidenceLoaders & UserLoaders,
  ) {
    return e.reviewedById ? loaders.userById.load(e.reviewedById) : null;
  }

  @ResolveField(() => UserModel, { nullable: true })
  publishedBy(
    @Parent() e: EvidenceModel,
    @Context('loaders') loaders: EvidenceLoaders & UserLoaders,
  ) {
    return e.publishedById ? loaders.userById.load(e.publishedById) : null;
  }
}

@Resolver(() => CustodyEventModel)
export class CustodyEventResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Null for the system.' })
  actor(
    @Parent() c: CustodyEventModel,
    @Context('loaders') loaders: EvidenceLoaders & UserLoaders,
  ) {
    return c.actorId ? loaders.userById.load(c.actorId) : null;
  }
}

@Resolver(() => CorroborationModel)
export class CorroborationResolver {
  @ResolveField(() => EvidenceModel)
  evidence(
    @Parent() c: CorroborationModel,
    @Context('loaders') loaders: EvidenceLoaders & UserLoaders,
  ) {
    return loaders.evidenceById.load(c.otherEvidenceId);
  }
}
