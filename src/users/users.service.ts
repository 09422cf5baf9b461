import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { generateApiKey } from '../auth/api-key.secret.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError, ErrorCode } from '../common/errors.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { key, listOrder } from '../common/graphql/list-order.js';
import { updateVersioned } from '../common/optimistic-lock.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import type { ApiKeysArgs, CreateApiKeyInput, UpdateUserInput } from './dto/api-key.inputs.js';
import { type Role, roleIncludes } from '../auth/role.enum.js';
import { UserModel } from '../auth/user.model.js';
import { ApiKeyModel, type CreatedApiKeyModel } from './api-key.model.js';

/** Newest key first. */
const API_KEYS_NEWEST = listOrder<ApiKeyEntity>('apiKey.newest', 'DESC', [
  key.instant('created_at', (k) => k.createdAt),
  key.id(),
]);

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** A new key for `email` (the user is created when new). The secret is in the answer, only there. */
  createApiKey(
    actor: Actor,
    input: CreateApiKeyInput,
    callerRole?: Role,
  ): Promise<CreatedApiKeyModel> {
    return this.ds.transaction((em) => this.createApiKeyIn(em, actor, input, callerRole));
  }

  /**
   * A caller (an ADMIN, as the API has it) may give a key any role up to its own, to any user; a
   * key above the user's role raises the user to it, audited, so the key works as issued. Without
   * `callerRole` (the command line, the first start) any role may be given.
   */
  async createApiKeyIn(
    em: EntityManager,
    actor: Actor,
    input: CreateApiKeyInput,
    callerRole?: Role,
  ): Promise<CreatedApiKeyModel> {
    if (callerRole && !roleIncludes(callerRole, input.role)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `A key may not carry a role above your own (${callerRole}); asked for ${input.role}`,
      );
    }
    const users = em.getRepository(AppUserEntity);
    const created: unknown[] = await em.query(
      'INSERT INTO app_user (email, role) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING id',
      [input.email, input.role],
    );
    const user = await users
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.email = :email', { email: input.email })
      .getOneOrFail();
    if (user.disabledAt) throw new AppError(ErrorCode.CONFLICT, `User ${user.email} is disabled`);
    if (created.length) {
      await this.audit.record(em, actor, {
        action: 'user.create',
        subjectType: 'user',
        subjectId: user.id,
        after: user,
      });
    }
    if (user.role !== input.role && roleIncludes(input.role, user.role)) {
      const { before, after } = await updateVersioned(
        em,
        AppUserEntity,
        'User',
        user.id,
        user.version,
        {
          role: input.role,
        },
      );
      await this.audit.record(em, actor, {
        action: 'user.update',
        subjectType: 'user',
        subjectId: user.id,
        before,
        after,
      });
    }
    const key = generateApiKey();
    const row = await em.getRepository(ApiKeyEntity).save({
      userId: user.id,
      prefix: key.prefix,
      keyHash: key.keyHash,
      role: input.role,
      label: input.label ?? null,
    });
    await this.audit.record(em, actor, {
      action: 'apiKey.create',
      subjectType: 'apiKey',
      subjectId: row.id,
      after: row,
    });
    return { secret: key.secret, apiKey: ApiKeyModel.from(row) };
  }

  /** Revokes a key at once; revoking a revoked key changes nothing. */
  revokeApiKey(actor: Actor, id: string): Promise<ApiKeyModel> {
    return this.ds.transaction(async (em) => {
      const keys = em.getRepository(ApiKeyEntity);
      const before = await keys
        .createQueryBuilder('k')
        .setLock('pessimistic_write')
        .where('k.id = :id', { id })
        .getOne();
      if (!before) throw AppError.notFound('API key', id);
      if (before.revokedAt) return ApiKeyModel.from(before);
      await keys.update({ id }, { revokedAt: () => 'now()' });
      const after = await keys.findOneByOrFail({ id });
      await this.audit.record(em, actor, {
        action: 'apiKey.revoke',
        subjectType: 'apiKey',
        subjectId: id,
        before,
        after,
      });
      return ApiKeyModel.from(after);
    });
  }

  updateUser(actor: Actor, input: UpdateUserInput): Promise<UserModel> {
    return this.ds.transaction(async (em) => {
      const changes: Partial<AppUserEntity> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.role !== undefined) changes.role = input.role;
      if (input.disabled !== undefined) changes.disabledAt = input.disabled ? new Date() : null;
      const { before, after } = await updateVersioned(
        em,
        AppUserEntity,
        'User',
        input.id,
        input.expectedVersion,
        changes,
      );
      await this.audit.record(em, actor, {
        action: 'user.update',
        subjectType: 'user',
        subjectId: input.id,
        before,
        after,
      });
      return UserModel.from(after);
    });
  }

  /** Newest first; revoked keys only when asked. */
  listApiKeys(args: ApiKeysArgs): Promise<Page<ApiKeyModel>> {
    const qb = this.ds.getRepository(ApiKeyEntity).createQueryBuilder('k');
    if (!args.filter?.includeRevoked) qb.andWhere('k.revoked_at IS NULL');
    if (args.filter?.email) {
      qb.andWhere('k.user_id IN (SELECT id FROM app_user WHERE email = :email)', {
        email: args.filter.email,
      });
    }
    return paginate(qb, args, {
      order: API_KEYS_NEWEST,
      toNode: ApiKeyModel.from,
    });
  }
}
