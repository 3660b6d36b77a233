import { useQuery } from '@tanstack/react-query';
import type { OrgTreeNode } from '@zhucheng/contracts';
import { useMemo } from 'react';
import { useCan } from './access.tsx';
import { apiGet } from './api.ts';

// The organisation tree as GET /api/org/units answers it (only the units in the caller's data scope).
// Several features show unit names or let the user pick a unit, so the query lives here.

export type { OrgTreeNode, OrgUnit } from '@zhucheng/contracts';

export const orgTreeQueryKey = ['org', 'units'] as const;

/** The tree, when the user may read it (otherwise never requested and `data` stays undefined). */
export function useOrgTree() {
  const can = useCan();
  return useQuery({
    queryKey: orgTreeQueryKey,
    queryFn: ({ signal }) =>
      apiGet<{ tree: OrgTreeNode[] }>('/api/org/units', undefined, { signal }).then((r) => r.tree),
    enabled: can('org:read'),
    staleTime: 5 * 60_000,
  });
}

export function flattenOrgTree(tree: readonly OrgTreeNode[]): Map<number, OrgTreeNode> {
  const byId = new Map<number, OrgTreeNode>();
  const visit = (nodes: readonly OrgTreeNode[]) => {
    for (const node of nodes) {
      byId.set(node.id, node);
      visit(node.children);
    }
  };
  visit(tree);
  return byId;
}

/** Unit id → name, from the tree when the user may read it. */
export function useOrgUnitName(): (unitId: number | null | undefined) => string | undefined {
  const { data } = useOrgTree();
  const byId = useMemo(() => flattenOrgTree(data ?? []), [data]);
  return (unitId) => (unitId === null || unitId === undefined ? undefined : byId.get(unitId)?.name);
}
