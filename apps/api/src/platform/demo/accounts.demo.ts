import { and, asc, eq, isNull } from 'drizzle-orm';
import { staffUser } from '../access/access.schema.ts';
import type { RequestContext } from '../access/principal.ts';
import type { Executor } from '../db/database.ts';
import { type OrgUnitRow, orgUnit } from '../org/org.schema.ts';
import type { DemoContext } from './demo-context.ts';
import { DemoStepError } from './demo-context.ts';
import type { DemoStep } from './demo-registry.ts';

/** Where a demo account works, found in the generated organisation tree. */
type DemoUnit = 'city' | 'county' | 'office' | 'legalAid' | 'department';

interface DemoAccount {
  username: string;
  displayName: string;
  roleCode: string;
  unit: DemoUnit;
}

/**
 * One staff account per built-in business role (the three administrators exist from the first start).
 * Modules add their own (lawyer, mediator, supervisee, citizen) in their `<module>.demo.ts`.
 */
export const platformDemoAccounts: readonly DemoAccount[] = [
  { username: 'leader', displayName: '陈建国', roleCode: 'leader', unit: 'city' },
  { username: 'cityclerk', displayName: '李晓燕', roleCode: 'cityStaff', unit: 'city' },
  { username: 'countyclerk', displayName: '黄志强', roleCode: 'countyStaff', unit: 'county' },
  { username: 'officeclerk', displayName: '韦丽华', roleCode: 'officeStaff', unit: 'office' },
  { username: 'aidclerk', displayName: '梁文静', roleCode: 'legalAidStaff', unit: 'legalAid' },
  { username: 'liaison', displayName: '莫少峰', roleCode: 'liaison', unit: 'department' },
];

/** The district the county and township accounts belong to, when the city has it (Beihai does). */
const demoCountyName = '海城区';

async function children(db: Executor, parentId: number, kind: OrgUnitRow['kind']): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnit)
    .where(and(eq(orgUnit.parentId, parentId), eq(orgUnit.kind, kind), eq(orgUnit.status, 'active')))
    .orderBy(asc(orgUnit.sortOrder), asc(orgUnit.id));
}

/** The units the demo accounts work in; the choice is deterministic for a given tree. */
async function demoUnits(ctx: DemoContext, admin: RequestContext) {
  const { config, org } = ctx.services;
  const db = ctx.services.database.db;
  const [city] = await db
    .select()
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'cityBureau'), eq(orgUnit.divisionCode, config.cityDivisionCode)));
  if (!city) throw new DemoStepError(`机构树中没有${config.cityName}司法局，请先正常启动一次平台`);
  const counties = await children(db, city.id, 'countyBureau');
  const county = counties.find((c) => c.name === `${demoCountyName}司法局`) ?? counties[0];
  if (!county) throw new DemoStepError(`${city.name}下没有县（区）司法局`);
  const office = (await children(db, county.id, 'justiceOffice'))[0];
  if (!office) throw new DemoStepError(`${county.name}下没有司法所`);
  const legalAid = (await children(db, city.id, 'legalAidCentre'))[0] ?? city;
  // A liaison works in another government department; the generated tree has none, so demo data adds one.
  const departmentName = `${config.cityName}市场监督管理局`;
  let [department]: { id: number; name: string }[] = await db
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(and(isNull(orgUnit.parentId), eq(orgUnit.name, departmentName)));
  if (!department) {
    department = await org.createUnit(admin, { parentId: null, kind: 'department', name: departmentName });
    await ctx.track('org_unit', department.id);
  }
  const units: Record<DemoUnit, { id: number; name: string }> = {
    city,
    county,
    office,
    legalAid,
    department,
  };
  return units;
}

export const platformAccountsDemo: DemoStep = {
  id: 'platform.accounts',
  dependsOn: [],
  async run(ctx) {
    const { users, auth } = ctx.services;
    const db = ctx.services.database.db;
    // As the platform's own administrators would: the system administrator makes the account, the
    // security administrator gives it its role (三员分立), and the account holder sets the password.
    const admin = await ctx.asRole('sysAdmin');
    const secAdmin = await ctx.asRole('secAdmin');
    const units = await demoUnits(ctx, admin);
    for (const account of platformDemoAccounts) {
      const [existing] = await db
        .select({ id: staffUser.id, mustChangePassword: staffUser.mustChangePassword })
        .from(staffUser)
        .where(eq(staffUser.username, account.username));
      if (existing && !(await ctx.isTracked('staff_user', existing.id)))
        throw new DemoStepError(`用户名 ${account.username} 已被一个不是演示数据的账号使用`);
      // An earlier run that stopped half-way may have made the account: finish it instead of making it again.
      let userId = existing?.id;
      let currentPassword: string | undefined;
      if (!userId) {
        const { user, initialPassword } = await users.create(admin, {
          username: account.username,
          displayName: account.displayName,
          unitId: units[account.unit].id,
        });
        await ctx.track('staff_user', user.id);
        userId = user.id;
        currentPassword = initialPassword;
      } else if (existing?.mustChangePassword) {
        currentPassword = (await users.resetPassword(admin, userId)).temporaryPassword;
      }
      const view = await users.get(admin, userId);
      if (!view.roles.some((r) => r.code === account.roleCode))
        await users.assignRoles(secAdmin, userId, [account.roleCode]);
      // Demo accounts sign in straight away: the holder sets the demo password, which ends the forced change.
      if (currentPassword) {
        await auth.changePassword(await ctx.as(account.username), {
          currentPassword,
          newPassword: ctx.password,
        });
      }
    }
  },
};
