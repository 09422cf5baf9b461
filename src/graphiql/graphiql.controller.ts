import { existsSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { projectRoot } from '../common/project-root.js';
import { ASSET_CACHE, PAGE_CACHE, PAGE_HEADERS } from './graphiql-headers.js';

/** Where `npm run build` puts the page (see web/graphiql/ and scripts/build.mjs). */
export const GRAPHIQL_DIR = path.join(projectRoot, 'dist', 'graphiql');
/** Names the build gives assets: name-HASH.ext, and their licence notes. */
const ASSET_NAME = /^[A-Za-z0-9_.-]+\.(js|css|json|ttf|woff2?|txt)$/;

/**
 * GET /graphiql: the GraphiQL page, and its files under /graphiql/assets/. Open without a key: the
 * page holds no data; every query it sends to /graphql carries the key typed in its headers editor.
 */
@Controller('graphiql')
export class GraphiqlController {
  @Get()
  @Public()
  page(@Res() reply: FastifyReply): FastifyReply {
    return this.send(reply, 'index.html', PAGE_CACHE);
  }

  @Get('assets/:file')
  @Public()
  asset(@Param('file') file: string, @Res() reply: FastifyReply): FastifyReply {
    if (!ASSET_NAME.test(file) || file.startsWith('.'))
      throw new AppError(ErrorCode.NOT_FOUND, 'No such file of the GraphiQL page');
    return this.send(reply, `assets/${file}`, ASSET_CACHE);
  }

  private send(reply: FastifyReply, file: string, cacheControl: string): FastifyReply {
    if (!existsSync(path.join(GRAPHIQL_DIR, file))) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        file === 'index.html'
          ? 'The GraphiQL page is not built: run `npm run build`'
          : 'No such file of the GraphiQL page',
      );
    }
    void reply.headers({ ...PAGE_HEADERS, 'cache-control': cacheControl });
    return reply.sendFile(file, GRAPHIQL_DIR, { cacheControl: false });
  }
}
