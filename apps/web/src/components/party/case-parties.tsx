import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  type CasePartyView,
  ethnicityLabels,
  genderLabels,
  organisationKindLabels,
  type PartyRole,
  personTagLabels,
} from '@zhucheng/contracts';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../lib/access.tsx';
import { errorMessage } from '../../lib/api.ts';
import { LoadError } from '../load-error.tsx';
import { AddPartyDialog } from './add-party-dialog.tsx';
import { useCaseParties, useRemoveCaseParty } from './party-api.ts';
import { PersonDataReveal } from './person-data-reveal.tsx';

function PartyCard({ party, onRemove }: { party: CasePartyView; onRemove?: (() => void) | undefined }) {
  const p = party.person;
  const o = party.organisation;
  const facts = p
    ? [
        p.gender ? genderLabels[p.gender] : null,
        p.birthDate ? `${p.birthDate} 出生` : null,
        p.ethnicity ? ethnicityLabels[p.ethnicity] : null,
      ].filter(Boolean)
    : o
      ? [
          organisationKindLabels[o.kind],
          o.creditCode,
          o.legalRepresentative ? `法定代表人 ${o.legalRepresentative}` : null,
        ].filter(Boolean)
      : [];
  return (
    <Card
      size="small"
      title={
        <Space wrap size={4}>
          <Tag color="blue">{party.roleLabel}</Tag>
          <span style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>{p?.name ?? o?.name}</span>
          {p?.tags.map((t) => (
            <Tag key={t}>{personTagLabels[t]}</Tag>
          ))}
        </Space>
      }
      extra={
        onRemove ? (
          <Popconfirm
            title="移除该当事人？"
            description="只从本案移除，已登记的人员信息保留。"
            okText="移除"
            cancelText="取消"
            onConfirm={onRemove}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="移除" />
          </Popconfirm>
        ) : undefined
      }
    >
      {facts.length > 0 && <Typography.Paragraph type="secondary">{facts.join('，')}</Typography.Paragraph>}
      {p && <PersonDataReveal person={p} />}
      {o && (o.address || o.phone) && (
        <Typography.Paragraph style={{ marginBottom: 0, wordBreak: 'break-all' }}>
          {[o.address, o.phone].filter(Boolean).join('　')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The 当事人 section of a case page: cards with masked personal data, add and remove for party:manage. */
export function CaseParties({ caseId, roles }: { caseId: string; roles?: readonly PartyRole[] }) {
  const can = useCan();
  const { message } = App.useApp();
  const parties = useCaseParties(caseId);
  const remove = useRemoveCaseParty(caseId);
  const [adding, setAdding] = useState(false);
  const manage = can('party:manage');
  if (parties.isError) return <LoadError error={parties.error} onRetry={() => parties.refetch()} />;
  const items = parties.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      {manage && (
        <Flex justify="flex-end">
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            添加当事人
          </Button>
        </Flex>
      )}
      {!parties.isLoading && items.length === 0 ? (
        <Empty description={manage ? '暂无当事人，点击“添加当事人”登记' : '暂无当事人'} />
      ) : (
        items.map((party) => (
          <PartyCard
            key={party.id}
            party={party}
            onRemove={
              manage
                ? () =>
                    remove.mutate(party.id, {
                      onSuccess: () => message.success('已移除'),
                      onError: (error) => message.error(errorMessage(error)),
                    })
                : undefined
            }
          />
        ))
      )}
      {manage && (
        <AddPartyDialog
          caseId={caseId}
          open={adding}
          onClose={() => setAdding(false)}
          {...(roles ? { roles } : {})}
        />
      )}
    </Flex>
  );
}
