import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../common/errors.js';
import {
  FileTooLargeError,
  UploadReadError,
  type FileStore,
  type StagedFile,
} from './file-store.js';

/** An upload read off the request: the file staged (hashed, synced), its declared hash checked. */
export interface ReceivedUpload {
  file: StagedFile;
  mediaType: string;
  originalName: string | null;
}

const HOW = 'send the file in a field named `file`, and optionally its SHA-256 in a field `sha256`';
const SHA256 = /^[0-9a-f]{64}$/;
/** RFC 6838 type/subtype (parameters are dropped by the parser). */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_NAME = 255;

/** Errors raised by the multipart parser itself (busboy, @fastify/multipart): the body's fault. */
class MultipartParseError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Reads `POST /evidence/:id/files`: one file in `file`, an optional `sha256`, nothing else. The file
 * is streamed to the store's staging area; anything wrong with the body (a second file, an unknown or
 * oversized field, a malformed or cut-short body, a declared hash that does not match) is
 * BAD_USER_INPUT (PAYLOAD_TOO_LARGE for a file over the limit, UNSUPPORTED_MEDIA_TYPE for a body
 * that is not multipart) and leaves no staged file behind.
 */
export async function receiveUpload(
  req: FastifyRequest,
  store: FileStore,
  maxBytes: number,
): Promise<ReceivedUpload> {
  if (!req.isMultipart())
    throw new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `Send multipart/form-data: ${HOW}`);
  let staged: StagedFile | undefined;
  try {
    let declared: string | undefined;
    let mediaType = 'application/octet-stream';
    let originalName: string | null = null;
    for await (const part of partsOf(req, maxBytes)) {
      if (part.type === 'file') {
        try {
          if (part.fieldname !== 'file' || staged)
            throw unexpected(part.fieldname, 'only one file, in the field `file`');
          mediaType = mediaTypeOf(part.mimetype);
          originalName = nameOf(part.filename);
        } catch (error) {
          part.file.resume();
          throw error;
        }
        staged = await store.stage(part.file, maxBytes);
      } else if (part.fieldname !== 'sha256') {
        throw unexpected(part.fieldname, 'unknown field');
      } else if (declared !== undefined) {
        throw unexpected('sha256', 'given twice');
      } else {
        declared = String(part.value).trim().toLowerCase();
        if (part.valueTruncated || !SHA256.test(declared))
          throw AppError.badInput('sha256 must be 64 hex digits', [
            { field: 'sha256', messages: ['sha256 must be 64 hex digits'] },
          ]);
      }
    }
    if (!staged)
      throw AppError.badInput(`No file: ${HOW}`, [
        { field: 'file', messages: ['file is required'] },
      ]);
    if (declared !== undefined && declared !== staged.sha256) {
      throw AppError.badInput('The file does not match the declared SHA-256: nothing was stored', [
        { field: 'sha256', messages: [`declared ${declared}, received ${staged.sha256}`] },
      ]);
    }
    return { file: staged, mediaType, originalName };
  } catch (error) {
    if (staged) await store.discard(staged);
    throw uploadError(error, maxBytes);
  }
}

/** The parts, with the parser's own errors told apart from the service's (a disk error stays a 500). */
async function* partsOf(req: FastifyRequest, maxBytes: number): AsyncGenerator<Multipart> {
  try {
    yield* req.parts({
      limits: { fileSize: maxBytes, files: 2, fields: 2, parts: 4, fieldSize: 1024 },
    });
  } catch (error) {
    throw new MultipartParseError(error);
  }
}

function uploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof AppError) return error;
  const fromBody = error instanceof MultipartParseError || error instanceof UploadReadError;
  const cause = fromBody ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (error instanceof FileTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The file is larger than the limit of ${maxBytes} bytes`,
    );
  }
  if (!fromBody) return error;
  if (code === 'FST_FILES_LIMIT') return unexpected('file', 'only one file, in the field `file`');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return AppError.badInput(`Too many parts: ${HOW}`);
  if (code === 'FST_PROTO_VIOLATION') return AppError.badInput(`Unexpected field name: ${HOW}`);
  const detail = cause instanceof Error ? cause.message : 'unreadable';
  return AppError.badInput(`The multipart body is malformed or cut short (${detail})`);
}

const unexpected = (field: string, why: string) =>
  AppError.badInput(`Unexpected field \`${field}\`: ${HOW}`, [{ field, messages: [why] }]);

function mediaTypeOf(given: string | undefined): string {
  const type = (given ?? '').trim().toLowerCase();
  if (!type) return 'application/octet-stream';
  if (MEDIA_TYPE.test(type)) return type;
  throw AppError.badInput('The file part has an invalid content type', [
    { field: 'file', messages: ['content-type must be a media type such as image/jpeg'] },
  ]);
}

function nameOf(given: string | undefined): string | null {
  if (!given) return null;
  if (given.length <= MAX_NAME && !CONTROL.test(given)) return given;
  throw AppError.badInput(
    `The file name must be at most ${MAX_NAME} characters, with no controls`,
    [{ field: 'file', messages: ['file name too long or not printable'] }],
  );
}
