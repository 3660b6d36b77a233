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

/** False in private modes and web-views that refuse storage; callers then skip storage-based shortcuts. */
export function isStorageAvailable(): boolean {
  try {
    const probe = 'zhucheng.probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}
