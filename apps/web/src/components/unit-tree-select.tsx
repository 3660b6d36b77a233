import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { type OrgTreeNode, useOrgTree } from '../lib/org-units.ts';

interface UnitOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: UnitOption[];
}

function toOptions(nodes: readonly OrgTreeNode[], isDisabled: (node: OrgTreeNode) => boolean): UnitOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.status === 'disabled' ? `${node.name}（已停用）` : node.name,
    disabled: isDisabled(node),
    children: toOptions(node.children, isDisabled),
  }));
}

function subtreeIds(node: OrgTreeNode, into = new Set<number>()): Set<number> {
  into.add(node.id);
  for (const child of node.children) subtreeIds(child, into);
  return into;
}

/** The roots, and every unit above a chosen one, so the list opens with the choice in view. */
function expandedFor(tree: readonly OrgTreeNode[], chosen: readonly number[]): number[] {
  const parentOf = new Map<number, number | null>();
  const visit = (nodes: readonly OrgTreeNode[]) => {
    for (const node of nodes) {
      parentOf.set(node.id, node.parentId);
      visit(node.children);
    }
  };
  visit(tree);
  const keys = new Set(tree.map((node) => node.id));
  for (const id of chosen) {
    for (let up = parentOf.get(id); up != null; up = parentOf.get(up)) keys.add(up);
  }
  return [...keys];
}

function findNode(nodes: readonly OrgTreeNode[], id: number): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

type SingleProps = {
  multiple?: false;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
};
type MultipleProps = {
  multiple: true;
  value?: number[];
  onChange?: (value: number[]) => void;
};

type UnitTreeSelectProps = (SingleProps | MultipleProps) & {
  placeholder?: string;
  allowClear?: boolean;
  /** Disabled (停用) units cannot be chosen, e.g. as the unit of a new account. */
  activeOnly?: boolean;
  /** This unit and everything under it cannot be chosen (a unit cannot move under itself). */
  excludeSubtreeOf?: number;
  id?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
};

/** Pick one unit (or several) from the organisation tree the user may see; searchable by name. */
export function UnitTreeSelect(props: UnitTreeSelectProps) {
  const { data, isPending } = useOrgTree();
  const { activeOnly = false, excludeSubtreeOf } = props;
  const treeData = useMemo(() => {
    const tree = data ?? [];
    const excludedRoot = excludeSubtreeOf === undefined ? undefined : findNode(tree, excludeSubtreeOf);
    const excluded = excludedRoot ? subtreeIds(excludedRoot) : new Set<number>();
    return toOptions(tree, (node) => excluded.has(node.id) || (activeOnly && node.status === 'disabled'));
  }, [data, activeOnly, excludeSubtreeOf]);

  const chosen = props.multiple ? (props.value ?? []) : props.value == null ? [] : [props.value];
  const expandedKeys = expandedFor(data ?? [], chosen);

  const common = {
    id: props.id,
    treeData,
    loading: isPending && !data,
    placeholder: props.placeholder ?? '请选择机构',
    allowClear: props.allowClear,
    disabled: props.disabled,
    showSearch: true,
    treeNodeFilterProp: 'title',
    treeDefaultExpandedKeys: expandedKeys,
    popupMatchSelectWidth: false,
    // A city has a few hundred units at most; without virtual scrolling the list opens at the chosen unit.
    virtual: false,
    style: { width: '100%', ...props.style },
    notFoundContent: '没有可选的机构',
  } as const;

  if (props.multiple) {
    return (
      <TreeSelect<number[]>
        {...common}
        // Each unit counts on its own (a custom data scope does not include the units below).
        multiple
        value={props.value}
        onChange={(value) => props.onChange?.(value ?? [])}
      />
    );
  }
  return (
    <TreeSelect<number>
      {...common}
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? undefined)}
    />
  );
}
