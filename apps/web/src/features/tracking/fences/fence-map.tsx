import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type { FenceShapeInput, FenceView } from '@zhucheng/contracts';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import landData from '../map/beibu-gulf.geo.json';
import { purposeColors } from './fence-format.ts';
import { loadLeafletGeoman } from './leaflet-geoman.ts';
import {
  circleFromLatLng,
  corridorFromLatLngs,
  corridorOutline,
  polygonFromLatLngs,
  shapeBounds,
  toLeafletShape,
} from './shape-convert.ts';

// The fences' map, offline: no tile layer; the sea is the container's colour and the land is the committed
// county GeoJSON (map/README.md). Every fence is drawn in its purpose's colour, the selected one stronger.
// While the form is open (`draft`), leaflet-geoman's toolbar draws one polygon, circle or polyline (a corridor
// with the form's width) and edits or drags it; each change is reported as the contract's shape.

export const SEA_COLOR = '#b9d7ea';
const LAND_STYLE: L.PathOptions = {
  fillColor: '#f4eedc',
  fillOpacity: 1,
  color: '#9b9b9b',
  weight: 0.7,
  opacity: 1,
};
const DRAFT_COLOR = '#d46b08';
const BEIHAI: L.LatLngTuple = [21.3, 109.2];

type GeoJsonInput = Parameters<typeof L.geoJSON>[0];
interface LandFeature {
  properties: { name: string; city: string; code: string };
}

export interface FenceDraft {
  /** Changes with each opening of the form: the drawing starts again from `initial`. */
  key: string;
  /** The fence's shape when editing one; null for a new fence. */
  initial: FenceShapeInput | null;
  /** The fence being edited, not drawn among the others. */
  fenceId: string | null;
  /** The shape as the form has it now (a corridor's width comes from the form). */
  current: FenceShapeInput | null;
  corridorWidthM: number;
}

interface FenceMapProps {
  fences: readonly FenceView[];
  selectedId: string | null;
  onSelect: (fenceId: string) => void;
  draft: FenceDraft | null;
  onDraftChange: (shape: FenceShapeInput | null) => void;
  height: number | string;
}

function layerForShape(shape: FenceShapeInput, style: L.PathOptions & { pmIgnore?: boolean }): L.Layer[] {
  const s = toLeafletShape(shape);
  switch (s.kind) {
    case 'polygon':
      return [L.polygon(s.latlngs, style)];
    case 'circle':
      return [L.circle(s.center, { ...style, radius: s.radiusM })];
    case 'corridor':
      return [L.polyline(s.latlngs, { ...style, fill: false })];
  }
}

function corridorArea(shape: FenceShapeInput, style: L.PathOptions): L.Layer[] {
  if (shape.kind !== 'corridor') return [];
  const rings = corridorOutline(shape.line, shape.widthM);
  if (rings.length === 0) return [];
  // One path: the rings wind the same way, so the non-zero fill is their union (no darker overlaps).
  return [
    L.polygon(rings, { ...style, stroke: false, fillRule: 'nonzero', interactive: false, pmIgnore: true }),
  ];
}

function shapeOfLayer(layer: L.Layer, corridorWidthM: number): FenceShapeInput | null {
  if (layer instanceof L.Circle) return circleFromLatLng(layer.getLatLng(), layer.getRadius());
  if (layer instanceof L.Polygon) return polygonFromLatLngs(layer.getLatLngs());
  if (layer instanceof L.Polyline) return corridorFromLatLngs(layer.getLatLngs(), corridorWidthM);
  return null;
}

export function FenceMap({ fences, selectedId, onSelect, draft, onDraftChange, height }: FenceMapProps) {
  const containerRef = useRef<HTMLElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const fenceLayer = useRef<L.LayerGroup | null>(null);
  const previewLayer = useRef<L.LayerGroup | null>(null);
  const onSelectRef = useRef(onSelect);
  const onDraftChangeRef = useRef(onDraftChange);
  const draftRef = useRef(draft);
  onSelectRef.current = onSelect;
  onDraftChangeRef.current = onDraftChange;
  draftRef.current = draft;

  // The map, once leaflet-geoman is loaded: land, scale, the fences' layer group.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    let created: L.Map | null = null;
    let resize: ResizeObserver | null = null;
    let cancelled = false;
    loadLeafletGeoman().then(
      () => {
        if (cancelled) return;
        const m = L.map(el, { attributionControl: false, minZoom: 6, maxZoom: 17, zoomSnap: 0.5 });
        m.pm.setLang('zh');
        L.geoJSON(
          landData as unknown as GeoJsonInput,
          {
            style: () => LAND_STYLE,
            interactive: false,
            pmIgnore: true,
            snapIgnore: true,
          } as L.GeoJSONOptions,
        ).addTo(m);
        const beihai = L.geoJSON({
          ...landData,
          features: (landData.features as LandFeature[]).filter((f) => f.properties.city === '北海市'),
        } as unknown as GeoJsonInput);
        const bounds = beihai.getBounds();
        if (bounds.isValid()) m.fitBounds(bounds, { padding: [8, 8] });
        else m.setView(BEIHAI, 9);
        L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(m);
        fenceLayer.current = L.layerGroup().addTo(m);
        previewLayer.current = L.layerGroup().addTo(m);
        resize = new ResizeObserver(() => m.invalidateSize());
        resize.observe(el);
        created = m;
        setMap(m);
      },
      () => {
        if (!cancelled) setLoadFailed(true);
      },
    );
    return () => {
      cancelled = true;
      resize?.disconnect();
      created?.remove();
      fenceLayer.current = null;
      previewLayer.current = null;
      setMap(null);
    };
  }, []);

  // The fences, coloured by purpose; the selected one on top and stronger; the one being edited left out.
  const drawing = draft !== null;
  const editedId = draft?.fenceId ?? null;
  useEffect(() => {
    const group = fenceLayer.current;
    if (!map || !group) return;
    group.clearLayers();
    const ordered = [...fences].sort((a, b) => Number(a.id === selectedId) - Number(b.id === selectedId));
    for (const f of ordered) {
      if (f.id === editedId) continue;
      const selected = f.id === selectedId;
      const color = purposeColors[f.purpose].stroke;
      const style: L.PathOptions & { pmIgnore: boolean; snapIgnore: boolean } = {
        color,
        fillColor: color,
        weight: selected ? 4 : 2,
        opacity: f.active ? 0.95 : 0.6,
        fillOpacity: selected ? 0.3 : f.active ? 0.12 : 0.05,
        dashArray: f.active ? undefined : '6 5',
        interactive: !drawing,
        pmIgnore: true,
        snapIgnore: true,
      };
      for (const layer of corridorArea(f.shape, { ...style, fillOpacity: selected ? 0.3 : 0.15 }))
        group.addLayer(layer);
      for (const layer of layerForShape(
        f.shape,
        f.shape.kind === 'corridor' ? { ...style, dashArray: '8 4' } : style,
      )) {
        if (!drawing) {
          layer.on('click', () => onSelectRef.current(f.id));
          layer.bindTooltip(`${f.name}${f.active ? '' : '（停用）'}`, { sticky: true });
        }
        group.addLayer(layer);
      }
    }
  }, [map, fences, selectedId, editedId, drawing]);

  // Bring the selected fence into view when the selection changes.
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    const fence = fences.find((f) => f.id === selectedId);
    if (!map || !fence || fitted.current === fence.id) return;
    fitted.current = fence.id;
    map.fitBounds(shapeBounds(fence.shape), { maxZoom: 12, padding: [60, 60] });
  }, [map, fences, selectedId]);

  // Drawing: the toolbar, the shape being drawn or edited (one at a time), and its changes reported.
  const draftKey = draft?.key ?? null;
  useEffect(() => {
    if (!map || draftKey === null) return;
    const group = L.featureGroup().addTo(map);
    const style: L.PathOptions = { color: DRAFT_COLOR, fillColor: '#ffa940', weight: 3, fillOpacity: 0.35 };
    map.pm.setGlobalOptions({
      layerGroup: group,
      pathOptions: style,
      templineStyle: { color: DRAFT_COLOR },
      hintlineStyle: { color: DRAFT_COLOR, dashArray: [5, 5] },
      allowSelfIntersection: false,
      snappable: true,
      continueDrawing: false,
    });
    map.pm.addControls({
      position: 'topleft',
      drawMarker: false,
      drawCircleMarker: false,
      drawRectangle: false,
      drawText: false,
      drawPolygon: true,
      drawCircle: true,
      drawPolyline: true,
      editMode: true,
      dragMode: true,
      cutPolygon: false,
      rotateMode: false,
      removalMode: true,
    });
    let current: L.Layer | null = null;
    const report = () => {
      const width = draftRef.current?.corridorWidthM ?? 0;
      onDraftChangeRef.current(current ? shapeOfLayer(current, width) : null);
    };
    const watch = (layer: L.Layer) => {
      layer.on('pm:edit pm:dragend pm:vertexadded pm:vertexremoved', report);
    };
    const initial = draftRef.current?.initial ?? null;
    if (initial) {
      const [layer] = layerForShape(initial, style);
      if (layer) {
        group.addLayer(layer);
        current = layer;
        watch(layer);
        map.fitBounds(shapeBounds(initial), { maxZoom: 13, padding: [40, 40] });
      }
    }
    const onCreate = (e: { layer: L.Layer }) => {
      if (current && current !== e.layer) group.removeLayer(current);
      current = e.layer;
      watch(e.layer);
      report();
    };
    const onRemove = (e: { layer: L.Layer }) => {
      if (e.layer !== current) return;
      current = null;
      report();
    };
    map.on('pm:create', onCreate);
    map.on('pm:remove', onRemove);
    return () => {
      map.off('pm:create', onCreate);
      map.off('pm:remove', onRemove);
      map.pm.disableDraw();
      map.pm.disableGlobalEditMode();
      map.pm.disableGlobalDragMode();
      map.pm.disableGlobalRemovalMode();
      map.pm.removeControls();
      group.remove();
    };
  }, [map, draftKey]);

  // A corridor's area (the line grown by half its width either side) while it is being drawn.
  const preview = draft?.current ?? null;
  useEffect(() => {
    const group = previewLayer.current;
    if (!map || !group) return;
    group.clearLayers();
    if (preview?.kind !== 'corridor') return;
    for (const layer of corridorArea(preview, {
      color: DRAFT_COLOR,
      fillColor: DRAFT_COLOR,
      fillOpacity: 0.18,
    })) {
      group.addLayer(layer);
    }
  }, [map, preview]);

  return (
    <div style={{ position: 'relative' }}>
      <section
        ref={containerRef}
        aria-label="电子围栏地图"
        data-testid="fence-map"
        style={{ height, width: '100%', background: SEA_COLOR, borderRadius: 8, zIndex: 0 }}
      />
      {(loadFailed || !map) && (
        <div
          role={loadFailed ? 'alert' : 'status'}
          style={{
            position: 'absolute',
            top: 12,
            left: 0,
            right: 0,
            textAlign: 'center',
            pointerEvents: 'none',
          }}
        >
          {loadFailed ? '地图组件加载失败，请检查网络后刷新页面' : '正在加载地图…'}
        </div>
      )}
    </div>
  );
}
