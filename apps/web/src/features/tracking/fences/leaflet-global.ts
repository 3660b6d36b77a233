import L from 'leaflet';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';

// leaflet-geoman extends the global `L`. Leaflet's UMD build sets `window.L` only when its CommonJS wrapper runs,
// which the bundler may put after leaflet-geoman's own code; this module runs it first (leaflet-geoman.ts
// imports it before leaflet-geoman) and sets the global explicitly.
//
// Leaflet's default marker icon looks for its images next to leaflet.css, which a bundler breaks: point it at the
// bundled files (the fence map draws no markers, but any that leaflet-geoman might add then show correctly).

(window as unknown as { L: typeof L }).L = L;
L.Icon.Default.mergeOptions({ iconUrl: markerIcon, iconRetinaUrl: markerIcon2x, shadowUrl: markerShadow });

export default L;
