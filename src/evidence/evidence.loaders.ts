import DataLoader from 'dataloader';
import { type DataSource, In, type ObjectLiteral } from 'typeorm';
import { byIdLoader } from '../common/graphql/by-id.loader.js';
import { CustodyEventEntity } from './custody-event.entity.js';
import { EvidenceCorroborationEntity } from './evidence-corroboration.entity.js';
import { EvidenceFileEntity } from './evidence-file.entity.js';
import { EvidenceLinkEntity } from './evidence-link.entity.js';
import { EvidenceEntity } from './evidence.entity.js';
import type { EvidenceSubjectType } from './evidence.enums.js';
import {
  CorroborationModel,
  CustodyEventModel,
  EvidenceFileModel,
  EvidenceLinkModel,
  EvidenceModel,
} from './evidence.model.js';

/** Children of many evidence records in one query, in the given order. */
function childrenOf<E extends ObjectLiteral & { evidenceId: string }, M>(
  ds: DataSource,
  entity: new () => E,
  order: Record<string, 'ASC' | 'DESC'>,
  toModel: (e: E) => M,
): DataLoader<string, M[]> {
  return new DataLoader<string, M[]>(async (ids) => {
    const rows = await ds
      .getRepository(entity)
      .find({ where: { evidenceId: In([...ids]) } as never, order: order as never });
    const byEvidence = new Map<string, M[]>();
    for (const row of rows)
      byEvidence.set(row.evidenceId, [...(byEvidence.get(row.evidenceId) ?? []), toModel(row)]);
    return ids.map((id) => byEvidence.get(id) ?? []);
  });
}

export const evidenceLoaders = (ds: DataSource) => ({
  evidenceById: byIdLoader(ds, EvidenceEntity, EvidenceModel.from),
  filesByEvidence: childrenOf(
    ds,
    EvidenceFileEntity,
    { createdAt: 'ASC', id: 'ASC' },
    EvidenceFileModel.from,
  ),
  linksByEvidence: childrenOf(
    ds,
    EvidenceLinkEntity,
    { createdAt: 'ASC', id: 'ASC' },
    EvidenceLinkModel.from,
  ),
  custodyByEvidence: childrenOf(
    ds,
    CustodyEventEntity,
    { at: 'ASC', id: 'ASC' },
    CustodyEventModel.from,
  ),
  /** Corroborations seen from either side of the pair. */
  corroborationsByEvidence: new DataLoader<string, CorroborationModel[]>(async (ids) => {
    const rows = await ds.getRepository(EvidenceCorroborationEntity).find({
      where: [{ evidenceId: In([...ids]) }, { otherEvidenceId: In([...ids]) }],
      order: { createdAt: 'ASC' },
    });
    return ids.map((id) =>
      rows
        .filter((r) => r.evidenceId === id || r.otherEvidenceId === id)
        .map((r) =>
          Object.assign(new CorroborationModel(), {
            sharedOrigin: r.sharedOrigin,
            note: r.note,
            otherEvidenceId: r.evidenceId === id ? r.otherEvidenceId : r.evidenceId,
          }),
        ),
    );
  }),
  /** Evidence linked to a subject, keyed `TYPE:id`, newest first (visibility is the resolver's). */
  evidenceBySubject: new DataLoader<string, EvidenceModel[]>(async (keys) => {
    const pairs = keys.map((k) => k.split(':') as [EvidenceSubjectType, string]);
    const rows: (Record<string, unknown> & { subject_type: string; subject_id: string })[] =
      await ds.query(
        `SELECT DISTINCT ON (l.subject_type, l.subject_id, e.id) l.subject_type, l.subject_id, e.id
         FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id
        WHERE (l.subject_type::text, l.subject_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
    const evidence = await ds.getRepository(EvidenceEntity).find({
      where: { id: In([...new Set(rows.map((r) => r.id as string))]) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return keys.map((key) => {
      const ids = new Set(
        rows.filter((r) => `${r.subject_type}:${r.subject_id}` === key).map((r) => r.id as string),
      );
      return evidence.filter((e) => ids.has(e.id)).map(EvidenceModel.from);
    });
  }),
});

export type EvidenceLoaders = ReturnType<typeof evidenceLoaders>;
