import { auditActionLabel as actionLabel } from '@zhucheng/contracts';
import { Descriptions, Drawer, Tag, Typography } from 'antd';
import { formatDateTimeSeconds } from '../../../lib/format.ts';
import { useDrawerSize } from '../../../lib/responsive.ts';
import type { AuditEntry } from '../api/use-audit.ts';
import { describeUnit } from '../labels/audit-describe.ts';
import { actorKindLabels, entityTypeLabel } from '../labels/audit-labels.ts';
import { BeforeAfterTable, DetailTable } from './value-table.tsx';
import './audit.css';

interface AuditEntryDrawerProps {
  entry: AuditEntry | null;
  unitName: (unitId: number | null) => string | undefined;
  onClose: () => void;
}

export function AuditEntryDrawer({ entry, unitName, onClose }: AuditEntryDrawerProps) {
  const size = useDrawerSize(720);
  const hasChange = entry !== null && (entry.before !== null || entry.after !== null);
  const hasDetail = entry !== null && entry.detail !== null && entry.detail !== undefined;
  return (
    <Drawer open={entry !== null} title="审计记录详情" size={size} onClose={onClose} destroyOnHidden>
      {entry && (
        <>
          <Descriptions
            bordered
            column={1}
            size="small"
            styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'id', label: '记录编号', children: entry.id },
              { key: 'at', label: '时间', children: formatDateTimeSeconds(entry.at) },
              {
                key: 'actor',
                label: '操作人',
                children: (
                  <>
                    {entry.actorName ?? '—'}
                    <Tag style={{ marginInlineStart: 8 }}>
                      {actorKindLabels[entry.actorKind] ?? entry.actorKind}
                    </Tag>
                    {entry.actorId && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        编号 {entry.actorId}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              { key: 'unit', label: '机构', children: describeUnit(entry, unitName) },
              { key: 'ip', label: 'IP 地址', children: entry.ip },
              {
                key: 'action',
                label: '操作',
                children: (
                  <>
                    {actionLabel(entry.action)}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {entry.action}
                    </Typography.Text>
                  </>
                ),
              },
              {
                key: 'entity',
                label: '对象',
                children: entry.entityType ? (
                  <>
                    {entityTypeLabel(entry.entityType)}
                    {entry.entityId && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        编号 {entry.entityId}
                      </Typography.Text>
                    )}
                  </>
                ) : (
                  '—'
                ),
              },
              {
                key: 'outcome',
                label: '结果',
                children:
                  entry.outcome === 'success' ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>,
              },
              { key: 'request', label: '请求编号', children: entry.requestId },
              {
                key: 'seal',
                label: '哈希链封存',
                children: entry.sealSeq === null ? '尚未封存（稍后自动封存）' : `第 ${entry.sealSeq} 位`,
              },
            ]}
          />
          {hasChange && (
            <>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                变更内容
              </Typography.Title>
              <BeforeAfterTable before={entry.before} after={entry.after} />
            </>
          )}
          {hasDetail && (
            <>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                附加信息
              </Typography.Title>
              <DetailTable detail={entry.detail} />
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            手机号、身份证号等个人信息在写入审计日志前已脱敏。
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
