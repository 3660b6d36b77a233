import { AUTHENTICATED, type PermissionCode } from '@zhucheng/contracts';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

/** What a console page or menu entry asks for: a permission code, or just being signed in. */
export type ConsolePermission = PermissionCode | typeof AUTHENTICATED;

export type Can = (permission: ConsolePermission) => boolean;

const AccessContext = createContext<Can>(() => false);

/**
 * Decides which menu entries, pages and buttons the console shows, from the signed-in user's permission
 * codes. It only hides what would fail: the API checks every call on its own.
 */
export function AccessProvider({ granted, children }: { granted: readonly string[]; children: ReactNode }) {
  const can = useMemo<Can>(() => {
    const set = new Set<string>(granted);
    return (permission) => permission === AUTHENTICATED || set.has(permission);
  }, [granted]);
  return <AccessContext.Provider value={can}>{children}</AccessContext.Provider>;
}

export function useCan(): Can {
  return useContext(AccessContext);
}
