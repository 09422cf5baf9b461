import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { Settings } from '../config/env.js';
import { CustodyService } from './custody.service.js';
import { EvidenceService } from './evidence.service.js';
import { canSee } from './evidence-visibility.js';
import { EvidenceFileEntity } from './evidence-file.entity.js';
import { CustodyAction, EvidenceStatus } from './evidence.enums.js';
import { FileStore, type CopyCheck } from './file-store.js';
import { FileVerificationModel } from './evidence.model.js';
import { receiveUpload } from './multipart-upload.js';

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: string;
}

type DamagedCopy = CopyCheck & { intact: false };

const SHA256 = /^[0-9a-f]{64}$/;

@Injectable()
export class EvidenceFilesService {
  readonly store: FileStore;
  private readonly log = new Logger('EvidenceFiles');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: Settings,
    private readonly evidence: EvidenceService,
    private readonly custody: CustodyService,
    private readonly audit: AuditService,
  ) {
    this.store = new FileStore(settings.dataDir);
  }

  /**
   * Streams the multipart field `file` to disk while hashing it (see `receiveUpload`), then records
   * it (FILE_STORED in the custody log) in the transaction that makes it part of the record. The
   * same content is stored once; when its stored copy is missing or damaged, this upload replaces
   * it and the repair is logged on every record that holds it. A published or retracted record
   * takes no new file, but may take the one it holds again, to repair it.
   */
  async upload(actor: Actor, evidenceId: string, req: FastifyRequest): Promise<StoredFile> {
    const { file, mediaType, originalName } = await receiveUpload(
      req,
      this.store,
      this.settings.EVIDENCE_MAX_BYTES,
    );
    try {
      await this.ds.transaction(async (em) => {
        const record = await this.evidence.lock(em, evidenceId);
        await lockContent(em, file.sha256);
        const files = em.getRepository(EvidenceFileEntity);
        const held = await files.existsBy({ evidenceId, sha256: file.sha256 });
        if (
          !held &&
          (record.status === EvidenceStatus.PUBLISHED || record.status === EvidenceStatus.RETRACTED)
        ) {
          throw new AppError(
            ErrorCode.CONFLICT,
            `Evidence ${evidenceId} is ${record.status}: no files can be added`,
          );
        }
        const holders = await holdersOf(em, file.sha256);
        const before = await this.store.commit(file);
        const repair = holders.length && !before.intact ? before : null;
        if (!held) {
          const row = {
            evidenceId,
            sha256: file.sha256,
            sizeBytes: String(file.size),
            mediaType,
            originalName,
            uploadedById: actor.userId,
          };
          await files.insert(row);
          await this.custody.record(em, actor, evidenceId, CustodyAction.FILE_STORED, {
            sha256: file.sha256,
            note: repair ? repairNote(repair) : originalName,
          });
          await this.audit.record(em, actor, {
            action: 'evidence.fileStore',
            subjectType: 'evidence',
            subjectId: evidenceId,
            after: row,
          });
        }
        if (repair) await this.recordRepair(em, actor, evidenceId, file, repair, holders);
      });
    } finally {
      await this.store.discard(file);
    }
    return { sha256: file.sha256, size: file.size, mediaType };
  }

  /** Re-reads the stored copy; records HASH_VERIFIED with what it found, match or not. */
  verify(actor: Actor, evidenceId: string, sha256: string): Promise<FileVerificationModel> {
    return this.ds.transaction(async (em) => {
      await this.evidence.lock(em, evidenceId);
      const held = await em.getRepository(EvidenceFileEntity).findOneBy({ evidenceId, sha256 });
      if (!held) throw AppError.notFound(`File ${sha256} of evidence`, evidenceId);
      const found = await this.store.check(sha256);
      const actual = found.intact ? sha256 : found.actualSha256;
      await this.custody.record(em, actor, evidenceId, CustodyAction.HASH_VERIFIED, {
        sha256: actual,
        note: found.intact ? 'stored copy matches' : found.finding,
      });
      const result = Object.assign(new FileVerificationModel(), {
        ok: found.intact,
        sha256,
        actualSha256: actual,
        checkedAt: new Date(),
      });
      await this.audit.record(em, actor, {
        action: 'evidence.verifyFile',
        subjectType: 'evidence',
        subjectId: evidenceId,
        after: result,
      });
      return result;
    });
  }

  /**
   * The bytes of a stored file, if it belongs to a record the viewer may see, and only if the
   * stored copy still hashes to its name: a damaged or missing copy is EVIDENCE_FILE_CORRUPT
   * (logged as HASH_VERIFIED with a MISMATCH or MISSING note on every record holding it).
   */
  async open(
    viewer: AuthUser,
    actor: Actor,
    sha256: string,
  ): Promise<{ stream: Readable } & StoredFile> {
    if (!SHA256.test(sha256))
      throw AppError.badInput('A file is named by its SHA-256: 64 lower-case hex digits');
    const rows: { status: EvidenceStatus; media_type: string }[] = await this.ds.query(
      `SELECT e.status, f.media_type FROM evidence_file f JOIN evidence e ON e.id = f.evidence_id
        WHERE f.sha256 = $1 ORDER BY f.created_at`,
      [sha256],
    );
    const visible = rows.find((r) => canSee(viewer.role, r.status));
    if (!visible) throw AppError.notFound('File', sha256);
    const read = await this.store.read(sha256, (late) => {
      this.recordDamage(actor, sha256, late, 'while it was being sent, which was cut short').catch(
        (error: unknown) => this.log.error(error),
      );
    });
    if (!read.intact) {
      await this.recordDamage(actor, sha256, read, 'on download');
      throw new AppError(
        ErrorCode.EVIDENCE_FILE_CORRUPT,
        `The stored copy of file ${sha256} is damaged or missing, so it is not served; ` +
          'uploading the original again repairs it',
        { sha256 },
      );
    }
    return { stream: read.stream, sha256, size: read.size, mediaType: visible.media_type };
  }

  /**
   * HASH_VERIFIED with what was found, on every record holding the file; a finding already the
   * last word in a record's log is not repeated (repeated downloads add one line, not one each).
   */
  private recordDamage(actor: Actor, sha256: string, found: DamagedCopy, when: string) {
    const note = `${found.finding} (file ${sha256}, found ${when})`;
    return this.ds.transaction(async (em) => {
      await lockContent(em, sha256);
      const holders: { evidence_id: string }[] = await em.query(
        `SELECT DISTINCT f.evidence_id FROM evidence_file f
          WHERE f.sha256 = $1
            AND (SELECT c.note FROM custody_event c WHERE c.evidence_id = f.evidence_id
                  ORDER BY c.at DESC, c.id DESC LIMIT 1) IS DISTINCT FROM $2`,
        [sha256, note],
      );
      for (const { evidence_id } of holders) {
        await this.custody.record(em, actor, evidence_id, CustodyAction.HASH_VERIFIED, {
          sha256: found.actualSha256,
          note,
        });
      }
    });
  }

  /** FILE_STORED (REPAIRED) on every record that held the file, and one audit event. */
  private async recordRepair(
    em: EntityManager,
    actor: Actor,
    evidenceId: string,
    file: { sha256: string; size: number },
    before: DamagedCopy,
    holders: string[],
  ): Promise<void> {
    for (const holder of holders) {
      await this.custody.record(em, actor, holder, CustodyAction.FILE_STORED, {
        sha256: file.sha256,
        note: repairNote(before),
      });
    }
    await this.audit.record(em, actor, {
      action: 'evidence.fileRepair',
      subjectType: 'evidence',
      subjectId: evidenceId,
      before: { sha256: file.sha256, found: before.finding, actualSha256: before.actualSha256 },
      after: { sha256: file.sha256, size: file.size, heldBy: holders },
    });
  }
}

const repairNote = (before: DamagedCopy) =>
  `REPAIRED: ${before.finding}; replaced by an upload of the original`;

async function holdersOf(em: EntityManager, sha256: string): Promise<string[]> {
  const rows = await em.query<{ evidence_id: string }[]>(
    'SELECT DISTINCT evidence_id FROM evidence_file WHERE sha256 = $1 ORDER BY evidence_id',
    [sha256],
  );
  return rows.map((r) => r.evidence_id);
}

/** One store operation at a time per content (uploads, repairs and their custody lines). */
const lockContent = (em: EntityManager, sha256: string) =>
  em.query(`SELECT pg_advisory_xact_lock(hashtextextended('evidence file ' || $1, 0))`, [sha256]);
