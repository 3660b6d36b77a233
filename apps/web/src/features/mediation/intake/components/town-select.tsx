import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTowns } from '../api/intake-api.ts';

/** 乡镇（街道）: the towns of the city with a justice office, grouped by county, searchable. */
export function TownSelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const towns = useTowns();
  const options = useMemo(() => {
    const groups = new Map<string, { label: string; value: string }[]>();
    for (const t of towns.data ?? []) {
      const list = groups.get(t.countyName) ?? [];
      list.push({ label: `${t.countyName}${t.name}`, value: t.code });
      groups.set(t.countyName, list);
    }
    return [...groups].map(([county, list]) => ({ label: county, title: county, options: list }));
  }, [towns.data]);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择乡镇（街道）"
      loading={towns.isPending}
      notFoundContent={towns.isError ? '乡镇列表加载失败，请刷新' : '没有匹配的乡镇'}
      {...props}
      options={options}
    />
  );
}
