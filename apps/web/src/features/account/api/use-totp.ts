import { useMutation } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api.ts';

export interface TotpSetup {
  /** Base32 secret for manual entry. */
  secret: string;
  /** otpauth:// URI, shown as a QR code. */
  uri: string;
}

export function useBeginTotpSetup() {
  return useMutation({ mutationFn: () => apiSend<TotpSetup>('POST', '/api/auth/totp/setup') });
}

export function useConfirmTotp() {
  return useMutation({ mutationFn: (code: string) => apiSend('POST', '/api/auth/totp/confirm', { code }) });
}

export function useDisableTotp() {
  return useMutation({
    mutationFn: (password: string) => apiSend('POST', '/api/auth/totp/disable', { password }),
  });
}
