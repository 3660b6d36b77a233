import { gearTypeLabels, type SeaTripView } from '@zhucheng/contracts';
import {
  Alert,
  App,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Input,
  Modal,
  Radio,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../lib/api.ts';
import { useDrawerSize } from '../../../../lib/responsive.ts';
import { useSeaTripAction } from '../api/use-vessels.ts';
import { dateTime, seaTripStatusColor } from './format.ts';

/** 审批出海报备: 同意 (with an optional note) or 不同意 (a reason is required). */
export function DecideDialog({ trip, onClose }: { trip: SeaTripView | null; onClose: () => void }) {
  const act = useSeaTripAction();
  const { message } = App.useApp();
  const [verdict, setVerdict] = useState<'approve' | 'reject'>('approve');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (trip) {
      setVerdict('approve');
      setReason('');
      setError(null);
    }
  }, [trip]);
  return (
    <Modal
      open={trip !== null}
      title={trip ? `审批出海报备：${trip.vessel.name}` : ''}
      okText={verdict === 'approve' ? '同意出海' : '不同意出海'}
      okButtonProps={{ danger: verdict === 'reject' }}
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={() => {
        if (!trip) return;
        if (verdict === 'reject' && !reason.trim()) {
          setError('请填写不同意的理由，社区矫正对象会收到');
          return;
        }
        act.mutate(
          { id: trip.id, action: verdict, body: { version: trip.version, reason: reason.trim() || null } },
          {
            onSuccess: () => {
              message.success(
                verdict === 'approve' ? '已同意出海，已通知社区矫正对象' : '已不同意出海，已通知社区矫正对象',
              );
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      {trip ? (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="社区矫正对象">{trip.superviseeName}</Descriptions.Item>
            <Descriptions.Item label="船舶">
              {trip.vessel.name}（{trip.vessel.registrationNo}，{gearTypeLabels[trip.vessel.gearType]}）
            </Descriptions.Item>
            <Descriptions.Item label="作业海域">{trip.seaArea}</Descriptions.Item>
            <Descriptions.Item label="计划出海">{dateTime(trip.plannedDepartureAt)}</Descriptions.Item>
            <Descriptions.Item label="计划返港">{dateTime(trip.plannedReturnAt)}</Descriptions.Item>
            <Descriptions.Item label="在船对象">
              {trip.crew.map((c) => c.name).join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Radio.Group
            value={verdict}
            onChange={(e) => setVerdict(e.target.value)}
            options={[
              { value: 'approve', label: '同意' },
              { value: 'reject', label: '不同意' },
            ]}
          />
          <Input.TextArea
            aria-label={verdict === 'approve' ? '审批意见' : '不同意的理由'}
            placeholder={
              verdict === 'approve' ? '审批意见（选填），如：注意天气，按时返港' : '不同意的理由（必填）'
            }
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Flex>
      ) : null}
    </Modal>
  );
}

/** 出海报备详情: the plan, the decision, the log at sea and the return report. */
export function TripDrawer({ trip, onClose }: { trip: SeaTripView | null; onClose: () => void }) {
  const size = useDrawerSize(560);
  return (
    <Drawer
      open={trip !== null}
      title={trip ? `出海报备：${trip.vessel.name}` : ''}
      size={size}
      onClose={onClose}
    >
      {trip ? (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            <Tag color={seaTripStatusColor[trip.status]}>{trip.statusLabel}</Tag>
            {trip.overdue ? <Tag color="red">逾期未返港</Tag> : null}
            <Typography.Text type="secondary">
              {trip.filedBy === 'supervisee' ? '本人报备' : '工作人员代报'} · {dateTime(trip.filedAt)}
            </Typography.Text>
          </Flex>
          <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="社区矫正对象">
              {trip.superviseeName}（{trip.caseNo ?? '未编号'}）
            </Descriptions.Item>
            <Descriptions.Item label="船舶">
              {trip.vessel.name}（{trip.vessel.registrationNo}，{gearTypeLabels[trip.vessel.gearType]}）
            </Descriptions.Item>
            <Descriptions.Item label="在船对象">
              {trip.crew.map((c) => c.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="作业海域">
              {trip.seaArea}
              {trip.area?.kind === 'circle'
                ? `（圆心 ${trip.area.lng}°E, ${trip.area.lat}°N，半径 ${trip.area.radiusKm} 公里）`
                : trip.area?.kind === 'box'
                  ? `（${trip.area.minLng}–${trip.area.maxLng}°E，${trip.area.minLat}–${trip.area.maxLat}°N）`
                  : ''}
            </Descriptions.Item>
            <Descriptions.Item label="计划出海">{dateTime(trip.plannedDepartureAt)}</Descriptions.Item>
            <Descriptions.Item label="计划返港">{dateTime(trip.plannedReturnAt)}</Descriptions.Item>
            <Descriptions.Item label="审批">
              {trip.decidedAt ? `${dateTime(trip.decidedAt)} ${trip.decisionReason ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="实际出海">{dateTime(trip.departedAt)}</Descriptions.Item>
            <Descriptions.Item label="实际返港">
              {trip.returnedAt ? `${dateTime(trip.returnedAt)} ${trip.returnNote ?? ''}` : '—'}
            </Descriptions.Item>
            {trip.note ? <Descriptions.Item label="备注">{trip.note}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            海上日志
          </Typography.Title>
          {trip.logs.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无海上日志" />
          ) : (
            <Timeline
              items={trip.logs.map((l) => ({
                key: l.id,
                content: (
                  <>
                    <Typography.Text strong>{dateTime(l.at)}</Typography.Text>（{l.recordedBy}）
                    <div>{l.note}</div>
                    {l.lat !== null && l.lng !== null ? (
                      <Typography.Text type="secondary">
                        {l.lng}°E, {l.lat}°N
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              }))}
            />
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
