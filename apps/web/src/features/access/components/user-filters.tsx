import { Button, Flex, Input, Select } from 'antd';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useCan } from '../../../lib/access.tsx';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { userStatusOptions } from '../labels/user-status.ts';

export interface UserFilterValues {
  keyword?: string | undefined;
  unitId?: number | undefined;
  status?: 'active' | 'disabled' | undefined;
}

interface UserFiltersProps {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
}

/** One row that wraps: keyword, unit, status. */
export function UserFilters({ value, onChange }: UserFiltersProps) {
  const can = useCan();
  const narrow = useIsNarrow();
  const width = (wide: number) => (narrow ? '100%' : wide);
  const filtered = Boolean(value.keyword || value.unitId || value.status);
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      <Input.Search
        key={value.keyword === undefined ? 'empty' : 'kept'}
        defaultValue={value.keyword}
        placeholder="用户名或姓名"
        allowClear
        onSearch={(keyword) => onChange({ ...value, keyword: keyword.trim() || undefined })}
        style={{ width: width(220) }}
        aria-label="按用户名或姓名查找"
      />
      {can('org:read') && (
        <UnitTreeSelect
          value={value.unitId}
          onChange={(unitId) => onChange({ ...value, unitId })}
          placeholder="全部机构"
          allowClear
          style={{ width: width(240) }}
        />
      )}
      <Select
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={[...userStatusOptions]}
        placeholder="全部状态"
        allowClear
        style={{ width: width(140) }}
        aria-label="账号状态"
      />
      {filtered && <Button onClick={() => onChange({})}>清除筛选</Button>}
    </Flex>
  );
}
