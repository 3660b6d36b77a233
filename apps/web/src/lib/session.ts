import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SessionResponse, type SessionUser, sessionResponseSchema } from '@zhucheng/contracts';
import { useCallback } from 'react';
import { ApiRequestError, apiGet, apiSend, setCsrfToken } from './api.ts';
import { isStorageAvailable, readStorage, writeStorage } from './storage.ts';

// The signed-in state of this browser, shared by the console and the portal (one cookie). It is one
// TanStack Query entry over GET /api/auth/me; login, logout and expiry write the same entry.

/** Why nobody is signed in: never was, the session ran out (or was ended elsewhere), or the user signed out. */
export type SignOutReason = 'anonymous' | 'expired' | 'loggedOut';

export type SessionState =
  | { status: 'signedIn'; session: SessionResponse }
  | { status: 'signedOut'; reason: SignOutReason };

export const sessionQueryKey = ['auth', 'session'] as const;

// The cookie is HttpOnly, so the page cannot see whether there is one. This browser remembers that it
// signed in; without that hint the who-am-I call is skipped: it could only answer 401, which costs a round
// trip and which the browser logs as an error in the console on every first visit. Where storage is
// refused (some private modes and web-views) the call is always made.
const sessionHintKey = 'zhucheng.signedIn';

function setSessionHint(on: boolean): void {
  writeStorage(sessionHintKey, on ? '1' : null);
}

function mayBeSignedIn(): boolean {
  return readStorage(sessionHintKey) === '1' || !isStorageAvailable();
}

async function fetchSessionState(signal: AbortSignal): Promise<SessionState> {
  const hinted = readStorage(sessionHintKey) === '1';
  if (!mayBeSignedIn()) return { status: 'signedOut', reason: 'anonymous' };
  try {
    const session = await apiGet('/api/auth/me', sessionResponseSchema, {
      signal,
      quietSessionProblems: true,
    });
    setCsrfToken(session.csrfToken);
    return { status: 'signedIn', session };
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) {
      setCsrfToken(null);
      setSessionHint(false);
      // A session this browser had is gone. The first 401 also clears the cookie, so a second request
      // (another tab, a retried call) answers "not signed in" rather than "expired": both mean expired here.
      const expired = hinted || error.code === 'SESSION_EXPIRED';
      return { status: 'signedOut', reason: expired ? 'expired' : 'anonymous' };
    }
    throw error;
  }
}

export function useSessionState() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSessionState(signal),
    staleTime: 60_000,
  });
}

/** The session, for pages that are only rendered while someone is signed in (inside the console's gate). */
export function useSession(): SessionResponse {
  const { data } = useSessionState();
  if (data?.status !== 'signedIn') throw new Error('useSession() outside a signed-in page');
  return data.session;
}

export function useSessionUser(): SessionUser {
  return useSession().user;
}

/** Everything cached for the previous user goes; the platform's own name and the session entry stay. */
function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== 'auth' && query.queryKey[0] !== 'platform',
  });
}

/** Records a fresh session (after a login): its CSRF token and the signed-in entry. */
export function startSession(queryClient: QueryClient, session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  setSessionHint(true);
  forgetUserData(queryClient);
  const state: SessionState = { status: 'signedIn', session };
  queryClient.setQueryData(sessionQueryKey, state);
}

/** The session is over (expired, revoked or signed out): the gate sends the user to the login page. */
export function endSession(queryClient: QueryClient, reason: SignOutReason): void {
  setCsrfToken(null);
  setSessionHint(false);
  const state: SessionState = { status: 'signedOut', reason };
  queryClient.setQueryData(sessionQueryKey, state);
  forgetUserData(queryClient);
}

export function useStartSession(): (session: SessionResponse) => void {
  const queryClient = useQueryClient();
  return useCallback((session) => startSession(queryClient, session), [queryClient]);
}

/** Reads /api/auth/me again, e.g. after the password was changed or two-factor sign-in was set up. */
export function useRefreshSession(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.refetchQueries({ queryKey: sessionQueryKey }), [queryClient]);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/auth/logout'),
    // Signed out either way: a session that already ended answers 401, which is the same result.
    onSettled: () => endSession(queryClient, 'loggedOut'),
  });
}
