// What the editor's map tells a planner besides the shapes: a colour per resulting unit that
// stays put across edits, the per-unit results panel, the hover text, and exports of the
// current scheme (PNG of the map, GeoJSON of the resulting townships), labelled 示意图 where
// the geometry is schematic.

import type { Base, EvalResult, ResultUnit } from './api';
import { html, type Markup } from './html';
import { getLang, kindName, t } from './i18n';
import { unitColor } from './map';

/**
 * A colour per resulting unit that does not reshuffle after an edit: the colour of the base
 * township its seat village came from (a merged unit keeps the colour of the unit merged into),
 * else of the lowest-numbered base township among its villages.
 */
export function stableColors(base: Base, units: ResultUnit[]): string[] {
  const townIndex = new Map(base.townships.map((tw, i) => [tw.code, i] as const));
  const villageTown = base.villages.map((v) => townIndex.get(v.township_code) ?? 0);
  const byName = new Map(base.villages.map((v, i) => [v.name, i] as const));
  return units.map((u) => {
    const seat = u.seat ? byName.get(u.seat) : undefined;
    const seatTown = seat !== undefined && u.village_idx.includes(seat) ? villageTown[seat] : undefined;
    const lowest = Math.min(...u.village_idx.map((v) => villageTown[v] ?? 0));
    return unitColor(seatTown ?? (Number.isFinite(lowest) ? lowest : 0));
  });
}

const fmt = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined ? '—' : x.toLocaleString('zh-CN', { maximumFractionDigits: digits });

/** A unit's status (新设, 建制变更, 调整, 保留 as the server names it) in the current language. */
function statusName(s: string): string {
  const key = ({ 新设: 'stNew', 建制变更: 'stConverted', 调整: 'stAdjusted', 保留: 'stKept' } as const)[s as '新设'];
  return key ? t(key) : s;
}

/** The per-unit results of one resulting unit. */
export function unitPanel(u: ResultUnit, nameOf: (ref: string) => string): Markup {
  const zh = getLang() === 'zh';
  const sep = zh ? '、' : ', ';
  const code = u.code ?? (u.proposed_code ? (zh ? `${u.proposed_code}（${t('proposedCode')}）` : `${u.proposed_code} (${t('proposedCode')})`) : '—');
  const pred = u.predecessors.length ? u.predecessors.map(nameOf).join(sep) : '—';
  return html`<dl class="unit-panel" data-testid="unit-panel">
    <dt>${t('upCode')}</dt><dd>${code}</dd>
    <dt>${t('upKind')}</dt><dd>${kindName(u.kind)} · ${statusName(u.status)}</dd>
    <dt>${t('upPopulation')}</dt><dd>${fmt(u.population)}</dd>
    <dt>${t('upArea')}</dt><dd>${fmt(u.area_km2, 1)} km²</dd>
    <dt>${t('upVillages')}</dt><dd>${u.villages}</dd>
    <dt>${t('upSeat')}</dt><dd>${u.seat ?? '—'}</dd>
    <dt>${t('upPredecessors')}</dt><dd>${pred}</dd>
    ${u.flags.length ? html`<dt>${t('upFlags')}</dt><dd>${u.flags.map(flagName).join(sep)}</dd>` : ''}
  </dl>`;
}

/** The hover text of a village: its name, its resulting unit, the unit's population. */
export function villageHover(code: string, base: Base, r: EvalResult | null, unitOf: Map<string, number>): string | null {
  const v = base.villages.find((x) => x.code === code);
  if (!v) return null;
  const i = unitOf.get(code);
  const u = i === undefined ? undefined : r?.evaluation.units[i];
  return html`<strong>${v.name}</strong><br>${u?.name ?? ''}${u ? ` · ${t('upPopulation')} ${fmt(u.population)}` : ''}`.text;
}

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A file-name-safe form of a scheme's name. */
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'scheme';

/** Downloads the resulting townships as GeoJSON (each feature keeps its 示意 flag). */
export function exportGeoJson(r: EvalResult | null, county: string, name: string, schematic: boolean): boolean {
  if (!r?.geojson) return false;
  const fc = { ...r.geojson, name, county, '示意': schematic };
  const url = URL.createObjectURL(new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }));
  download(`${county}-${safe(name)}${schematic ? '-示意图' : ''}.geojson`, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** Downloads the map as PNG, with the scheme's name and, when schematic, 示意图 written on it. */
export function exportPng(canvas: HTMLCanvasElement, county: string, name: string, schematic: boolean): void {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const g = out.getContext('2d');
  if (!g) return;
  g.fillStyle = '#f3f1ea';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(canvas, 0, 0);
  const scale = Math.max(1, out.width / 1000);
  g.font = `${Math.round(18 * scale)}px sans-serif`;
  g.fillStyle = '#222';
  g.fillText(name, 12 * scale, out.height - 14 * scale);
  if (schematic) {
    g.font = `bold ${Math.round(26 * scale)}px sans-serif`;
    g.fillStyle = '#b00020';
    g.fillText(t('schematic'), 12 * scale, 34 * scale);
  }
  download(`${county}-${safe(name)}${schematic ? '-示意图' : ''}.png`, out.toDataURL('image/png'));
}

/** Map symbols of the flags the rules care about (the server names flags in Chinese). */
const FLAG_SYMBOLS: [string, string][] = [['县城驻地镇', '★'], ['历史文化名镇', '◆'], ['重点镇', '▲'], ['民族乡镇', '◎'], ['边境乡镇', '▣']];

/** A label's prefix and hover text: the unit's flags and whether the editor locked it. */
export function labelDecoration(u: ResultUnit | undefined, locked: boolean): { prefix: string; title: string } {
  if (!u) return { prefix: '', title: '' };
  const marks = FLAG_SYMBOLS.filter(([f]) => u.flags.includes(f));
  const prefix = marks.map(([, m]) => m).join('') + (locked ? '□' : '');
  const title = [...marks.map(([f]) => flagName(f)), ...(locked ? [t('lockedMark')] : [])].join(' · ');
  return { prefix, title };
}

/** A flag's name in the current language. */
export function flagName(f: string): string {
  const key = ({ 县城驻地镇: 'flagSeat', 历史文化名镇: 'flagHistoric', 重点镇: 'flagKey', 民族乡镇: 'flagEthnic', 边境乡镇: 'flagBorder' } as const)[f as '县城驻地镇'];
  return key ? t(key) : f;
}

/** The legend of the map's symbols. */
export function mapLegend(): Markup {
  return html`<span class="legend" data-testid="map-legend">★ ${t('flagSeat')} · ◆ ${t('flagHistoric')} · ▲ ${t('flagKey')} · □ ${t('lockedMark')} · ● ${t('upSeat')} · <span class="dash">┅</span> ${t('breachMark')}</span>`;
}

/** Indices of the units named by findings of contiguity or of error severity. */
export function flaggedUnits(r: EvalResult): number[] {
  const units = r.evaluation.units;
  const out = new Set<number>();
  for (const f of r.evaluation.findings) {
    if (f.rule !== 'contiguity' && f.severity !== 'error') continue;
    for (const ref of f.units) {
      // "党城镇（130634112）", a bare code or a bare name.
      const m = /^(.*?)（(\d+)）$/.exec(ref);
      const [name, code] = m ? [m[1], m[2]] : [ref, ref];
      const i = units.findIndex((u) => (code !== undefined && (u.code === code || u.proposed_code === code)) || u.name === name);
      if (i >= 0) out.add(i);
    }
  }
  return [...out];
}
