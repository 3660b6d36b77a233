import type { MediatorTrainingView, MediatorView } from '@zhucheng/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useFormError } from '../../../../lib/form-errors.ts';
import { useDrawerSize } from '../../../../lib/responsive.ts';
import { newIdempotencyKey, useAddTraining, useTrainings } from '../api/use-registry.ts';

interface TrainingValues {
  heldOn?: Dayjs;
  topic: string;
  organiser: string;
  hours?: number;
  certificateNo?: string;
}

/** 培训记录 of one mediator: hours per year, the trainings, and 登记培训 for those who keep the registry. */
export function TrainingDrawer({
  mediator,
  onClose,
}: {
  mediator: MediatorView | null;
  onClose: () => void;
}) {
  const can = useCan();
  const canManage = can('mediation:manageRegistry');
  const trainings = useTrainings(mediator?.id);
  const add = useAddTraining();
  const [form] = Form.useForm<TrainingValues>();
  const formError = useFormError(form);
  const size = useDrawerSize(720);
  const { message } = App.useApp();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (!mediator) return;
    form.resetFields();
    formError.clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [mediator, form, formError.clear]);

  const submit = (v: TrainingValues) => {
    if (!mediator) return;
    add.mutate(
      {
        mediatorId: mediator.id,
        idempotencyKey,
        body: {
          heldOn: v.heldOn?.format('YYYY-MM-DD') ?? '',
          topic: v.topic.trim(),
          organiser: v.organiser.trim(),
          hours: v.hours ?? 0,
          certificateNo: v.certificateNo?.trim() || null,
        },
      },
      {
        onSuccess: () => {
          message.success('培训记录已登记');
          form.resetFields();
          setIdempotencyKey(newIdempotencyKey());
        },
        onError: formError.report,
      },
    );
  };

  const years = Object.entries(trainings.data?.hoursByYear ?? {}).sort(([a], [b]) => b.localeCompare(a));

  return (
    <Drawer
      open={mediator !== null}
      title={mediator ? `培训记录：${mediator.name}` : ''}
      size={size}
      onClose={onClose}
      destroyOnHidden
    >
      {mediator && (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'unit', label: '调委会', children: mediator.unitName },
              {
                key: 'hours',
                label: '各年度学时',
                children: years.length ? (
                  <Flex wrap gap={8}>
                    {years.map(([year, hours]) => (
                      <Tag key={year} color="blue">
                        {year} 年：{hours} 学时
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  '暂无'
                ),
              },
              {
                key: 'needs',
                label: '培训情况',
                children: mediator.needsTraining ? (
                  <Tag color="orange">近 12 个月未参加培训，需安排培训</Tag>
                ) : mediator.status === 'left' ? (
                  '已离任'
                ) : (
                  <Tag color="green">最近培训：{mediator.lastTrainedOn}</Tag>
                ),
              },
            ]}
          />
          {trainings.isError && !trainings.data ? (
            <LoadError
              error={trainings.error}
              retrying={trainings.isFetching}
              onRetry={() => trainings.refetch()}
            />
          ) : (
            <Table<MediatorTrainingView>
              rowKey="id"
              size="small"
              loading={trainings.isPending}
              dataSource={trainings.data?.items ?? []}
              pagination={false}
              scroll={{ x: 600 }}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={canManage ? '暂无培训记录，在下方登记' : '暂无培训记录'}
                  />
                ),
              }}
              columns={[
                { title: '培训日期', dataIndex: 'heldOn', width: 110 },
                { title: '培训内容', dataIndex: 'topic' },
                { title: '组织单位', dataIndex: 'organiser', width: 150 },
                { title: '学时', dataIndex: 'hours', align: 'right', width: 70 },
                {
                  title: '结业证书编号',
                  dataIndex: 'certificateNo',
                  width: 160,
                  render: (v: string | null) => v ?? '—',
                },
              ]}
            />
          )}
          {canManage && mediator.status === 'active' && (
            <Card size="small" title="登记培训">
              <FormErrorAlert message={formError.message} />
              <Form<TrainingValues> form={form} layout="vertical" disabled={add.isPending} onFinish={submit}>
                <Flex wrap gap={12}>
                  <Form.Item
                    name="heldOn"
                    label="培训日期"
                    rules={[{ required: true, message: '请选择培训日期' }]}
                  >
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
                    <InputNumber min={0.5} max={200} step={0.5} precision={1} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item
                    name="organiser"
                    label="组织单位"
                    rules={[{ required: true, message: '请填写组织单位' }]}
                    style={{ minWidth: 200, flex: 1 }}
                  >
                    <Input maxLength={60} placeholder="如：北海市海城区司法局" />
                  </Form.Item>
                </Flex>
                <Form.Item
                  name="topic"
                  label="培训内容"
                  rules={[{ required: true, message: '请填写培训内容' }]}
                >
                  <Input maxLength={100} placeholder="如：人民调解员业务能力提升培训" />
                </Form.Item>
                <Form.Item name="certificateNo" label="结业证书编号">
                  <Input maxLength={40} placeholder="选填" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={add.isPending}>
                  登记培训
                </Button>
              </Form>
            </Card>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
