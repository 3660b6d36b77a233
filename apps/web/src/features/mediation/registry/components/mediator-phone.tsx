import type { MediatorView } from '@zhucheng/contracts';
import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../../lib/access.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { useRevealMediatorPhone } from '../api/use-registry.ts';

/** 139****5678, with 查看 for those holding party:reveal (each view is a line in the audit log). */
export function MediatorPhone({ mediator }: { mediator: MediatorView }) {
  const can = useCan();
  const reveal = useRevealMediatorPhone();
  const { message } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);

  if (!mediator.phoneMasked) return <Typography.Text type="secondary">未登记</Typography.Text>;
  if (phone) return <span style={{ whiteSpace: 'nowrap' }}>{phone}</span>;
  return (
    <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
      <span>{mediator.phoneMasked}</span>
      {can('party:reveal') && (
        <Tooltip title="查看完整号码将记入审计日志">
          <Button
            type="link"
            size="small"
            loading={reveal.isPending}
            style={{ padding: '0 4px' }}
            onClick={() =>
              reveal.mutate(mediator.id, {
                onSuccess: (result) => setPhone(result.phone ?? '未登记'),
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          >
            查看
          </Button>
        </Tooltip>
      )}
    </Flex>
  );
}
