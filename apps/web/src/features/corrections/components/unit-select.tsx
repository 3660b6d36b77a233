import type { OrgUnitKind } from '@zhucheng/contracts';
import { Select } from 'antd';
import { useMemo } from 'react';
import { flattenOrgTree, useOrgTree } from '../../../lib/org-units.ts';

interface UnitSelectProps {
  /** The kinds of unit that may be chosen (司法所; for 调查评估 also 县（区）司法局). */
  kinds: readonly OrgUnitKind[];
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  id?: string;
  placeholder?: string;
}

/**
 * One unit of the given kinds from the caller's own organisation tree (the API lists only units in the
 * caller's data scope), searchable by name; stopped (停用) units are left out.
 */
export function UnitSelect({ kinds, value, onChange, id, placeholder }: UnitSelectProps) {
  const tree = useOrgTree();
  const options = useMemo(() => {
    const units = [...flattenOrgTree(tree.data ?? []).values()];
    return units
      .filter((u) => kinds.includes(u.kind) && u.status !== 'disabled')
      .map((u) => ({ value: u.id, label: u.name }));
  }, [tree.data, kinds]);
  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={tree.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder={placeholder ?? '请选择'}
      notFoundContent={tree.isError ? '机构列表加载失败，请刷新页面' : '您的管辖范围内没有可选的单位'}
      style={{ width: '100%', maxWidth: 360 }}
    />
  );
}
