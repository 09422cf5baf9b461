import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { EvidenceLoaders } from './evidence.loaders.js';
import { ComponentModel } from '../components/component.model.js';
import { FindingModel } from '../findings/finding.model.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { RouteModel } from '../routes/route.model.js';
import { SanctionModel } from '../sanctions/sanction.model.js';
import { ShipmentModel } from '../shipments/shipment.model.js';
import { StrikeReportModel } from '../strikes/strike-report.model.js';
import { canSee } from './evidence-visibility.js';
import { EvidenceSubjectType } from './evidence.enums.js';
import { EvidenceModel } from './evidence.model.js';

/** The evidence linked to a subject that the viewer may see, newest first. */
export async function evidenceFor(
  loaders: EvidenceLoaders,
  viewer: AuthUser,
  subjectType: EvidenceSubjectType,
  subjectId: string,
): Promise<EvidenceModel[]> {
  const all = await loaders.evidenceBySubject.load(`${subjectType}:${subjectId}`);
  return all.filter((e) => canSee(viewer.role, e.status));
}

const DESCRIPTION = 'Evidence linked to it (published only, below INVESTIGATOR), newest first.';

/** Adds `evidence: [Evidence!]!` to a subject type, read through one batched loader per request. */
function evidenceField<T extends { id: string }>(
  model: new () => T,
  subjectType: EvidenceSubjectType,
) {
  @Resolver(() => model, { isAbstract: false })
  class SubjectEvidenceResolver {
    @ResolveField(() => [EvidenceModel], { description: DESCRIPTION })
    evidence(
      @Parent() subject: T,
      @Context('loaders') loaders: EvidenceLoaders,
      @CurrentUser() viewer: AuthUser,
    ) {
      return evidenceFor(loaders, viewer, subjectType, subject.id);
    }
  }
  Object.defineProperty(SubjectEvidenceResolver, 'name', {
    value: `${model.name}EvidenceResolver`,
  });
  return SubjectEvidenceResolver;
}

export const SUBJECT_EVIDENCE_RESOLVERS = [
  evidenceField(OrganizationModel, EvidenceSubjectType.ORGANIZATION),
  evidenceField(ComponentModel, EvidenceSubjectType.COMPONENT),
  evidenceField(FindingModel, EvidenceSubjectType.FINDING),
  evidenceField(StrikeReportModel, EvidenceSubjectType.STRIKE),
  evidenceField(ShipmentModel, EvidenceSubjectType.SHIPMENT),
  evidenceField(SanctionModel, EvidenceSubjectType.SANCTION),
  evidenceField(RouteModel, EvidenceSubjectType.ROUTE),
];
