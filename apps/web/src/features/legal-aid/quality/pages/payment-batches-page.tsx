import type { LegalAidPaymentBatch } from '@zhucheng/contracts';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { useSessionUser } from '../../../../lib/session.ts';
import { batchExportUrl, useCreateBatch, usePaymentBatches, yuan } from '../api/quality-api.ts';

/** 补贴发放: a batch per period of the rated, unpaid cases, downloaded as .xlsx for the finance office. */
export default function PaymentBatchesPage() {
  const { message } = App.useApp();
  const user = useSessionUser();
  const batches = usePaymentBatches();
  const create = useCreateBatch();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs] }>();

  const submit = async ({ period }: { period: [Dayjs, Dayjs] }) => {
    setError(null);
    if (user.unitId === null) {
      setError('您的账号未归属任何单位');
      return;
    }
    try {
      const b = await create.mutateAsync({
        unitId: user.unitId,
        periodFrom: period[0].format('YYYY-MM-DD'),
        periodTo: period[1].format('YYYY-MM-DD'),
      });
      message.success(`已生成发放批次：${b.itemCount} 件，合计 ${yuan(b.totalYuan)}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title="补贴发放"
        description={`${user.unitName ?? ''}：按期间汇总已评估、尚未发放的办案补贴，生成发放批次并导出发放表`}
      />
      <Card size="small" title="生成发放批次" style={{ marginBottom: 16 }}>
        <FormErrorAlert message={error} />
        <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
          <Form.Item
            name="period"
            label="评估期间"
            rules={[{ required: true, message: '请选择评估期间' }]}
            initialValue={[dayjs().startOf('month'), dayjs()]}
          >
            <DatePicker.RangePicker aria-label="评估期间" allowClear={false} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              生成发放批次
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {batches.isError && <Alert type="error" showIcon message={errorMessage(batches.error)} />}
      <Card size="small" title="发放批次">
        <Table<LegalAidPaymentBatch>
          rowKey="id"
          size="small"
          loading={batches.isPending}
          dataSource={batches.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description="还没有发放批次" /> }}
          columns={[
            { title: '法律援助中心', render: (_, b) => b.unit.name },
            { title: '评估期间', render: (_, b) => `${b.periodFrom} 至 ${b.periodTo}` },
            { title: '案件数', dataIndex: 'itemCount', align: 'right' },
            { title: '补贴合计', dataIndex: 'totalYuan', align: 'right', render: (n: number) => yuan(n) },
            {
              title: '生成',
              render: (_, b) => (
                <Typography.Text type="secondary">
                  {dayjs(b.createdAt).format('YYYY-MM-DD HH:mm')} {b.createdByName ?? ''}
                </Typography.Text>
              ),
            },
            {
              title: '操作',
              render: (_, b) => (
                <a
                  href={batchExportUrl(b.id)}
                  download
                  aria-label={`下载发放表 ${b.periodFrom} 至 ${b.periodTo}`}
                >
                  下载发放表（.xlsx）
                </a>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
