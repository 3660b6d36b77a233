import L from './leaflet-global.ts';

// leaflet-geoman extends the global `L` when its script runs, and adds `map.pm` to maps created afterwards.
// Imported statically it would land in the shared vendor chunk and run before Leaflet's CommonJS wrapper has set
// `window.L`; loaded on demand it runs after (leaflet-global.ts has set the global by then).

let loading: Promise<typeof L> | null = null;

/** Leaflet with leaflet-geoman loaded; create maps only after this resolves. */
export function loadLeafletGeoman(): Promise<typeof L> {
  loading ??= import('@geoman-io/leaflet-geoman-free').then(() => L);
  return loading;
}
