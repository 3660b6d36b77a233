import type { OrgUnitKind, OrgUnitStatus } from '@zhucheng/contracts';

// Pure rules of the organisation tree: names of generated units, materialized paths, the visible forest.

/**
 * Name of the justice office of a town: `<county><town without its 街道/镇/乡 suffix>司法所`, the form the
 * Beihai offices use: 中街街道 in 海城区 → 海城区中街司法所, 廉州镇 in 合浦县 → 合浦县廉州司法所. An ethnic
 * township keeps its full name (古零瑶族乡 → 马山县古零瑶族乡司法所), since its stem alone names a people,
 * not a place. Development zones, state farms and the like are not towns and get no office: undefined.
 */
export function justiceOfficeName(countyName: string, townName: string): string | undefined {
  if (townName.endsWith('族乡')) return `${countyName}${townName}司法所`;
  const stem = townName.match(/^(.+?)(街道办事处|街道|镇|乡)$/)?.[1];
  return stem ? `${countyName}${stem}司法所` : undefined;
}

/** The path of a unit: its parent's path (or `/` for a root) followed by its own id. */
export function unitPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Ids from the root down to the unit itself, read from its path. */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}

/** Whether `path` lies in the subtree rooted at the unit with `rootPath` (the unit itself included). */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

export interface UnitLike {
  id: number;
  parentId: number | null;
  sortOrder: number;
  name: string;
}

export type TreeNode<T extends UnitLike> = T & { children: TreeNode<T>[] };

/**
 * Shapes the visible units as a forest: a unit hangs under its parent when the parent is visible too;
 * otherwise it is a root of what the caller sees (a county clerk sees the county bureau as a root).
 */
export function buildForest<T extends UnitLike>(units: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>();
  for (const u of units) nodes.set(u.id, { ...u, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: TreeNode<T>, b: TreeNode<T>) =>
    a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id;
  const sortDeep = (list: TreeNode<T>[]) => {
    list.sort(order);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** Why a unit may not be disabled or enabled, or undefined when it may. */
export function statusChangeProblem(input: {
  next: OrgUnitStatus;
  activeChildren: number;
  parentStatus: OrgUnitStatus | null;
}): string | undefined {
  if (input.next === 'disabled' && input.activeChildren > 0) {
    return `该机构下还有 ${input.activeChildren} 个在用的下级机构，请先停用或移走这些下级机构`;
  }
  if (input.next === 'active' && input.parentStatus === 'disabled') {
    return '上级机构已停用，请先启用上级机构';
  }
  return undefined;
}

/** Generated units are found again by kind and division code, so a renamed or moved unit is kept. */
export interface GeneratedUnitKey {
  kind: OrgUnitKind;
  divisionCode: string;
}
