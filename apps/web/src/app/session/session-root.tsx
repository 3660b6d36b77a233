import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { isSessionEnded, onSessionProblem } from '../../lib/api.ts';
import { endSession, sessionQueryKey } from '../../lib/session.ts';

/**
 * Above every console route. When any API call finds the session gone (timed out, revoked, signed out in
 * another tab) the session entry becomes "expired" and the gate sends the user to the login page; when a
 * call is refused until the password is changed or two-factor sign-in is set up, the session is read again
 * and the gate sends the user to that step.
 */
export function SessionRoot() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionProblem((error) => {
        if (isSessionEnded(error)) endSession(queryClient, 'expired');
        else void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      }),
    [queryClient],
  );
  return <Outlet />;
}
