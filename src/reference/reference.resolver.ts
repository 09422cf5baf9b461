import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator.js';
import type { ReferenceLoaders } from './reference.loaders.js';
import { Role } from '../auth/role.enum.js';
import { CountriesArgs, HsCodesArgs } from './dto/reference.args.js';
import {
  CountryConnection,
  CountryModel,
  HsCodeConnection,
  HsCodeModel,
} from './reference.model.js';
import { ReferenceService } from './reference.service.js';

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
  hsCode(@Args('code') code: string, @Context('loaders') loaders: ReferenceLoaders) {
    return loaders.hsCodeByCode.load(code.replace(/[\s.]/g, ''));
  }

  @Query(() => CountryConnection, { description: 'Countries with their sanctions risk group.' })
  @Roles(Role.ANALYST)
  countries(@Args() args: CountriesArgs) {
    return this.reference.countries(args);
  }

  @Query(() => CountryModel, { nullable: true })
  @Roles(Role.ANALYST)
  country(@Args('code') code: string, @Context('loaders') loaders: ReferenceLoaders) {
    return loaders.countryByCode.load(code.trim().toUpperCase());
  }
}
