/**
 * Where 我的 sends a citizen back after signing in (`/me?next=…`): portal paths only, never `//host`,
 * `/\host` or a full URL, so a crafted link cannot send a freshly signed-in user to another site.
 */
export function returnPath(value: string | null): string | null {
  if (!value || !/^\/(?![/\\])/.test(value)) return null;
  return value;
}
