import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ParseIdPipe } from '../common/graphql/parse-id.pipe.js';
import { Role } from '../auth/role.enum.js';
import { EvidenceFilesService, type StoredFile } from './evidence-files.service.js';

@Controller('evidence')
export class EvidenceFilesController {
  constructor(private readonly files: EvidenceFilesService) {}

  /** Multipart upload: field `file`, optional field `sha256`. Answers `{ sha256, size, mediaType }`. */
  @Post(':id/files')
  @Roles(Role.INVESTIGATOR)
  upload(
    @Param('id', ParseIdPipe) id: string,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<StoredFile> {
    return this.files.upload(actor, id, req);
  }

  /**
   * The stored bytes, with their SHA-256 in `X-Content-SHA256` (and `Repr-Digest`), served only once
   * the stored copy hashes to its name (EVIDENCE_FILE_CORRUPT, HTTP 409, when it does not).
   */
  @Get('files/:sha256')
  @Roles(Role.ANALYST)
  async download(
    @Param('sha256') sha256: string,
    @CurrentUser() viewer: AuthUser,
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.files.open(viewer, actor, sha256);
    return reply
      .header('content-type', file.mediaType)
      .header('content-length', String(file.size))
      .header('x-content-sha256', file.sha256)
      .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(file.stream);
  }
}
