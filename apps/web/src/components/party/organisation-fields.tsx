import {
  creditCodeProblem,
  type OrganisationInput,
  type OrganisationKind,
  organisationKindLabels,
  organisationKinds,
} from '@zhucheng/contracts';
import { Form, Input, Select } from 'antd';

export interface OrganisationFormValues {
  name: string;
  creditCode?: string | null;
  kind: OrganisationKind;
  legalRepresentative?: string | null;
  address?: string | null;
  phone?: string | null;
}

/** Kept for symmetry with personFormDefaults; the kind's default sits on its field. */
export const organisationFormDefaults: Partial<OrganisationFormValues> = {};

export function toOrganisationInput(values: OrganisationFormValues): OrganisationInput {
  const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  return {
    name: values.name.trim(),
    creditCode: text(values.creditCode),
    kind: values.kind,
    legalRepresentative: text(values.legalRepresentative),
    address: text(values.address),
    phone: text(values.phone),
  };
}

function checkCode(minLength: number) {
  return async (_rule: unknown, value: string | undefined) => {
    const code = (value ?? '').replace(/\s/g, '');
    if (code.length < minLength) return;
    const problem = creditCodeProblem(code);
    if (problem) throw new Error(problem);
  };
}

const kindOptions = organisationKinds.map((value) => ({ value, label: organisationKindLabels[value] }));

/** An organisation's fields inside the caller's antd Form; the credit code is checked as it is typed (GB 32100). */
export function OrganisationFields() {
  return (
    <>
      <Form.Item
        name="name"
        label="单位名称"
        rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label="统一社会信用代码"
        validateTrigger={['onChange', 'onBlur']}
        extra="18 位，见营业执照或登记证书；填写后可找到已登记的单位"
        rules={[
          // While typing, judge only a complete code; on leaving the field, say what is missing too.
          { validator: checkCode(18), validateTrigger: 'onChange' },
          { validator: checkCode(1), validateTrigger: 'onBlur' },
        ]}
      >
        <Input maxLength={24} autoComplete="off" spellCheck={false} style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item
        name="kind"
        label="单位类型"
        initialValue="enterprise"
        rules={[{ required: true, message: '请选择单位类型' }]}
      >
        <Select options={kindOptions} style={{ maxWidth: 220 }} />
      </Form.Item>
      <Form.Item name="legalRepresentative" label="法定代表人">
        <Input maxLength={60} autoComplete="off" placeholder="或主要负责人" />
      </Form.Item>
      <Form.Item name="phone" label="联系电话">
        <Input maxLength={30} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label="地址">
        <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
    </>
  );
}
