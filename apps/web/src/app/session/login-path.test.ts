import { describe, expect, it } from 'vitest';
import { changePasswordPath, loginPath, safeReturnPath } from './login-path.ts';

describe('login paths', () => {
  it('remember the page to return to and why the user is at the login page', () => {
    expect(loginPath('/access/users?page=2', 'expired')).toBe(
      '/login?reason=expired&from=%2Faccess%2Fusers%3Fpage%3D2',
    );
    expect(loginPath('/org/units', 'anonymous')).toBe('/login?from=%2Forg%2Funits');
    expect(loginPath('/', 'anonymous')).toBe('/login');
    expect(loginPath('/org/units', 'loggedOut')).toBe('/login');
    expect(changePasswordPath('/org/units')).toBe('/change-password?from=%2Forg%2Funits');
  });

  it('return only to pages of the console', () => {
    expect(safeReturnPath('/org/units')).toBe('/org/units');
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath('https://example.com/')).toBe('/');
    expect(safeReturnPath('//example.com/')).toBe('/');
    expect(safeReturnPath('/login?from=%2F')).toBe('/');
    expect(safeReturnPath('/change-password')).toBe('/');
  });
});
