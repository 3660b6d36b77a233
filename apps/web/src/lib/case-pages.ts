import { createContext, useContext } from 'react';

/** A module's own console page for the cases of one type, e.g. `legalAid.application` → 援助申请详情. */
export type CasePagePaths = Readonly<Record<string, (caseId: string) => string>>;

/**
 * The case types that have a module page, provided once by the console shell from every feature's
 * `casePages`. The shared case page (`/cases/:caseId`, where 全部案件, 我的期限, the message centre and
 * metric drill-downs link) forwards there, so a case always opens with its module's tabs.
 */
export const CasePagesContext = createContext<CasePagePaths>({});

/** The module page of a case, or null when its type has none. */
export function useModuleCasePath(caseType: string | undefined, caseId: string): string | null {
  const paths = useContext(CasePagesContext);
  const path = caseType ? paths[caseType] : undefined;
  return path ? path(caseId) : null;
}
