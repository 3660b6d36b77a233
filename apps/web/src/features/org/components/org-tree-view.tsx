import './org-tree.css';
import { Input, Tag, Tree, type TreeDataNode } from 'antd';
import { type Key, useEffect, useMemo, useState } from 'react';
import { flattenOrgTree, type OrgTreeNode } from '../../../lib/org-units.ts';
import { kindColor } from '../org-kinds.ts';

interface OrgTreeViewProps {
  tree: OrgTreeNode[];
  selectedId: number | undefined;
  onSelect: (id: number) => void;
}

function matches(node: OrgTreeNode, keyword: string): boolean {
  return node.name.includes(keyword) || (node.shortName?.includes(keyword) ?? false);
}

/** Keeps a node when it or anything below it matches the keyword. */
function filterTree(nodes: OrgTreeNode[], keyword: string): OrgTreeNode[] {
  if (!keyword) return nodes;
  return nodes.flatMap((node) => {
    const children = filterTree(node.children, keyword);
    return matches(node, keyword) || children.length > 0 ? [{ ...node, children }] : [];
  });
}

function allIds(nodes: OrgTreeNode[]): number[] {
  return nodes.flatMap((node) => [node.id, ...allIds(node.children)]);
}

function toTreeData(nodes: OrgTreeNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <span className={node.status === 'disabled' ? 'org-tree__node is-disabled' : 'org-tree__node'}>
        <span className="org-tree__name">{node.name}</span>
        <Tag color={node.status === 'disabled' ? 'default' : kindColor(node.kind)} className="org-tree__tag">
          {node.kindLabel}
        </Tag>
        {node.status === 'disabled' && <Tag className="org-tree__tag">已停用</Tag>}
      </span>
    ),
    children: toTreeData(node.children),
  }));
}

/** The unit tree with a name search; disabled units are greyed. */
export function OrgTreeView({ tree, selectedId, onSelect }: OrgTreeViewProps) {
  const [keyword, setKeyword] = useState('');
  const [expanded, setExpanded] = useState<Key[]>(() => tree.map((node) => node.id));
  const visible = useMemo(() => filterTree(tree, keyword.trim()), [tree, keyword]);
  const treeData = useMemo(() => toTreeData(visible), [visible]);
  const byId = useMemo(() => flattenOrgTree(tree), [tree]);

  // A unit chosen from outside the tree (just created) is made visible: its ancestors open.
  useEffect(() => {
    if (selectedId === undefined) return;
    const ancestors: number[] = [];
    for (let id = byId.get(selectedId)?.parentId; id != null; id = byId.get(id)?.parentId) ancestors.push(id);
    if (ancestors.length === 0) return;
    setExpanded((current) => {
      const missing = ancestors.filter((id) => !current.includes(id));
      return missing.length === 0 ? current : [...current, ...missing];
    });
  }, [selectedId, byId]);

  return (
    <>
      <Input.Search
        placeholder="按机构名称查找"
        allowClear
        onChange={(event) => setKeyword(event.target.value)}
        style={{ marginBottom: 12 }}
        aria-label="按机构名称查找"
      />
      <Tree
        className="org-tree"
        blockNode
        treeData={treeData}
        selectedKeys={selectedId === undefined ? [] : [selectedId]}
        expandedKeys={keyword.trim() ? allIds(visible) : expanded}
        onExpand={setExpanded}
        onSelect={(keys) => {
          const [key] = keys;
          if (key !== undefined) onSelect(Number(key));
        }}
      />
    </>
  );
}
