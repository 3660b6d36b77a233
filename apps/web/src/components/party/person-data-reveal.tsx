import { EyeOutlined } from '@ant-design/icons';
import type { PersonReveal, PersonView } from '@zhucheng/contracts';
import { App, Button, Descriptions, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useCan } from '../../lib/access.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useRevealPerson } from './party-api.ts';

/**
 * A person's ID number, phone and address, masked; 查看 (with party:reveal) shows them in full for as long
 * as the component lives. Each 查看 is one line in the audit log, so it is a button, never automatic.
 */
const defaultTitle = (
  <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
    证件与联系方式
  </Typography.Text>
);

export function PersonDataReveal({
  person,
  title = defaultTitle,
}: {
  person: PersonView;
  title?: ReactNode;
}) {
  const can = useCan();
  const { message } = App.useApp();
  const reveal = useRevealPerson();
  const [clear, setClear] = useState<PersonReveal | null>(null);
  const nothing = !person.idNumberMasked && !person.phoneMasked && !person.addressMasked;
  const show = (masked: string | null, full: string | null | undefined) =>
    full ?? masked ?? <Typography.Text type="secondary">未填写</Typography.Text>;
  return (
    <Descriptions
      size="small"
      title={title}
      column={1}
      styles={{ label: { width: 88 } }}
      extra={
        can('party:reveal') && !nothing && !clear ? (
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            onClick={() =>
              reveal.mutate(person.id, {
                onSuccess: setClear,
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          >
            查看
          </Button>
        ) : undefined
      }
      items={[
        { key: 'id', label: '证件号码', children: show(person.idNumberMasked, clear?.idNumber) },
        { key: 'phone', label: '联系电话', children: show(person.phoneMasked, clear?.phone) },
        {
          key: 'address',
          label: '住址',
          children: (
            <span style={{ wordBreak: 'break-all' }}>{show(person.addressMasked, clear?.address)}</span>
          ),
        },
      ]}
    />
  );
}
