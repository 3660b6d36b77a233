// 当事人 pieces for any module's pages: the case's parties section, the add dialog, the person and
// organisation fields (ID number and credit code checked as typed), and the masked data with 查看.
export { AddPartyDialog, type AddPartyDialogProps } from './add-party-dialog.tsx';
export { CaseParties } from './case-parties.tsx';
export { idNumberHint } from './id-number-hint.ts';
export {
  OrganisationFields,
  type OrganisationFormValues,
  organisationFormDefaults,
  toOrganisationInput,
} from './organisation-fields.tsx';
export * from './party-api.ts';
export { PersonDataReveal } from './person-data-reveal.tsx';
export { PersonFields, type PersonFormValues, personFormDefaults, toPersonInput } from './person-fields.tsx';
