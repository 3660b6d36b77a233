import { Card, Form, type FormInstance, Radio } from 'antd';
import {
  OrganisationFields,
  type OrganisationFormValues,
  PersonFields,
  type PersonFormValues,
  toOrganisationInput,
  toPersonInput,
} from '../../../../components/party/index.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';

export type PartyKind = 'person' | 'organisation';

export interface PartyForms {
  kind: PartyKind;
  person: FormInstance<PersonFormValues>;
  organisation: FormInstance<OrganisationFormValues>;
}

/** The party's input for the API: a person or an organisation. */
export function partyInput(role: 'applicant' | 'respondent', p: PartyForms) {
  return p.kind === 'person'
    ? { role, person: toPersonInput(p.person.getFieldsValue(true) as PersonFormValues) }
    : {
        role,
        organisation: toOrganisationInput(p.organisation.getFieldsValue(true) as OrganisationFormValues),
      };
}

export async function validateParty(p: PartyForms): Promise<boolean> {
  try {
    await (p.kind === 'person' ? p.person : p.organisation).validateFields();
    return true;
  } catch {
    return false;
  }
}

/** 申请人 / 被申请人: a person (ID number checked as typed) or an organisation (credit code), from components/party. */
export function PartyCard({
  name,
  title,
  value,
  onKindChange,
}: {
  /** The form's name: keeps the field ids of two party cards on one page apart. */
  name: string;
  title: string;
  value: PartyForms;
  onKindChange: (kind: PartyKind) => void;
}) {
  const narrow = useIsNarrow();
  const layout = formLayout(narrow, 112);
  return (
    <Card
      title={title}
      size="small"
      extra={
        <Radio.Group
          size="small"
          optionType="button"
          value={value.kind}
          onChange={(e) => onKindChange(e.target.value as PartyKind)}
          options={[
            { value: 'person', label: '个人' },
            { value: 'organisation', label: '单位' },
          ]}
          aria-label={`${title}是个人还是单位`}
        />
      }
    >
      {value.kind === 'person' ? (
        <Form form={value.person} name={`${name}-person`} {...layout}>
          <PersonFields form={value.person} />
        </Form>
      ) : (
        <Form form={value.organisation} name={`${name}-organisation`} {...layout}>
          <OrganisationFields />
        </Form>
      )}
    </Card>
  );
}
