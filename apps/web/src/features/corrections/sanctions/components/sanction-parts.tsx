import { type SanctionKind, type SanctionView, sanctionKindLabels } from '@zhucheng/contracts';
import { Flex, Space, Tag, Typography } from 'antd';

export const sanctionColor: Record<SanctionKind, string> = {
  praise: 'green',
  admonition: 'gold',
  warning: 'orange',
  requestPenalty: 'red',
  requestRevocation: 'red',
  requestCommittal: 'red',
};

/** The step taken, and the suggestion when it differed (both are on record). */
export function SanctionKindCell({ s }: { s: SanctionView }) {
  return (
    <Flex vertical gap={2}>
      <Space size={4} wrap>
        <Tag color={sanctionColor[s.kind]}>{s.kindLabel}</Tag>
        {s.status === 'withdrawn' ? <Tag>已撤销</Tag> : null}
      </Space>
      {s.suggestedKind && s.suggestedKind !== s.kind ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          系统建议：{sanctionKindLabels[s.suggestedKind]}；理由：{s.deviationNote}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
