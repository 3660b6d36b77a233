import {
  type LegalAidFundingSource,
  type LegalAidQualityRating,
  type LegalAidReviewMethod,
  legalAidFundingSourceLabels,
  legalAidFundingSources,
  legalAidQualityRatingLabels,
  legalAidQualityRatings,
  legalAidReviewMethodLabels,
  legalAidReviewMethods,
} from '@zhucheng/contracts';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useCaseRating, useRate, yuan } from '../api/quality-api.ts';

interface RatingForm {
  rating: LegalAidQualityRating;
  reviewMethods: LegalAidReviewMethod[];
  fundingSource: LegalAidFundingSource;
  note?: string;
}

/** 质量评估 tab: rate a closed case; the subsidy (标准 × 系数) is fixed when saved. */
export function RatingSection({ caseId }: { caseId: string }) {
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const view = useCaseRating(caseId);
  const rate = useRate(caseId);
  const [form] = Form.useForm<RatingForm>();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <Alert type="error" showIcon message={errorMessage(view.error)} />;
  const v = view.data;
  const r = v.rating;

  const submit = async (values: RatingForm) => {
    setError(null);
    try {
      await rate.mutateAsync({ ...values, ...(r ? { version: r.version } : {}) });
      setEditing(false);
      message.success('质量评估已保存');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const result = r && (
    <Card size="small" title="评估结果">
      <Descriptions
        bordered
        size="small"
        column={narrow ? 1 : 2}
        items={[
          { key: 'rating', label: '质量等级', children: legalAidQualityRatingLabels[r.rating] },
          {
            key: 'methods',
            label: '评估方式',
            children: r.reviewMethods.map((m) => legalAidReviewMethodLabels[m]).join('、'),
          },
          { key: 'base', label: '补贴标准', children: yuan(r.baseYuan) },
          {
            key: 'effective',
            label: '标准生效日期',
            children: r.rateEffectiveFrom ?? '—',
          },
          { key: 'coef', label: '等级系数', children: r.coefficient.toFixed(2) },
          {
            key: 'subsidy',
            label: '补贴金额',
            children: <strong data-testid="subsidy-amount">{yuan(r.subsidyYuan)}</strong>,
          },
          { key: 'fund', label: '资金来源', children: legalAidFundingSourceLabels[r.fundingSource] },
          { key: 'closed', label: '结案日期', children: v.closedOn ?? '—' },
          { key: 'batch', label: '发放状态', children: r.batchId ? '已列入发放批次' : '待发放' },
          { key: 'by', label: '评估人', children: r.ratedByName ?? '—' },
          ...(r.note ? [{ key: 'note', label: '评估意见', children: r.note }] : []),
        ]}
      />
      {!r.batchId && !editing && (
        <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
          修改评估
        </Button>
      )}
    </Card>
  );

  const showForm = v.problem === null && (!r || editing);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {v.problem && <Alert type={r ? 'info' : 'warning'} showIcon message={v.problem} />}
      {!r && v.problem === null && v.rate && (
        <Alert
          type="info"
          showIcon
          message={`结案日期 ${v.closedOn} 适用的补贴标准：${yuan(v.rate.baseYuan)}（自 ${v.rate.effectiveFrom} 起）；补贴金额 = 补贴标准 × 等级系数（优秀 ${v.coefficients.excellent}、良好 ${v.coefficients.good}、合格 ${v.coefficients.qualified}、不合格 ${v.coefficients.unqualified}）。`}
        />
      )}
      {result}
      {showForm && (
        <Card size="small" title={r ? '修改质量评估' : '质量评估'}>
          <FormErrorAlert message={error} />
          <Form<RatingForm>
            form={form}
            {...formLayout(narrow, 96)}
            initialValues={
              r
                ? {
                    rating: r.rating,
                    reviewMethods: r.reviewMethods,
                    fundingSource: r.fundingSource,
                    note: r.note ?? '',
                  }
                : { reviewMethods: [], fundingSource: 'localBudget' }
            }
            onFinish={submit}
          >
            <Form.Item name="rating" label="质量等级" rules={[{ required: true, message: '请选择质量等级' }]}>
              <Radio.Group
                aria-label="质量等级"
                options={legalAidQualityRatings.map((k) => ({
                  value: k,
                  label: legalAidQualityRatingLabels[k],
                }))}
              />
            </Form.Item>
            <Form.Item
              name="reviewMethods"
              label="评估方式"
              rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种评估方式' }]}
            >
              <Checkbox.Group
                aria-label="评估方式"
                options={legalAidReviewMethods.map((k) => ({
                  value: k,
                  label: legalAidReviewMethodLabels[k],
                }))}
              />
            </Form.Item>
            <Form.Item
              name="fundingSource"
              label="资金来源"
              rules={[{ required: true, message: '请选择资金来源' }]}
            >
              <Select
                aria-label="资金来源"
                options={legalAidFundingSources.map((k) => ({
                  value: k,
                  label: legalAidFundingSourceLabels[k],
                }))}
              />
            </Form.Item>
            <Form.Item name="note" label="评估意见">
              <Input.TextArea aria-label="评估意见" rows={3} maxLength={1000} showCount />
            </Form.Item>
            <Form.Item label={narrow ? undefined : ' '} colon={false}>
              <Button type="primary" htmlType="submit" loading={rate.isPending}>
                保存评估
              </Button>
              {editing && (
                <Button style={{ marginLeft: 8 }} onClick={() => setEditing(false)}>
                  取消
                </Button>
              )}
            </Form.Item>
          </Form>
        </Card>
      )}
    </div>
  );
}
