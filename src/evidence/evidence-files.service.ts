import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { Settings } from '../config/env.js';
import { CustodyService } from './custody.service.js';
import { EvidenceService } from './evidence.service.js';
import { canSee } from './evidence-visibility.js';
import { EvidenceFileEntity } from './evidence-file.entity.js';
import { CustodyAction, EvidenceStatus } from './evidence.enums.js';
import { FileStore, FileTooLargeError, type StagedFile } from './file-store.js';
import { FileVerificationModel } from './evidence.model.js';

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

@Injectable()
export class EvidenceFilesService {
  readonly store: FileStore;

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
   * Streams the multipart field `file` to disk while hashing it; a declared `sha256` field that does not
   * match rejects the upload and stores nothing. The file is recorded (FILE_STORED in the custody log)
   * in the same transaction that makes it part of the record.
   */
  async upload(actor: Actor, evidenceId: string, req: FastifyRequest): Promise<StoredFile> {
    if (!req.isMultipart())
      throw AppError.badInput('Send multipart/form-data with the file in a field named `file`');
    let staged: StagedFile | undefined;
    let committed = false;
    try {
      let declared: string | undefined;
      let mediaType = 'application/octet-stream';
      let originalName: string | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || staged) {
            part.file.resume();
            throw AppError.badInput('Send one file, in the field named `file`', [
              { field: part.fieldname, messages: ['unexpected file'] },
            ]);
          }
          staged = await this.store.stage(part.file, this.settings.EVIDENCE_MAX_BYTES);
          mediaType = part.mimetype || mediaType;
          originalName = part.filename || null;
        } else if (part.fieldname === 'sha256') {
          declared = String(part.value).trim().toLowerCase();
        }
      }
      if (!staged)
        throw AppError.badInput('No file: send it in a field named `file`', [
          { field: 'file', messages: ['file is required'] },
        ]);
      if (declared !== undefined && declared !== staged.sha256) {
        throw AppError.badInput(
          'The file does not match the declared SHA-256: nothing was stored',
          [{ field: 'sha256', messages: [`declared ${declared}, received ${staged.sha256}`] }],
        );
      }
      const file = staged;
      await this.ds.transaction(async (em) => {
        const record = await this.evidence.lock(em, evidenceId);
        if (
          record.status === EvidenceStatus.PUBLISHED ||
          record.status === EvidenceStatus.RETRACTED
        ) {
          throw new AppError(
            ErrorCode.CONFLICT,
            `Evidence ${evidenceId} is ${record.status}: no files can be added`,
          );
        }
        const row = {
          evidenceId,
          sha256: file.sha256,
          sizeBytes: String(file.size),
          mediaType,
          originalName,
          uploadedById: actor.userId,
        };
        const inserted = await em
          .getRepository(EvidenceFileEntity)
          .createQueryBuilder()
          .insert()
          .values(row)
          .orIgnore()
          .execute();
        if (inserted.identifiers.length && inserted.identifiers[0]) {
          await this.custody.record(em, actor, evidenceId, CustodyAction.FILE_STORED, {
            sha256: file.sha256,
            note: originalName,
          });
          await this.audit.record(em, actor, {
            action: 'evidence.fileStore',
            subjectType: 'evidence',
            subjectId: evidenceId,
            after: row,
          });
        }
        await this.store.commit(file);
        committed = true;
      });
      return { sha256: file.sha256, size: file.size, mediaType };
    } catch (error) {
      if (
        error instanceof FileTooLargeError ||
        (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
      ) {
        throw new AppError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          `The file is larger than the limit of ${this.settings.EVIDENCE_MAX_BYTES} bytes`,
        );
      }
      throw error;
    } finally {
      if (staged && !committed) await this.store.discard(staged);
    }
  }

  /** Re-reads the stored copy; records HASH_VERIFIED with what it found, match or not. */
  verify(actor: Actor, evidenceId: string, sha256: string): Promise<FileVerificationModel> {
    return this.ds.transaction(async (em) => {
      await this.evidence.lock(em, evidenceId);
      const held = await em.getRepository(EvidenceFileEntity).findOneBy({ evidenceId, sha256 });
      if (!held) throw AppError.notFound(`File ${sha256} of evidence`, evidenceId);
      const actual = await this.store.rehash(sha256);
      const ok = actual === sha256;
      const note = ok
        ? 'stored copy matches'
        : actual
          ? `MISMATCH: the stored copy hashes to ${actual}`
          : 'MISSING: no stored copy';
      await this.custody.record(em, actor, evidenceId, CustodyAction.HASH_VERIFIED, {
        sha256: actual,
        note,
      });
      const result = Object.assign(new FileVerificationModel(), {
        ok,
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

  /** The bytes of a stored file, if it belongs to a record the viewer may see. */
  async open(viewer: AuthUser, sha256: string): Promise<{ stream: Readable } & StoredFile> {
    if (!SHA256.test(sha256))
      throw AppError.badInput('A file is named by its SHA-256: 64 lower-case hex digits');
    const rows: { status: EvidenceStatus; media_type: string; size_bytes: string }[] =
      await this.ds.query(
        `SELECT e.status, f.media_type, f.size_bytes FROM evidence_file f JOIN evidence e ON e.id = f.evidence_id
        WHERE f.sha256 = $1 ORDER BY f.created_at`,
        [sha256],
      );
    const visible = rows.find((r) => canSee(viewer.role, r.status));
    if (!visible || !(await this.store.exists(sha256))) throw AppError.notFound('File', sha256);
    return {
      stream: this.store.open(sha256),
      sha256,
      size: Number(visible.size_bytes),
      mediaType: visible.media_type,
    };
  }
}
