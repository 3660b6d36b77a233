import { type PartyKind, type PartyRole, partyRoleLabels, partyRoles } from '@zhucheng/contracts';
import { App, Form, Modal, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useFormError } from '../../lib/form-errors.ts';
import { formLayout } from '../../lib/form-layout.ts';
import { useIsNarrow } from '../../lib/responsive.ts';
import { FormErrorAlert } from '../form-error-alert.tsx';
import {
  OrganisationFields,
  type OrganisationFormValues,
  organisationFormDefaults,
  toOrganisationInput,
} from './organisation-fields.tsx';
import { useAddCaseParty, useSaveOrganisation, useSavePerson } from './party-api.ts';
import { PersonFields, type PersonFormValues, personFormDefaults, toPersonInput } from './person-fields.tsx';

export interface AddPartyDialogProps {
  caseId: string;
  open: boolean;
  onClose: () => void;
  /** The roles this case type uses, first is the default (all roles when omitted). */
  roles?: readonly PartyRole[];
}

/**
 * 添加当事人: a person or an organisation in a role. Someone already registered under the same ID number
 * or credit code is found, not entered again; the dialog says so.
 */
export function AddPartyDialog({ caseId, open, onClose, roles = partyRoles }: AddPartyDialogProps) {
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const [kind, setKind] = useState<PartyKind>('person');
  const [role, setRole] = useState<PartyRole>(roles[0] ?? 'applicant');
  const [personForm] = Form.useForm<PersonFormValues>();
  const [organisationForm] = Form.useForm<OrganisationFormValues>();
  const personError = useFormError(personForm);
  const organisationError = useFormError(organisationForm);
  const savePerson = useSavePerson();
  const saveOrganisation = useSaveOrganisation();
  const addParty = useAddCaseParty(caseId);
  const pending = savePerson.isPending || saveOrganisation.isPending || addParty.isPending;

  // Both forms stay mounted while the page lives (the inactive one hidden): a form instance that is
  // mounted again stops seeing its own changes, so closing resets them instead of destroying them.
  const close = () => {
    personError.clear();
    organisationError.clear();
    personForm.resetFields();
    organisationForm.resetFields();
    onClose();
  };
  const done = (found: boolean) => {
    message.success(found ? '已找到登记过的记录，已列为当事人' : '已登记并列为当事人');
    close();
  };

  const submitPerson = async (values: PersonFormValues) => {
    personError.clear();
    try {
      const { person, created } = await savePerson.mutateAsync(toPersonInput(values));
      await addParty.mutateAsync({ role, personId: person.id });
      done(!created);
    } catch (error) {
      personError.report(error);
    }
  };
  const submitOrganisation = async (values: OrganisationFormValues) => {
    organisationError.clear();
    try {
      const { organisation, created } = await saveOrganisation.mutateAsync(toOrganisationInput(values));
      await addParty.mutateAsync({ role, organisationId: organisation.id });
      done(!created);
    } catch (error) {
      organisationError.report(error);
    }
  };

  return (
    <Modal
      open={open}
      title="添加当事人"
      okText="添加"
      cancelText="取消"
      width={narrow ? '100%' : 720}
      onOk={() => (kind === 'person' ? personForm.submit() : organisationForm.submit())}
      onCancel={close}
      confirmLoading={pending}
      forceRender
    >
      <Form {...formLayout(narrow, 140)} component="div">
        <Form.Item label="身份" required>
          <Select
            value={role}
            onChange={setRole}
            options={roles.map((value) => ({ value, label: partyRoleLabels[value] }))}
            style={{ maxWidth: 220 }}
          />
        </Form.Item>
        <Form.Item label="类型">
          <Segmented<PartyKind>
            value={kind}
            onChange={setKind}
            options={[
              { value: 'person', label: '自然人' },
              { value: 'organisation', label: '单位' },
            ]}
          />
        </Form.Item>
      </Form>
      <div hidden={kind !== 'person'}>
        <FormErrorAlert message={personError.message} />
        <Form<PersonFormValues>
          name="person"
          form={personForm}
          {...formLayout(narrow, 140)}
          initialValues={personFormDefaults}
          onFinish={submitPerson}
        >
          <PersonFields form={personForm} />
        </Form>
      </div>
      <div hidden={kind !== 'organisation'}>
        <FormErrorAlert message={organisationError.message} />
        <Form<OrganisationFormValues>
          name="organisation"
          form={organisationForm}
          {...formLayout(narrow, 140)}
          initialValues={organisationFormDefaults}
          onFinish={submitOrganisation}
        >
          <OrganisationFields />
        </Form>
      </div>
    </Modal>
  );
}
