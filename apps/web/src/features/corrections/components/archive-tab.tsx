import { type SuperviseeView, sentenceKindLabels } from '@zhucheng/contracts';
import { App, Button, Card, Flex, Form, Image, Input, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../lib/access.tsx';
import { useUpdateSupervisee } from '../api/use-corrections.ts';
import { Facts } from './facts.tsx';
import { formFieldOf, toUpdateInput, type UpdateValues, updateValuesOf } from './form-model.ts';
import { PhotoField, photoUrl } from './photo-field.tsx';
import { FlagsField, PeriodField, PhoneField, ProhibitionOrdersField } from './register-fields.tsx';
import { StepDrawer, useStepFailure } from './step-drawer.tsx';

const genderText = (g: SuperviseeView['gender']) => (g === 'female' ? '女' : g === 'male' ? '男' : '—');

/** 档案: the register entry from the court's notice, and its correction (optimistic locking). */
export function ArchiveTab({ s }: { s: SuperviseeView }) {
  const can = useCan();
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title="台账信息"
        extra={
          can('corrections:register') ? (
            <Button size="small" onClick={() => setEditing(true)}>
              修改
            </Button>
          ) : null
        }
      >
        <Flex gap={24} wrap align="flex-start">
          {s.photoFileId ? (
            <Image
              src={photoUrl(s.photoFileId)}
              alt={`${s.name}的照片`}
              width={96}
              height={128}
              style={{ objectFit: 'cover', border: '1px solid #f0f0f0' }}
            />
          ) : (
            <Flex
              align="center"
              justify="center"
              style={{ width: 96, height: 128, background: '#fafafa', border: '1px dashed #d9d9d9' }}
            >
              <Typography.Text type="secondary">无照片</Typography.Text>
            </Flex>
          )}
          <div style={{ flex: '1 1 420px', minWidth: 0 }}>
            <Facts
              rows={[
                { label: '姓名', value: s.name },
                { label: '证件号码', value: s.idNumberMasked ?? '—' },
                { label: '性别', value: genderText(s.gender) },
                { label: '出生日期', value: s.birthDate ?? '—' },
                { label: '本人手机', value: s.phoneMasked ?? '未登记（请在“修改”中补录）' },
                { label: '矫正类别', value: sentenceKindLabels[s.sentenceKind] },
                { label: '罪名', value: s.offence },
                { label: '判决（决定）机关', value: s.courtName },
                { label: '判决书文号', value: s.judgmentNo },
                { label: '生效日期', value: s.judgmentEffectiveOn },
                {
                  label: '执行通知书',
                  value: s.noticeNo
                    ? `${s.noticeNo}${s.noticeReceivedOn ? `（${s.noticeReceivedOn} 收到）` : ''}`
                    : '—',
                },
                {
                  label: '矫正期',
                  value: `${s.periodStart} 至 ${s.periodEnd}（剩余 ${s.daysRemaining} 天）`,
                },
                { label: '执行地', value: s.office.name },
                {
                  label: '禁止令',
                  wide: true,
                  value: s.prohibitionOrders.length ? s.prohibitionOrders.join('；') : '无',
                },
                { label: '报到日期', value: s.reportedInOn ?? '尚未报到' },
              ]}
            />
          </div>
        </Flex>
      </Card>
      <EditDrawer s={s} open={editing} onClose={() => setEditing(false)} />
    </Flex>
  );
}

function EditDrawer({ s, open, onClose }: { s: SuperviseeView; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateValues>();
  const update = useUpdateSupervisee(s.caseId);
  const failure = useStepFailure(form, onClose, formFieldOf);

  const onFinish = (values: UpdateValues) => {
    failure.clear();
    update.mutate(toUpdateInput(values, s.version), {
      onSuccess: () => {
        message.success('台账信息已保存');
        onClose();
      },
      onError: failure.fail,
    });
  };

  return (
    <StepDrawer<UpdateValues>
      title="修改台账信息"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={updateValuesOf(s)}
      onFinish={onFinish}
      pending={update.isPending}
      submitText="保存"
      problem={failure.problem}
      width={720}
      labelWidth={144}
    >
      <Typography.Paragraph type="secondary">
        姓名、证件号码等身份信息在“当事人”中更正。其他人同时修改时，后保存的一方会收到提示并重新加载。
      </Typography.Paragraph>
      <Form.Item
        name="offence"
        label="罪名"
        rules={[{ required: true, whitespace: true, message: '请填写罪名' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="courtName"
        label="判决（决定）机关"
        rules={[{ required: true, whitespace: true, message: '请填写判决（决定）机关' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="judgmentNo"
        label="判决书文号"
        rules={[{ required: true, whitespace: true, message: '请填写判决书文号' }]}
      >
        <Input maxLength={80} />
      </Form.Item>
      <PeriodField />
      <ProhibitionOrdersField />
      <FlagsField />
      <PhoneField
        required={false}
        placeholder={s.phoneMasked ? `现为 ${s.phoneMasked}，不改则留空` : '11 位手机号码'}
      />
      <Form.Item name="photoFileId" label="照片">
        <PhotoField />
      </Form.Item>
    </StepDrawer>
  );
}
