import type { CaseStatusTone } from '@zhucheng/contracts';
import { Tag } from 'antd';

/** UI.md: processing blue, waiting for the citizen orange, done green, refused or terminated grey. */
const toneColors: Record<CaseStatusTone, string> = {
  processing: 'blue',
  waiting: 'orange',
  done: 'green',
  closed: 'default',
};

export function CaseStatusTag({ tone, label }: { tone: CaseStatusTone; label: string }) {
  return (
    <Tag color={toneColors[tone]} style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}>
      {label}
    </Tag>
  );
}
