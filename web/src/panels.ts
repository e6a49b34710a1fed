// Indicator table and rule findings (built with html``, every value escaped), and the
// one-line text of a scenario operation.

import type { Evaluation, Finding, Indicators, Operation } from './api';
import { html, type Markup } from './html';
import { getLang, kindName, t, tx, type Key } from './i18n';


const num = (v: number, digits = 0) =>
  Number.isFinite(v) ? v.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';

interface Row { key: Key; id: string; get: (i: Indicators) => number | null; digits: number }

const ROWS: Row[] = [
  { key: 'count', id: 'count', get: (i) => i.count, digits: 0 },
  { key: 'meanPop', id: 'mean-pop', get: (i) => i.population.mean, digits: 0 },
  { key: 'medianPop', id: 'median-pop', get: (i) => i.population.median, digits: 0 },
  { key: 'meanArea', id: 'mean-area', get: (i) => i.area_km2.mean, digits: 1 },
  { key: 'medianArea', id: 'median-area', get: (i) => i.area_km2.median, digits: 1 },
  { key: 'popVsNat', id: 'pop-vs-nat', get: (i) => i.population_vs_national, digits: 2 },
  { key: 'areaVsNat', id: 'area-vs-nat', get: (i) => i.area_vs_national, digits: 2 },
  { key: 'underFloor', id: 'under-floor', get: (i) => i.under_population_floor, digits: 0 },
  { key: 'overCap', id: 'over-cap', get: (i) => i.over_area_cap, digits: 0 },
  { key: 'townShare', id: 'town-share', get: (i) => i.town_street_share * 100, digits: 0 },
];

function cell(v: number | null, digits: number, suffix = ''): string {
  return v === null ? '–' : `${num(v, digits)}${suffix}`;
}

/** Two indicator sets side by side with the change; `prefix` names the data-testid columns. */
export function indicatorTable(a: Indicators, b: Indicators, labels: [string, string, string] = [t('before'), t('after'), t('change')]): Markup {
  const kinds = [...new Set([...Object.keys(a.by_kind), ...Object.keys(b.by_kind)])];
  const rows = ROWS.map((r) => {
    const x = r.get(a);
    const y = r.get(b);
    const d = x === null || y === null ? null : y - x;
    const pct = r.id === 'town-share' ? '%' : '';
    const sign = d !== null && d > 0 ? '+' : '';
    return html`<tr><th>${t(r.key)}</th><td data-testid="ind-${r.id}-before">${cell(x, r.digits, pct)}</td><td data-testid="ind-${r.id}-after">${cell(y, r.digits, pct)}</td><td class="${d && d < 0 ? 'neg' : d && d > 0 ? 'pos' : ''}">${d === null ? '–' : sign + num(d, r.digits)}</td></tr>`;
  });
  for (const k of kinds) {
    const x = a.by_kind[k] ?? 0;
    const y = b.by_kind[k] ?? 0;
    rows.push(html`<tr><th>${kindName(k)}</th><td>${x}</td><td>${y}</td><td>${y - x > 0 ? '+' : ''}${y - x}</td></tr>`);
  }
  return html`<table class="ind"><thead><tr><th></th><th>${labels[0]}</th><th>${labels[1]}</th><th>${labels[2]}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const SEV: Record<Finding['severity'], Key> = { error: 'sevError', warning: 'sevWarning', info: 'sevInfo' };

export function findingsList(ev: Evaluation): Markup {
  if (ev.findings.length === 0) return html`<p class="muted">${t('noFindings')}</p>`;
  const sep = getLang() === 'zh' ? '、' : ', ';
  return html`<ul class="findings">${ev.findings.map((f) => html`<li class="sev-${f.severity}">
      <span class="badge">${t(SEV[f.severity])}</span>
      <span class="msg">${tx(f.message)}</span>
      ${f.units.length ? html`<span class="units">${f.units.join(sep)}</span>` : ''}
      <div class="cite">${f.citation}</div></li>`)}</ul>`;
}

/** A village kind's name in the current language (the server writes the Chinese one). */
function villageKindName(zh: string): string {
  if (getLang() === 'zh') return zh;
  const en: Record<string, string> = { 居委会: "residents' committee", 村委会: "villagers' committee", 类似居委会: "residents'-committee-like unit", 类似村委会: "villagers'-committee-like unit" };
  return en[zh] ?? zh;
}

/** A one-line description of an operation; `n` turns a code into a display name. */
export function describeOp(op: Operation, n: (ref: string) => string = (r) => r): string {
  const zh = getLang() === 'zh';
  const list = (xs: string[]) => xs.map(n).join(zh ? '、' : ', ');
  switch (op.op) {
    case 'merge':
      return 'into' in op ? `${t('opMerge')} ${list(op.units)} → ${n(op.into)}`
        : zh ? `${t('opMergeNew')} ${op.new.name}（${list(op.units)}）` : `${t('opMergeNew')} ${op.new.name} (${list(op.units)})`;
    case 'convert': return `${t('opConvert')} ${n(op.unit)} → ${kindName(op.to)}`;
    case 'rename': return `${t('opRename')} ${n(op.unit)} → ${op.name}`;
    case 'move_seat': return `${t('seat')} ${n(op.unit)} → ${n(op.village)}`;
    case 'transfer': return `${t('opTransfer')} ${list(op.villages)} → ${n(op.to)}`;
    case 'lock': return `${t('opLock')} ${list(op.units)}`;
    case 'merge_villages':
      return 'into' in op ? `${t('opMergeVillages')} ${list(op.villages)} → ${n(op.into)}`
        : `${t('opMergeVillages')} ${list(op.villages)} → ${op.new.name}`;
    case 'convert_village': return `${t('opConvertVillage')} ${n(op.village)} → ${op.to ? villageKindName(op.to) : villageKindName('居委会')}${op.name ? ` (${op.name})` : ''}`;
    case 'rename_village': return `${t('opRenameVillage')} ${n(op.village)} → ${op.name}`;
    case 'split_village': {
      const to = 'into' in op ? n(op.into) : op.new.name;
      return `${t('opSplitVillage')} ${n(op.village)} → ${to} (${Math.round(op.share * 1000) / 10}%)`;
    }
  }
}
