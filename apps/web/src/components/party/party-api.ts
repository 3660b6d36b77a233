import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  casePartyListSchema,
  casePartyViewSchema,
  type IdType,
  type OrganisationInput,
  organisationListSchema,
  organisationLookupResultSchema,
  organisationSaveResultSchema,
  type PartyRole,
  type PersonInput,
  personListSchema,
  personLookupResultSchema,
  personRevealSchema,
  personSaveResultSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../lib/api.ts';

// The 当事人 routes (apps/api platform/persons). ID numbers go in POST bodies only, never in a URL.

export const partiesQueryKey = ['parties'] as const;

const personResult = personSaveResultSchema;
const organisationResult = organisationSaveResultSchema;
const partyList = casePartyListSchema;

/** POST /api/persons: the person already registered under this document, or a new one. */
export function useSavePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonInput) => apiSend('POST', '/api/persons', body, personResult),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partiesQueryKey }),
  });
}

/** POST /api/persons/lookup: who is registered under this document (masks only), or null. */
export function useLookupPerson() {
  return useMutation({
    mutationFn: (body: { idType: IdType; idNumber: string }) =>
      apiSend('POST', '/api/persons/lookup', body, personLookupResultSchema),
  });
}

export function useSaveOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationInput) => apiSend('POST', '/api/organisations', body, organisationResult),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partiesQueryKey }),
  });
}

/** POST /api/persons/:id/reveal: the full ID number, phone and address (the API writes an audit line). */
export function useRevealPerson() {
  return useMutation({
    mutationFn: (personId: string) =>
      apiSend('POST', `/api/persons/${encodeURIComponent(personId)}/reveal`, {}, personRevealSchema),
  });
}

export function useCaseParties(caseId: string) {
  return useQuery({
    queryKey: [...partiesQueryKey, 'case', caseId],
    queryFn: ({ signal }) =>
      apiGet(`/api/cases/${encodeURIComponent(caseId)}/parties`, partyList, { signal }),
  });
}

export function useAddCaseParty(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { role: PartyRole; personId?: string; organisationId?: string }) =>
      apiSend('POST', `/api/cases/${encodeURIComponent(caseId)}/parties`, body, casePartyViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...partiesQueryKey, 'case', caseId] }),
  });
}

export function useRemoveCaseParty(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (partyId: string) =>
      apiSend('DELETE', `/api/cases/${encodeURIComponent(caseId)}/parties/${encodeURIComponent(partyId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...partiesQueryKey, 'case', caseId] }),
  });
}

/** GET /api/persons?name=: up to 50 persons whose name contains the text (masks only). */
export function usePersonList(name: string, enabled = true) {
  return useQuery({
    queryKey: [...partiesQueryKey, 'persons', name],
    queryFn: ({ signal }) => apiGet(`/api/persons${queryString({ name })}`, personListSchema, { signal }),
    enabled,
  });
}

export function useOrganisationList(name: string, enabled = true) {
  return useQuery({
    queryKey: [...partiesQueryKey, 'organisations', name],
    queryFn: ({ signal }) =>
      apiGet(`/api/organisations${queryString({ name })}`, organisationListSchema, { signal }),
    enabled,
  });
}

export function useLookupOrganisation() {
  return useMutation({
    mutationFn: (creditCode: string) =>
      apiSend('POST', '/api/organisations/lookup', { creditCode }, organisationLookupResultSchema),
  });
}
