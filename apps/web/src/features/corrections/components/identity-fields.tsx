import { genderLabels, type IdType, idTypeLabels, idTypes, personTagLabels } from '@zhucheng/contracts';
import { DatePicker, Form, type FormInstance, Input, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { idNumberHint } from '../../../components/party/index.ts';
import type { IdentityValues } from './form-model.ts';

const idTypeOptions = idTypes.map((value) => ({ value, label: idTypeLabels[value] }));
const genderOptions = (['male', 'female'] as const).map((value) => ({ value, label: genderLabels[value] }));

/**
 * The person's identity inside a corrections form: name, document and number (a resident ID card is
 * checked as it is typed, check digit included, and fills in gender and birth date), gender, birth date,
 * address. The person's own phone is the form's `phone` field, outside this block.
 */
export function IdentityFields<T extends IdentityValues>({ form }: { form: FormInstance<T> }) {
  const untyped = form as unknown as FormInstance<IdentityValues>;
  const idType = Form.useWatch('idType', untyped);
  const idNumber = Form.useWatch('idNumber', untyped);
  const hint = idNumberHint(idType, idNumber, dayjs().format('YYYY-MM-DD'));
  const fromId = idType === 'residentIdCard' && hint.birthDate !== null;

  useEffect(() => {
    if (hint.gender && hint.birthDate) {
      untyped.setFieldsValue({ gender: hint.gender, birthDate: dayjs(hint.birthDate) });
    }
  }, [untyped, hint.gender, hint.birthDate]);

  return (
    <>
      <Form.Item
        name="name"
        label="姓名"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item name="idType" label="证件类型" initialValue="residentIdCard">
        <Select<IdType> options={idTypeOptions} style={{ maxWidth: 220 }} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="证件号码"
        dependencies={['idType']}
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          { required: true, whitespace: true, message: '请填写证件号码' },
          {
            validator: async (_rule, value: string | undefined) => {
              if (!value?.trim()) return;
              const verdict = idNumberHint(
                untyped.getFieldValue('idType'),
                value,
                dayjs().format('YYYY-MM-DD'),
              );
              if (verdict.problem) throw new Error(verdict.problem);
              if (untyped.getFieldValue('idType') === 'residentIdCard' && verdict.incomplete) {
                throw new Error('居民身份证号码应为 18 位');
              }
            },
          },
        ]}
        extra={
          fromId ? (
            <Typography.Text type="success">
              校验通过：{hint.gender ? genderLabels[hint.gender] : ''}，{hint.birthDate} 出生
              {hint.derivedTags.map((t) => `，${personTagLabels[t]}`).join('')}
            </Typography.Text>
          ) : idType === 'residentIdCard' ? (
            '18 位，末位可能是 X；填好后自动识别性别和出生日期'
          ) : undefined
        }
      >
        <Input
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          style={{ maxWidth: 320, fontVariantNumeric: 'tabular-nums' }}
        />
      </Form.Item>
      <Form.Item
        name="gender"
        label="性别"
        rules={[{ required: true, message: '请选择性别' }]}
        extra={fromId ? '按身份证号码' : undefined}
      >
        <Radio.Group options={genderOptions} disabled={fromId} />
      </Form.Item>
      <Form.Item name="birthDate" label="出生日期" rules={[{ required: true, message: '请选择出生日期' }]}>
        <DatePicker
          disabled={fromId}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          placeholder="YYYY-MM-DD"
          style={{ width: '100%', maxWidth: 220 }}
        />
      </Form.Item>
      <Form.Item name="address" label="居住地">
        <Input.TextArea
          maxLength={200}
          autoSize={{ minRows: 1, maxRows: 3 }}
          placeholder="经常居住地的详细地址"
        />
      </Form.Item>
    </>
  );
}
