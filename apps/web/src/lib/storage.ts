// localStorage can be missing or throw (private mode, some WeChat web-views, storage quota);
// the app must keep working without it, so every access is guarded.

export function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not persisted: the setting still applies for this visit.
  }
}
