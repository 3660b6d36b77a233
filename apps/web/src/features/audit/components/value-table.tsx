import { Table, Typography } from 'antd';
import { fieldLabel } from '../labels/audit-labels.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const valueLabels: Record<string, string> = {
  active: '在用',
  disabled: '已停用',
  all: '全部数据',
  unitAndBelow: '本机构及下级',
  unit: '本机构',
  self: '仅本人',
  custom: '指定机构',
};

/** A value as the auditor reads it: text as is, lists joined, objects as indented JSON. */
export function ReadableValue({ value }: { value: unknown }) {
  if (typeof value === 'string' && valueLabels[value]) {
    return (
      <span>
        {valueLabels[value]}
        <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
          {value}
        </Typography.Text>
      </span>
    );
  }
  if (value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  if (value === null) return <Typography.Text type="secondary">空</Typography.Text>;
  if (typeof value === 'boolean') return <span>{value ? '是' : '否'}</span>;
  if (typeof value === 'string' || typeof value === 'number') return <span>{String(value)}</span>;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return <span>{value.length > 0 ? value.join('、') : '（空）'}</span>;
  }
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

interface Row {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Before and after side by side, one field a row; changed fields highlighted. */
export function BeforeAfterTable({ before, after }: { before: unknown; after: unknown }) {
  if (!isRecord(before) && !isRecord(after)) {
    return (
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={[{ key: 'value', before: before ?? undefined, after: after ?? undefined, changed: true }]}
        columns={[
          { title: '变更前', dataIndex: 'before', render: (v) => <ReadableValue value={v} /> },
          { title: '变更后', dataIndex: 'after', render: (v) => <ReadableValue value={v} /> },
        ]}
      />
    );
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: Row[] = keys.map((key) => ({
    key,
    before: isRecord(before) ? b[key] : undefined,
    after: isRecord(after) ? a[key] : undefined,
    // Only a real change is highlighted: on a creation (no before) every field is simply new.
    changed: isRecord(before) && isRecord(after) && !same(b[key], a[key]),
  }));
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      rowClassName={(row) => (row.changed ? 'audit-row--changed' : '')}
      columns={[
        {
          title: '字段',
          dataIndex: 'key',
          width: 120,
          render: (key: string) => (
            <span>
              {fieldLabel(key)}
              {fieldLabel(key) !== key && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {key}
                </Typography.Text>
              )}
            </span>
          ),
        },
        { title: '变更前', dataIndex: 'before', render: (v) => <ReadableValue value={v} /> },
        { title: '变更后', dataIndex: 'after', render: (v) => <ReadableValue value={v} /> },
      ]}
    />
  );
}

/** Extra facts of an entry (reason of a failure, the masked phone …), one per row. */
export function DetailTable({ detail }: { detail: unknown }) {
  if (!isRecord(detail)) return <ReadableValue value={detail} />;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      showHeader={false}
      dataSource={Object.entries(detail).map(([key, value]) => ({ key, value }))}
      columns={[
        { dataIndex: 'key', width: 140, render: (key: string) => fieldLabel(key) },
        { dataIndex: 'value', render: (value: unknown) => <ReadableValue value={value} /> },
      ]}
    />
  );
}
