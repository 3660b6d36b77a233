import { Button, DatePicker, Flex, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { actionFilterOptions } from '../labels/audit-labels.ts';

export interface AuditFilterValues {
  range?: [Dayjs, Dayjs] | undefined;
  action?: string | undefined;
  actor?: { id: string; name: string } | undefined;
  outcome?: 'success' | 'failure' | undefined;
}

interface AuditFiltersProps {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
}

const presets = [
  { label: '今天', value: (): [Dayjs, Dayjs] => [dayjs().startOf('day'), dayjs().endOf('day')] },
  { label: '最近 7 天', value: (): [Dayjs, Dayjs] => [dayjs().subtract(6, 'day').startOf('day'), dayjs()] },
  { label: '最近 30 天', value: (): [Dayjs, Dayjs] => [dayjs().subtract(29, 'day').startOf('day'), dayjs()] },
];

/** Time range, action, actor (chosen by clicking a name in the table) and outcome, in one wrapping row. */
export function AuditFilters({ value, onChange }: AuditFiltersProps) {
  const narrow = useIsNarrow();
  const width = (wide: number) => (narrow ? '100%' : wide);
  const filtered = Boolean(value.range || value.action || value.actor || value.outcome);
  return (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker
        value={value.range ?? null}
        onChange={(range) =>
          onChange({ ...value, range: range?.[0] && range[1] ? [range[0], range[1]] : undefined })
        }
        presets={presets}
        allowClear
        style={{ width: width(260) }}
        aria-label="时间范围"
      />
      <Select
        value={value.action}
        onChange={(action) => onChange({ ...value, action })}
        options={actionFilterOptions}
        placeholder="全部操作"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: width(220) }}
        popupMatchSelectWidth={false}
        aria-label="操作"
      />
      <Select
        value={value.outcome}
        onChange={(outcome) => onChange({ ...value, outcome })}
        options={[
          { value: 'success', label: '成功' },
          { value: 'failure', label: '失败' },
        ]}
        placeholder="全部结果"
        allowClear
        style={{ width: width(130) }}
        aria-label="结果"
      />
      {value.actor ? (
        <Tag
          closable
          onClose={() => onChange({ ...value, actor: undefined })}
          style={{ margin: 0, padding: '4px 8px' }}
        >
          操作人：{value.actor.name}
        </Tag>
      ) : (
        <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 13 }}>点击表格中的操作人，可只看此人的操作</span>
      )}
      {filtered && <Button onClick={() => onChange({})}>清除筛选</Button>}
    </Flex>
  );
}
