// Rendering of the data-import page's reports (pure: html`` escapes every value), tested with
// node's test runner (test/boundaries_view.test.ts).

import type { BoundaryImport, SurveyPreview } from './api';
import { html, type Markup } from './html';
import { getLang, type Key, t, tf } from './i18n';

const PROBLEM_KEYS: Record<string, Key> = {
  geometry: 'bdGeometry', no_code: 'bdNoCode', other_county: 'bdOtherCounty',
  unknown_code: 'bdUnknown', duplicate: 'bdDuplicate', missing: 'bdMissing',
};

/** At most this many problems or changes are listed (the count says how many more). */
const LIST_LIMIT = 500;

/** One language of a "中文 / English" note. */
export function oneLanguage(text: string, zh: boolean): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return zh ? text.slice(0, i) : text.slice(i + 3);
}

function notes(warnings: string[], zh: boolean, id: string): Markup | '' {
  if (!warnings.length) return '';
  return html`<details data-testid="${id}"><summary>${tf('bdNotes', { n: warnings.length })}</summary>
    <ul>${warnings.slice(0, 200).map((w) => html`<li>${oneLanguage(w, zh)}</li>`)}</ul></details>`;
}

/** The report of a boundary check or import: summary, state, problems by feature, notes. */
export function reportHtml(r: BoundaryImport, zh: boolean): Markup {
  const level = r.level === 'village' ? t('bdVillage') : t('bdTownship');
  const state = r.stored
    ? html`<p class="ok" data-testid="bd-stored">${t('bdStored')}${r.replaced ? ` ${t('bdReplaced')} ${r.replaced}` : ''}</p>`
    : r.problems.length
      ? html`<p class="error" data-testid="bd-refused">${tf('bdRefused', { n: r.problems.length })}</p>`
      : html`<p class="ok" data-testid="bd-clean">${t('bdClean')}</p>`;
  const rows = r.problems.slice(0, LIST_LIMIT).map((p) => html`<tr data-testid="bd-problem" data-feature="${p.feature}" data-kind="${p.kind}">
      <td>${p.feature || '—'}</td><td>${p.code ?? ''}</td><td>${t(PROBLEM_KEYS[p.kind] ?? 'bdGeometry')}</td><td>${zh ? p.zh : p.en}</td></tr>`);
  const table = r.problems.length
    ? html`<table class="tbl" data-testid="bd-problems"><thead><tr><th>${t('bdFeature')}</th><th>${t('bdCode')}</th><th>${t('bdKind')}</th><th>${t('bdWhat')}</th></tr></thead><tbody>${rows}</tbody></table>
       ${r.problems.length > LIST_LIMIT ? html`<p class="muted">${tf('bdMore', { n: r.problems.length - LIST_LIMIT })}</p>` : ''}`
    : '';
  return html`<p data-testid="bd-summary">${tf('bdSummary', { file: r.file, n: r.features, m: r.matched, u: r.units, level, field: r.code_field, area: r.area_km2.toFixed(1) })}</p>${state}${table}${notes(r.warnings, zh, 'bd-warnings')}`;
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }));

/** The values a survey table changes (before → after, the change), or that nothing does. */
export function surveyHtml(p: SurveyPreview, zh: boolean): Markup {
  const state = p.stored
    ? html`<p class="ok" data-testid="sv-stored">${t('svStored')}</p>`
    : p.changes.length ? '' : html`<p class="muted" data-testid="sv-nothing">${t('svNothing')}</p>`;
  const rows = p.changes.slice(0, LIST_LIMIT).map((c) => {
    const delta = c.before === null || c.before === undefined ? null : c.after - c.before;
    return html`<tr data-testid="sv-change" data-code="${c.code}" data-key="${c.key}"><td>${c.row}</td><td>${c.code}</td><td>${c.name}</td>
      <td>${zh ? c.label_zh : c.label_en}${c.unit ? `（${c.unit}）` : ''}</td><td class="num">${fmt(c.before)}</td><td class="num">${fmt(c.after)}</td>
      <td class="num">${delta === null ? '' : `${delta > 0 ? '+' : ''}${fmt(delta)}`}</td></tr>`;
  });
  const table = p.changes.length
    ? html`<table class="tbl" data-testid="sv-changes"><thead><tr><th>${t('svRow')}</th><th>${t('bdCode')}</th><th>${t('svName')}</th><th>${t('svField')}</th><th>${t('svBefore')}</th><th>${t('svAfter')}</th><th>${t('svDelta')}</th></tr></thead><tbody>${rows}</tbody></table>
       ${p.changes.length > LIST_LIMIT ? html`<p class="muted">${tf('svMore', { n: p.changes.length - LIST_LIMIT })}</p>` : ''}`
    : '';
  return html`<p data-testid="sv-summary">${tf('svSummary', { file: p.file, rows: p.rows, units: p.units, n: p.changes.length, same: p.unchanged, date: p.date })}</p>${state}${table}${notes(p.warnings, zh, 'sv-warnings')}`;
}
