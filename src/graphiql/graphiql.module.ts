import fastifyStatic from '@fastify/static';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { GRAPHIQL_DIR, GraphiqlController } from './graphiql.controller.js';

/**
 * The GraphiQL page, built by `npm run build` into dist/graphiql/. Files are sent by @fastify/static
 * (content type, ETag and Last-Modified, the gzip or brotli copy the build made when the browser
 * takes it); the controller decides which files and their headers.
 */
@Module({ controllers: [GraphiqlController] })
export class GraphiqlModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(fastifyStatic, {
      root: GRAPHIQL_DIR,
      serve: false,
      preCompressed: true,
      index: false,
      dotfiles: 'deny',
    });
  }
}
