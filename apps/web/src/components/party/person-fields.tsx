import {
  ethnicities,
  type Gender,
  genderLabels,
  type IdType,
  idTypeLabels,
  idTypes,
  type PersonInput,
  type PersonTag,
  personTagLabels,
  personTags,
} from '@zhucheng/contracts';
import { Checkbox, DatePicker, Form, type FormInstance, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { idNumberHint } from './id-number-hint.ts';

/** The form values of PersonFields (birth date as a dayjs for the picker). */
export interface PersonFormValues {
  name: string;
  idType?: IdType | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  gender?: Gender | null;
  birthDate?: Dayjs | null;
  ethnicity?: PersonInput['ethnicity'];
  tags?: PersonTag[];
}

/**
 * Nothing here: the defaults (居民身份证, no tags) sit on the fields themselves, because a form instance
 * that is mounted again (a dialog switching between person and organisation) ignores `initialValues`.
 */
export const personFormDefaults: Partial<PersonFormValues> = {};

/** What POST /api/persons takes. Tags the birth date implies are the API's to add, not sent. */
export function toPersonInput(values: PersonFormValues): PersonInput {
  const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  const idNumber = text(values.idNumber);
  return {
    name: values.name.trim(),
    idType: idNumber ? (values.idType ?? null) : null,
    idNumber,
    phone: text(values.phone),
    address: text(values.address),
    gender: values.gender ?? null,
    birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : null,
    ethnicity: values.ethnicity ?? null,
    tags: (values.tags ?? []).filter((t) => t !== 'minor' && t !== 'elderly'),
  };
}

const ethnicityOptions = ethnicities.map(([value, label]) => ({ value, label }));
const idTypeOptions = idTypes.map((value) => ({ value, label: idTypeLabels[value] }));
const genderOptions = (['male', 'female'] as const).map((value) => ({ value, label: genderLabels[value] }));
/** 未成年人 and 老年人 follow from the birth date; the clerk ticks the others. */
const enteredTags = personTags.filter((t) => t !== 'minor' && t !== 'elderly');

/**
 * A natural person's fields inside the caller's antd Form: the ID number is checked as it is typed (same
 * rules as the API) and, for a resident ID card, fills in gender and birth date, which then cannot be
 * changed by hand.
 */
export function PersonFields({ form }: { form: FormInstance<PersonFormValues> }) {
  const idType = Form.useWatch('idType', form);
  const idNumber = Form.useWatch('idNumber', form);
  const today = dayjs().format('YYYY-MM-DD');
  const hint = idNumberHint(idType, idNumber, today);
  const fromId = idType === 'residentIdCard' && hint.birthDate !== null;

  useEffect(() => {
    if (hint.gender && hint.birthDate) {
      form.setFieldsValue({ gender: hint.gender, birthDate: dayjs(hint.birthDate) });
    }
  }, [form, hint.gender, hint.birthDate]);

  return (
    <>
      <Form.Item
        name="name"
        label="姓名"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="idType"
        label="证件类型"
        initialValue="residentIdCard"
        dependencies={['idNumber']}
        rules={[
          {
            validator: async (_rule, value: IdType | null | undefined) => {
              if (!value && String(form.getFieldValue('idNumber') ?? '').trim())
                throw new Error('请选择证件类型');
            },
          },
        ]}
      >
        <Select options={idTypeOptions} allowClear placeholder="请选择" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="证件号码"
        dependencies={['idType']}
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              if (!value?.trim()) return;
              const verdict = idNumberHint(form.getFieldValue('idType'), value, dayjs().format('YYYY-MM-DD'));
              if (verdict.problem) throw new Error(verdict.problem);
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
          style={{ fontVariantNumeric: 'tabular-nums' }}
        />
      </Form.Item>
      <Form.Item name="gender" label="性别" extra={fromId ? '按身份证号码' : undefined}>
        <Radio.Group options={genderOptions} disabled={fromId} />
      </Form.Item>
      <Form.Item name="birthDate" label="出生日期">
        <DatePicker
          disabled={fromId}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          placeholder="YYYY-MM-DD"
          style={{ width: '100%', maxWidth: 220 }}
        />
      </Form.Item>
      <Form.Item name="ethnicity" label="民族">
        <Select
          options={ethnicityOptions}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择或输入查找"
          style={{ maxWidth: 220 }}
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label="联系电话"
        rules={[
          {
            pattern: /^[\s\d()+\-－（）]*$/,
            message: '联系电话只能包含数字、空格、括号和连字符',
          },
        ]}
      >
        <Input maxLength={30} inputMode="tel" autoComplete="off" placeholder="手机号码或带区号的固定电话" />
      </Form.Item>
      <Form.Item name="address" label="住址">
        <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Form.Item name="tags" label="人员类别" initialValue={[]} extra="未成年人、老年人按出生日期自动标注">
        <Checkbox.Group options={enteredTags.map((value) => ({ value, label: personTagLabels[value] }))} />
      </Form.Item>
    </>
  );
}
