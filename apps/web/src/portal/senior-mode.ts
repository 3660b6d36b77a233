import { readStorage, writeStorage } from '../lib/storage.ts';

// 长辈模式 (senior-friendly mode) is remembered on this device. An inline script in portal/index.html
// (same key and class) applies it before the first paint, so an older user never sees the small layout
// flash first; the bootstrap applies it again in case that script could not run.
const storageKey = 'zhucheng.portal.seniorMode';
const htmlClass = 'senior-mode';

export function readSeniorMode(): boolean {
  return readStorage(storageKey) === 'on';
}

export function applySeniorMode(on: boolean): void {
  document.documentElement.classList.toggle(htmlClass, on);
}

export function saveSeniorMode(on: boolean): void {
  writeStorage(storageKey, on ? 'on' : null);
}
