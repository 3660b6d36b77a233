import type { UserView } from '@zhucheng/contracts';
import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useRevealPhone } from '../api/use-users.ts';

/** 138****5678, with 查看 for those allowed to see the whole number (each view is audited). */
export function PhoneCell({ user }: { user: UserView }) {
  const can = useCan();
  const reveal = useRevealPhone();
  const { message } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);

  if (!user.phoneMasked) return <Typography.Text type="secondary">未登记</Typography.Text>;
  if (phone) return <span style={{ whiteSpace: 'nowrap' }}>{phone}</span>;
  return (
    <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
      <span>{user.phoneMasked}</span>
      {can('user:revealPhone') && (
        <Tooltip title="查看完整号码将记入审计日志">
          <Button
            type="link"
            size="small"
            loading={reveal.isPending}
            style={{ padding: '0 4px' }}
            onClick={() =>
              reveal.mutate(user.id, {
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
