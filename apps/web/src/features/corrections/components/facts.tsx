import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useIsNarrow } from '../../../lib/responsive.ts';

export interface Fact {
  label: string;
  value: ReactNode;
  /** Takes the rest of its row (long text such as reasons or a plan: put it last or after a full row). */
  wide?: boolean;
}

/** Label and value in a bordered grid: two pairs a row on a wide screen, one on a phone; long values wrap. */
export function Facts({ rows, columns = 2 }: { rows: Fact[]; columns?: number }) {
  const narrow = useIsNarrow();
  const column = narrow ? 1 : columns;
  return (
    <Descriptions
      bordered
      size="small"
      column={column}
      styles={{ label: { width: 140, whiteSpace: 'nowrap' }, content: { wordBreak: 'break-word' } }}
      items={rows.map((r) => ({
        key: r.label,
        label: r.label,
        children: r.value,
        ...(r.wide ? { span: 'filled' as const } : {}),
      }))}
    />
  );
}
