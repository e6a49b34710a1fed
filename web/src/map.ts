// The schematic map: MapLibre GL with a blank style (no tiles, no network), village polygons
// coloured by their resulting township, township outlines, and HTML labels (no glyph server).
// Where the bureau configured a basemap (quhua serve --basemap: its own tile service, e.g.
// 天地图 WMTS with its key and 审图号), a 底图 switch draws it underneath — off until the
// planner turns it on, remembered in this browser; nothing depends on it.

import maplibregl, { type GeoJSONSource, type Map as MlMap, Marker } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Basemap } from './api';
import { getLang, t } from './i18n';

let basemap: Basemap | null = null;

/** The basemap the server offers (from the session), or none. */
export function setBasemap(b: Basemap | null | undefined): void { basemap = b ?? null; }

const BASEMAP_KEY = 'quhua.basemap';
const basemapWanted = (): boolean => typeof localStorage !== 'undefined' && localStorage.getItem(BASEMAP_KEY) === 'on';

const PALETTE = [
  '#8dd3c7', '#fdb462', '#bebada', '#fb8072', '#80b1d3', '#b3de69', '#fccde5', '#bc80bd',
  '#ccebc5', '#ffed6f', '#a6cee3', '#e5c494', '#66c2a5', '#fc8d62', '#8da0cb', '#e78ac3',
  '#a6d854', '#ffd92f', '#b2df8a', '#cab2d6', '#fdbf6f', '#d9d9d9',
];

export function unitColor(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#cccccc';
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface MapView {
  map: MlMap;
  ready: Promise<void>;
  /** Sets the village polygons (once per county). */
  setVillages(fc: GeoJSON.FeatureCollection): void;
  /** Colours villages by unit (village code → unit index; `colorOf` a unit's colour, by
   * default its index's) and draws the resulting townships. */
  setResult(townships: GeoJSON.FeatureCollection | null, villageUnit: Map<string, number>, colorOf?: (unit: number) => string,
    decorate?: (unit: number) => { prefix: string; title: string }): void;
  /** Outlines units breaking a rule (dashed; indices into the evaluation's units). */
  setFlagged(flagged: number[]): void;
  /** Small markers at the seats of the resulting units: (lon, lat, hover text). */
  setSeats(seats: [number, number, string][]): void;
  /** Highlights the selected units (indices into the evaluation's units). */
  setSelection(selected: number[]): void;
  /** The label point of a unit of the current result. */
  labelPoint(index: number): [number, number] | undefined;
  destroy(): void;
}

export function createMap(container: HTMLElement, onClickVillage?: (code: string) => void, hover?: (code: string) => string | null): MapView {
  container.classList.add('map');
  const badge = document.createElement('div');
  badge.className = 'schematic-badge';
  badge.innerHTML = `<strong>${t('schematic')}</strong><span>${t('schematicNote')}</span>`;
  const bm = basemap;
  const on = bm !== null && basemapWanted();
  const sources: Record<string, maplibregl.SourceSpecification> = {};
  const layers: maplibregl.LayerSpecification[] = [{ id: 'bg', type: 'background', paint: { 'background-color': '#f3f1ea' } }];
  if (bm) {
    const visibility = on ? 'visible' : 'none';
    sources['basemap'] = { type: 'raster', tiles: bm.tiles, tileSize: bm.tile_size, maxzoom: bm.max_zoom, attribution: bm.attribution };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap', layout: { visibility } });
    if (bm.labels.length) {
      sources['basemap-labels'] = { type: 'raster', tiles: bm.labels, tileSize: bm.tile_size, maxzoom: bm.max_zoom };
      layers.push({ id: 'basemap-labels', type: 'raster', source: 'basemap-labels', layout: { visibility } });
    }
  }
  const map = new maplibregl.Map({
    container,
    style: { version: 8, sources, layers },
    center: [114.7, 38.62],
    zoom: 9,
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  container.appendChild(badge);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  if (bm) {
    map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: bm.attribution }), 'bottom-right');
    const box = document.createElement('label');
    box.className = 'basemap-switch';
    box.dataset['testid'] = 'basemap-switch';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = on;
    input.dataset['testid'] = 'basemap';
    box.append(input, getLang() === 'zh' ? ` ${t('basemap')}：${bm.name}` : ` ${t('basemap')}: ${bm.name_en ?? bm.name}`);
    container.appendChild(box);
    input.addEventListener('change', () => {
      localStorage.setItem(BASEMAP_KEY, input.checked ? 'on' : 'off');
      showBasemap(input.checked);
    });
  }
  /** Shows or hides the basemap; the villages let it show through while it is on. */
  function showBasemap(visible: boolean): void {
    for (const id of ['basemap', 'basemap-labels']) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
    if (map.getLayer('villages-fill')) map.setPaintProperty('villages-fill', 'fill-opacity', visible ? 0.55 : 0.85);
  }
  let markers: Marker[] = [];
  let seatMarkers: Marker[] = [];
  let labels = new Map<number, [number, number]>();
  let villageCodes: string[] = [];
  const ready = new Promise<void>((resolve) => {
    map.on('load', () => {
      map.addSource('villages', { type: 'geojson', data: EMPTY, promoteId: 'code' });
      map.addSource('townships', { type: 'geojson', data: EMPTY });
      map.addLayer({
        id: 'villages-fill', type: 'fill', source: 'villages',
        paint: { 'fill-color': ['coalesce', ['feature-state', 'color'], '#dddddd'], 'fill-opacity': on ? 0.55 : 0.85 },
      });
      map.addLayer({
        id: 'villages-line', type: 'line', source: 'villages',
        paint: { 'line-color': '#ffffff', 'line-width': 0.4, 'line-opacity': 0.8 },
      });
      map.addLayer({
        id: 'townships-line', type: 'line', source: 'townships',
        paint: { 'line-color': '#3b3b3b', 'line-width': 1.6 },
      });
      map.addLayer({
        id: 'townships-flagged', type: 'line', source: 'townships',
        filter: ['in', ['get', 'index'], ['literal', []]],
        paint: { 'line-color': '#c51b7d', 'line-width': 3, 'line-dasharray': [2, 1] },
      });
      map.addLayer({
        id: 'townships-selected', type: 'line', source: 'townships',
        filter: ['in', ['get', 'index'], ['literal', []]],
        paint: { 'line-color': '#d7191c', 'line-width': 3.5 },
      });
      if (onClickVillage) {
        map.on('click', 'villages-fill', (e) => {
          const code = e.features?.[0]?.properties?.['code'];
          if (typeof code === 'string') onClickVillage(code);
        });
        map.on('mouseenter', 'villages-fill', () => { map.getCanvas().style.cursor = 'pointer'; });
        map.on('mouseleave', 'villages-fill', () => { map.getCanvas().style.cursor = ''; });
      }
      if (hover) {
        const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'village-hover' });
        map.on('mousemove', 'villages-fill', (e) => {
          const code = e.features?.[0]?.properties?.['code'];
          const html = typeof code === 'string' ? hover(code) : null;
          if (html) popup.setLngLat(e.lngLat).setHTML(html).addTo(map); else popup.remove();
        });
        map.on('mouseleave', 'villages-fill', () => { popup.remove(); });
      }
      resolve();
    });
  });

  function fit(fc: GeoJSON.FeatureCollection): void {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    const visit = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
        x0 = Math.min(x0, c[0]); x1 = Math.max(x1, c[0]); y0 = Math.min(y0, c[1]); y1 = Math.max(y1, c[1]);
      } else if (Array.isArray(c)) c.forEach(visit);
    };
    for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
    if (Number.isFinite(x0)) map.fitBounds([[x0, y0], [x1, y1]], { padding: 30, animate: false });
  }

  return {
    map,
    ready,
    setVillages(fc) {
      // The 示意 badge only over schematic geometry (the collection says which).
      badge.hidden = (fc as unknown as Record<string, unknown>)['示意'] === false;
      villageCodes = fc.features.map((f) => String(f.properties?.['code'] ?? ''));
      (map.getSource('villages') as GeoJSONSource | undefined)?.setData(fc);
      fit(fc);
    },
    setResult(townships, villageUnit, colorOf = unitColor, decorate) {
      for (const code of villageCodes) {
        const u = villageUnit.get(code);
        map.setFeatureState({ source: 'villages', id: code }, { color: u === undefined ? '#dddddd' : colorOf(u) });
      }
      (map.getSource('townships') as GeoJSONSource | undefined)?.setData(townships ?? EMPTY);
      markers.forEach((m) => m.remove());
      markers = [];
      labels = new Map();
      for (const f of townships?.features ?? []) {
        const p = f.properties ?? {};
        const label = p['label'] as [number, number] | undefined;
        const index = p['index'] as number | undefined;
        if (!label || index === undefined) continue;
        labels.set(index, label);
        const el = document.createElement('div');
        el.className = 'tlabel';
        const deco = decorate?.(index);
        el.textContent = `${deco?.prefix ?? ''}${String(p['name'] ?? '')}`;
        if (deco?.title) el.title = deco.title;
        markers.push(new Marker({ element: el, anchor: 'center' }).setLngLat(label).addTo(map));
      }
    },
    setFlagged(flagged) {
      if (map.getLayer('townships-flagged')) {
        map.setFilter('townships-flagged', ['in', ['get', 'index'], ['literal', flagged]]);
      }
    },
    setSeats(seats) {
      seatMarkers.forEach((m) => m.remove());
      seatMarkers = seats.map(([lon, lat, title]) => {
        const el = document.createElement('div');
        el.className = 'seat-dot';
        el.title = title;
        return new Marker({ element: el, anchor: 'center' }).setLngLat([lon, lat]).addTo(map);
      });
    },
    setSelection(selected) {
      if (map.getLayer('townships-selected')) {
        map.setFilter('townships-selected', ['in', ['get', 'index'], ['literal', selected]]);
      }
    },
    labelPoint(index) {
      return labels.get(index);
    },
    destroy() {
      markers.forEach((m) => m.remove());
      seatMarkers.forEach((m) => m.remove());
      map.remove();
    },
  };
}
