import { Args, Context, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator.js';
import { Connection } from '../common/graphql/connection.js';
import type { Loaders } from '../common/loaders.js';
import { Role } from '../users/role.enum.js';
import { CountriesArgs, HsCodesArgs } from './dto/reference.args.js';
import { CountryModel, HsCodeModel } from './reference.model.js';
import { ReferenceService } from './reference.service.js';

@ObjectType()
export class HsCodeConnection extends Connection(HsCodeModel, 'HsCode') {}

@ObjectType()
export class CountryConnection extends Connection(CountryModel, 'Country') {}

@Resolver()
export class ReferenceResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Query(() => HsCodeConnection, {
    description: 'HS codes: the CHPL ones with their tier, and every code met in data.',
  })
  @Roles(Role.ANALYST)
  hsCodes(@Args() args: HsCodesArgs) {
    return this.reference.hsCodes(args);
  }

  @Query(() => HsCodeModel, { nullable: true })
  @Roles(Role.ANALYST)
  hsCode(@Args('code') code: string, @Context('loaders') loaders: Loaders) {
    return loaders.hsCodeByCode.load(code.replace(/[\s.]/g, ''));
  }

  @Query(() => CountryConnection, { description: 'Countries with their sanctions risk group.' })
  @Roles(Role.ANALYST)
  countries(@Args() args: CountriesArgs) {
    return this.reference.countries(args);
  }

  @Query(() => CountryModel, { nullable: true })
  @Roles(Role.ANALYST)
  country(@Args('code') code: string, @Context('loaders') loaders: Loaders) {
    return loaders.countryByCode.load(code.trim().toUpperCase());
  }
}
