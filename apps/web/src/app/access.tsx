import type { PermissionCode } from '@zhucheng/contracts';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

export type Can = (permission: PermissionCode) => boolean;

const AccessContext = createContext<Can>(() => false);

/** Decides which menu entries and pages the console shows. The API checks every call on its own. */
export function AccessProvider({
  granted,
  children,
}: {
  granted: readonly PermissionCode[];
  children: ReactNode;
}) {
  const can = useMemo<Can>(() => {
    const set = new Set<PermissionCode>(granted);
    return (permission) => set.has(permission);
  }, [granted]);
  return <AccessContext.Provider value={can}>{children}</AccessContext.Provider>;
}

export function useCan(): Can {
  return useContext(AccessContext);
}
