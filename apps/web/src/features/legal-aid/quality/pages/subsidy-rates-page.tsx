import {
  type LegalAidMatterType,
  type LegalAidSubsidyRate,
  legalAidMatterTypeLabels,
  legalAidMatterTypes,
  legalAidQualityRatingLabels,
  legalAidQualityRatings,
} from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useAddRate, useSubsidyRates, yuan } from '../api/quality-api.ts';

interface RateForm {
  matterType: LegalAidMatterType;
  effectiveFrom: Dayjs;
  baseYuan: number;
  note?: string;
}

/** 补贴标准: base subsidy per case type from a day on; a rate already used is kept, a new one is added. */
export default function SubsidyRatesPage() {
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const rates = useSubsidyRates();
  const add = useAddRate();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<RateForm>();

  const submit = async (v: RateForm) => {
    setError(null);
    try {
      await add.mutateAsync({
        matterType: v.matterType,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        baseYuan: v.baseYuan,
        ...(v.note ? { note: v.note } : {}),
      });
      message.success('补贴标准已添加');
      setOpen(false);
      form.resetFields();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const c = rates.data?.coefficients;
  return (
    <>
      <PageHeader
        title="补贴标准"
        description="按案件类型设定办案补贴标准，自生效日期起结案的案件适用；补贴金额 = 标准 × 质量等级系数"
        extra={
          <Button type="primary" onClick={() => setOpen(true)}>
            新增补贴标准
          </Button>
        }
      />
      {rates.isError && <Alert type="error" showIcon message={errorMessage(rates.error)} />}
      {c && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          message={`质量等级系数：${legalAidQualityRatings.map((r) => `${legalAidQualityRatingLabels[r]} ${c[r]}`).join('，')}（系统配置 legalAid.subsidyCoefficients）`}
        />
      )}
      <Card size="small">
        <Table<LegalAidSubsidyRate>
          rowKey="id"
          size="small"
          loading={rates.isPending}
          dataSource={rates.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description="还没有补贴标准，请点击“新增补贴标准”" /> }}
          columns={[
            {
              title: '案件类型',
              dataIndex: 'matterType',
              render: (t: LegalAidMatterType) => legalAidMatterTypeLabels[t],
            },
            { title: '生效日期', dataIndex: 'effectiveFrom' },
            { title: '补贴标准', dataIndex: 'baseYuan', align: 'right', render: (n: number) => yuan(n) },
            {
              title: '使用情况',
              dataIndex: 'usedBy',
              render: (n: number) => (n > 0 ? <Tag color="blue">已用于 {n} 件评估</Tag> : <Tag>未使用</Tag>),
            },
            { title: '依据或说明', dataIndex: 'note', render: (t: string | null) => t ?? '—' },
          ]}
        />
      </Card>
      <Modal
        title="新增补贴标准"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        cancelText="取消"
        confirmLoading={add.isPending}
        width={narrow ? '100%' : 520}
        destroyOnHidden
      >
        <FormErrorAlert message={error} />
        <Form<RateForm> form={form} {...formLayout(narrow, 110)} onFinish={submit} preserve={false}>
          <Form.Item
            name="matterType"
            label="案件类型"
            rules={[{ required: true, message: '请选择案件类型' }]}
          >
            <Select
              aria-label="案件类型"
              options={legalAidMatterTypes.map((k) => ({ value: k, label: legalAidMatterTypeLabels[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label="生效日期"
            rules={[{ required: true, message: '请选择生效日期' }]}
          >
            <DatePicker aria-label="生效日期" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="baseYuan"
            label="补贴标准（元）"
            rules={[{ required: true, message: '请填写补贴标准' }]}
          >
            <InputNumber<number>
              aria-label="补贴标准（元）"
              min={0}
              max={1_000_000}
              precision={2}
              style={{ width: '100%' }}
              formatter={(x) => `${x ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
              parser={(x) => Number((x ?? '').replace(/,/g, ''))}
            />
          </Form.Item>
          <Form.Item name="note" label="依据或说明">
            <Input aria-label="依据或说明" maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
