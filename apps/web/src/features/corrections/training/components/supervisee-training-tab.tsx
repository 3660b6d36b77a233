import { PlusOutlined } from '@ant-design/icons';
import {
  certificateKindLabels,
  certificateKinds,
  guidanceKindLabels,
  guidanceKinds,
} from '@zhucheng/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useFormError } from '../../../../lib/form-errors.ts';
import { type TrainingRecordKind, useAddTrainingRecord, useSuperviseeTraining } from '../api/use-training.ts';

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
const titles: Record<TrainingRecordKind, string> = {
  trainings: '登记职业技能培训',
  certificates: '登记证书',
  guidance: '登记就业指导',
};

type Values = Record<string, unknown> & { range?: [Dayjs, Dayjs]; issuedOn?: Dayjs; givenOn?: Dayjs };

function AddDialog({
  caseId,
  kind,
  trainings,
  onClose,
}: {
  caseId: string;
  kind: TrainingRecordKind | null;
  trainings: { value: string; label: string }[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const add = useAddTrainingRecord();
  const { message } = App.useApp();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  useEffect(() => {
    if (kind === null) return;
    form.resetFields();
    formError.clear();
    setIdempotencyKey(crypto.randomUUID());
  }, [kind, form, formError.clear]);
  const submit = (v: Values) => {
    if (!kind) return;
    const body =
      kind === 'trainings'
        ? {
            course: v.course,
            provider: v.provider,
            hours: v.hours,
            fromOn: day(v.range?.[0]),
            toOn: day(v.range?.[1]),
            note: v.note ?? null,
          }
        : kind === 'certificates'
          ? {
              kind: v.kind,
              name: v.name ?? null,
              number: v.number,
              issuedOn: day(v.issuedOn),
              issuer: v.issuer,
              trainingId: v.trainingId ?? null,
            }
          : {
              kind: v.kind,
              givenOn: day(v.givenOn),
              note: v.note,
              duringMoratorium: Boolean(v.duringMoratorium),
            };
    add.mutate(
      { caseId, kind, body, idempotencyKey },
      {
        onSuccess: () => {
          message.success('已登记');
          onClose();
        },
        onError: formError.report,
      },
    );
  };
  const required = (m: string) => [{ required: true, message: m }];
  return (
    <Modal
      open={kind !== null}
      title={kind ? titles[kind] : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={add.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError.message} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={add.isPending}>
        {kind === 'trainings' && (
          <>
            <Form.Item name="course" label="培训项目" rules={required('请填写培训项目')}>
              <Input maxLength={100} placeholder="如：海船船员基本安全培训" />
            </Form.Item>
            <Form.Item name="provider" label="培训机构" rules={required('请填写培训机构')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="hours" label="学时" rules={required('请填写学时')}>
              <InputNumber min={1} max={2000} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="range" label="培训时间" rules={required('请选择培训起止日期')}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {kind === 'certificates' && (
          <>
            <Form.Item name="kind" label="证书类别" rules={required('请选择证书类别')}>
              <Select
                options={certificateKinds.map((k) => ({ value: k, label: certificateKindLabels[k] }))}
              />
            </Form.Item>
            <Form.Item name="name" label="证书名称">
              <Input maxLength={100} placeholder="如：海船船员适任证书" />
            </Form.Item>
            <Form.Item name="number" label="证书编号" rules={required('请填写证书编号')}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="issuedOn" label="发证日期" rules={required('请选择发证日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="issuer" label="发证机关" rules={required('请填写发证机关')}>
              <Input maxLength={100} placeholder="如：中华人民共和国北海海事局" />
            </Form.Item>
            <Form.Item name="trainingId" label="对应培训">
              <Select allowClear options={trainings} placeholder="可不选" />
            </Form.Item>
          </>
        )}
        {kind === 'guidance' && (
          <>
            <Form.Item name="kind" label="帮扶类别" rules={required('请选择帮扶类别')}>
              <Select options={guidanceKinds.map((k) => ({ value: k, label: guidanceKindLabels[k] }))} />
            </Form.Item>
            <Form.Item name="givenOn" label="帮扶日期" rules={required('请选择帮扶日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label="帮扶情况" rules={required('请填写帮扶情况')}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
            <Form.Item name="duringMoratorium" label="休渔期帮扶" valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 培训就业 tab: training, certificates and guidance of the term. */
export function SuperviseeTrainingTab({ caseId }: { caseId: string }) {
  const data = useSuperviseeTraining(caseId);
  const can = useCan();
  const [adding, setAdding] = useState<TrainingRecordKind | null>(null);
  if (data.isPending) return <PageLoading />;
  if (data.isError) return <LoadError error={data.error} onRetry={() => data.refetch()} />;
  const v = data.data;
  const addButton = (kind: TrainingRecordKind) =>
    can('corrections:supervise') ? (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(kind)}>
        登记
      </Button>
    ) : null;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title="职业技能培训" extra={addButton('trainings')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={v.trainings}
          locale={{ emptyText: '暂无培训记录' }}
          columns={[
            { title: '培训项目', dataIndex: 'course' },
            { title: '培训机构', dataIndex: 'provider' },
            { title: '学时', dataIndex: 'hours' },
            { title: '时间', render: (_, r) => `${r.fromOn} 至 ${r.toOn}` },
          ]}
        />
      </Card>
      <Card size="small" title="证书" extra={addButton('certificates')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={v.certificates}
          locale={{ emptyText: '暂无证书' }}
          columns={[
            {
              title: '类别',
              render: (_, r) => <Tag color={r.kind === 'seafarer' ? 'blue' : 'default'}>{r.kindLabel}</Tag>,
            },
            { title: '名称', dataIndex: 'name' },
            { title: '编号', dataIndex: 'number' },
            { title: '发证日期', dataIndex: 'issuedOn' },
            { title: '发证机关', dataIndex: 'issuer' },
          ]}
        />
      </Card>
      <Card size="small" title="就业指导" extra={addButton('guidance')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={v.guidance}
          locale={{ emptyText: '暂无就业指导记录' }}
          columns={[
            { title: '日期', dataIndex: 'givenOn' },
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '情况', dataIndex: 'note' },
            { title: '', render: (_, r) => (r.duringMoratorium ? <Tag color="cyan">休渔期</Tag> : null) },
          ]}
        />
      </Card>
      <AddDialog
        caseId={caseId}
        kind={adding}
        trainings={v.trainings.map((t) => ({ value: t.id, label: `${t.course}（${t.fromOn}）` }))}
        onClose={() => setAdding(null)}
      />
    </Flex>
  );
}
