import { type BootstrapAccount, bootstrapIdentity } from './platform/access/bootstrap.ts';
import { generateOrgTree } from './platform/org/org.generate.ts';
import type { Services } from './services.ts';

/**
 * What a start needs before it serves: the city's organisation tree (made on the first start), the
 * built-in roles, and on an empty database the three administrator accounts.
 */
export async function bootstrapPlatform(services: Services): Promise<BootstrapAccount[]> {
  const { database, clock, config, audit } = services;
  const tree = await generateOrgTree(database.db, { cityDivisionCode: config.cityDivisionCode, clock });
  return bootstrapIdentity({
    db: database.db,
    clock,
    audit,
    homeUnitId: tree.cityBureauId,
    env: config.variables,
  });
}
