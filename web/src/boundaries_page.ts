// 数据导入 (#/county/CODE/boundaries): 边界导入 — a GeoJSON, zipped Shapefile or GeoPackage is
// checked (检查: every feature linked by code, problems listed by feature) and only then stored
// (导入, enabled after a clean check of the same file; nothing is stored while a problem
// remains); 摸底表更新 — a survey table is checked (every value that changes, before → after;
// a bad row named by row and column) and then stored as one survey-update event.

import { api, type BoundaryImport, type County, type SurveyPreview } from './api';
import { getLang, type Key, t, tf } from './i18n';
import { esc } from './panels';
import type { PageContext } from './handover_page';

const PROBLEM_KEYS: Record<string, Key> = {
  geometry: 'bdGeometry', no_code: 'bdNoCode', other_county: 'bdOtherCounty',
  unknown_code: 'bdUnknown', duplicate: 'bdDuplicate', missing: 'bdMissing',
};

/** One language of a "中文 / English" note. */
function oneLanguage(text: string, zh: boolean): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return zh ? text.slice(0, i) : text.slice(i + 3);
}

/** The report of a check or an import. */
export function reportHtml(r: BoundaryImport, zh: boolean): string {
  const level = r.level === 'village' ? t('bdVillage') : t('bdTownship');
  const head = `<p data-testid="bd-summary">${esc(tf('bdSummary', { file: r.file, n: r.features, m: r.matched, u: r.units, level, field: r.code_field, area: r.area_km2.toFixed(1) }))}</p>`;
  const state = r.stored
    ? `<p class="ok" data-testid="bd-stored">${t('bdStored')}${r.replaced ? ` ${t('bdReplaced')} ${r.replaced}` : ''}</p>`
    : r.problems.length
      ? `<p class="error" data-testid="bd-refused">${tf('bdRefused', { n: r.problems.length })}</p>`
      : `<p class="ok" data-testid="bd-clean">${t('bdClean')}</p>`;
  const rows = r.problems.slice(0, 500).map((p) => `<tr data-testid="bd-problem" data-feature="${p.feature}" data-kind="${esc(p.kind)}">
      <td>${p.feature || '—'}</td><td>${esc(p.code ?? '')}</td><td>${esc(t(PROBLEM_KEYS[p.kind] ?? 'bdGeometry'))}</td><td>${esc(zh ? p.zh : p.en)}</td></tr>`).join('');
  const table = r.problems.length
    ? `<table class="tbl" data-testid="bd-problems"><thead><tr><th>${t('bdFeature')}</th><th>${t('bdCode')}</th><th>${t('bdKind')}</th><th>${t('bdWhat')}</th></tr></thead><tbody>${rows}</tbody></table>
       ${r.problems.length > 500 ? `<p class="muted">${tf('bdMore', { n: r.problems.length - 500 })}</p>` : ''}`
    : '';
  const notes = r.warnings.length
    ? `<details data-testid="bd-warnings"><summary>${esc(tf('bdNotes', { n: r.warnings.length }))}</summary><ul>${r.warnings.slice(0, 200).map((w) => `<li>${esc(oneLanguage(w, zh))}</li>`).join('')}</ul></details>`
    : '';
  return head + state + table + notes;
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }));

/** The values a survey table changes. */
export function surveyHtml(p: SurveyPreview, zh: boolean): string {
  const head = `<p data-testid="sv-summary">${esc(tf('svSummary', { file: p.file, rows: p.rows, units: p.units, n: p.changes.length, same: p.unchanged, date: p.date }))}</p>`;
  const state = p.stored
    ? `<p class="ok" data-testid="sv-stored">${t('svStored')}</p>`
    : p.changes.length ? '' : `<p class="muted" data-testid="sv-nothing">${t('svNothing')}</p>`;
  const rows = p.changes.slice(0, 500).map((c) => {
    const delta = c.before === null || c.before === undefined ? null : c.after - c.before;
    return `<tr data-testid="sv-change" data-code="${esc(c.code)}" data-key="${esc(c.key)}"><td>${c.row}</td><td>${esc(c.code)}</td><td>${esc(c.name)}</td>
      <td>${esc(zh ? c.label_zh : c.label_en)}${c.unit ? `（${esc(c.unit)}）` : ''}</td><td class="num">${fmt(c.before)}</td><td class="num">${fmt(c.after)}</td>
      <td class="num">${delta === null ? '' : `${delta > 0 ? '+' : ''}${fmt(delta)}`}</td></tr>`;
  }).join('');
  const table = p.changes.length
    ? `<table class="tbl" data-testid="sv-changes"><thead><tr><th>${t('svRow')}</th><th>${t('bdCode')}</th><th>${t('svName')}</th><th>${t('svField')}</th><th>${t('svBefore')}</th><th>${t('svAfter')}</th><th>${t('svDelta')}</th></tr></thead><tbody>${rows}</tbody></table>
       ${p.changes.length > 500 ? `<p class="muted">${tf('svMore', { n: p.changes.length - 500 })}</p>` : ''}`
    : '';
  const notes = p.warnings.length
    ? `<details data-testid="sv-warnings"><summary>${esc(tf('bdNotes', { n: p.warnings.length }))}</summary><ul>${p.warnings.map((w) => `<li>${esc(oneLanguage(w, zh))}</li>`).join('')}</ul></details>`
    : '';
  return head + state + table + notes;
}

function surveyFormHtml(): string {
  const today = new Date().toISOString().slice(0, 10);
  return `<form id="sv-form" data-testid="sv-form">
    <div class="row"><label>${t('svFile')} <input type="file" name="file" accept=".csv,.xlsx,.xls" required data-testid="sv-file"></label>
      <label>${t('svDate')} <input type="date" name="date" value="${today}" required data-testid="sv-date"></label></div>
    <p class="muted">${t('svHelp')}</p>
    <div class="row"><button type="submit" value="check" data-testid="sv-check">${t('bdCheck')}</button>
      <button type="submit" value="commit" disabled data-testid="sv-commit">${t('bdImport')}</button></div>
  </form>`;
}

function formHtml(canImport: boolean): string {
  if (!canImport) return `<p class="muted" data-testid="bd-readonly">${t('bdReadOnly')}</p>`;
  return `<form id="bd-form" data-testid="bd-form">
    <div class="row"><label>${t('bdFile')} <input type="file" name="file" accept=".geojson,.json,.zip,.gpkg" required data-testid="bd-file"></label></div>
    <div class="row"><label>${t('bdLevel')} <select name="level" data-testid="bd-level">
      <option value="">${t('bdAuto')}</option><option value="township">${t('bdTownship')}</option><option value="village">${t('bdVillage')}</option></select></label>
      <label>${t('bdField')} <input name="code_field" placeholder="${t('bdAuto')}" data-testid="bd-code-field"></label></div>
    <p class="muted">${t('bdHelp')}</p>
    <div class="row"><button type="submit" value="check" data-testid="bd-check">${t('bdCheck')}</button>
      <button type="submit" value="commit" disabled data-testid="bd-commit">${t('bdImport')}</button></div>
  </form>`;
}

function statusHtml(c: County | undefined): string {
  if (!c) return '';
  if (!c.geometry) return `<p class="muted" data-testid="bd-none">${t('bdNone')}</p>`;
  return `<p data-testid="bd-has">${t('bdHas')}${c.geometry_synthetic ? ` <span class="tag">${t('schematic')}</span>` : ''} · <a href="#/county/${esc(c.code)}" data-testid="bd-open-map">${t('bdOpenMap')}</a></p>`;
}

/** #/county/CODE/boundaries */
export async function showBoundaries(ctx: PageContext, code: string): Promise<void> {
  window.__quhua = { view: 'boundaries', ready: false };
  const user = ctx.user();
  const canImport = user?.role === 'county_editor' && user.jurisdiction === code;
  ctx.mount(`<main class="page boundaries-page" id="bd">
    <p><a href="#/county/${esc(code)}" class="link">${t('back')}</a></p>
    <h2>${t('dataTitle')} · <span id="bd-county">${esc(code)}</span></h2>
    <section class="card"><h3>${t('bdTitle')}</h3><div id="bd-status"></div>${formHtml(canImport)}<div id="bd-result" data-testid="bd-result"></div></section>
    ${canImport ? `<section class="card" id="sv"><h3>${t('svTitle')}</h3>${surveyFormHtml()}<div id="sv-result" data-testid="sv-result"></div></section>` : ''}
  </main>`);
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const zh = getLang() === 'zh';
  const refreshStatus = async () => {
    try {
      const { counties } = await api.counties();
      const c = counties.find((x) => x.code === code);
      if (c) $('bd-county').textContent = `${c.name} ${c.code}`;
      $('bd-status').innerHTML = statusHtml(c);
    } catch (e) {
      $('bd-status').innerHTML = `<p class="error">${esc(ctx.errText(e))}</p>`;
    }
  };
  await refreshStatus();
  const form = document.getElementById('bd-form') as HTMLFormElement | null;
  if (form) {
    let checked: string | null = null;
    const key = (f: File, level: string, field: string) => `${f.name}|${f.size}|${f.lastModified}|${level}|${field}`;
    const commitButton = form.querySelector('button[value=commit]') as HTMLButtonElement;
    form.addEventListener('change', () => { checked = null; commitButton.disabled = true; });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const commit = (ev as SubmitEvent).submitter?.getAttribute('value') === 'commit';
      void run(commit);
    });
    const run = async (commit: boolean) => {
      const f = new FormData(form);
      const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
      const level = String(f.get('level') ?? '');
      const field = String(f.get('code_field') ?? '').trim();
      const out = $('bd-result');
      if (!file) { out.innerHTML = `<p class="error" data-testid="bd-error">${t('stPickFile')}</p>`; return; }
      if (commit && checked !== key(file, level, field)) { out.innerHTML = `<p class="error" data-testid="bd-error">${t('stCheckFirst')}</p>`; return; }
      const buttons = [...form.querySelectorAll('button')];
      buttons.forEach((b) => { b.disabled = true; });
      out.innerHTML = `<p class="muted">${t('loading')}</p>`;
      window.__quhua.ready = false;
      try {
        const r = await api.importBoundaries(code, file, { level, code_field: field, commit });
        out.innerHTML = reportHtml(r, zh);
        checked = !r.stored && r.problems.length === 0 ? key(file, level, field) : null;
        (buttons[0] as HTMLButtonElement).disabled = false;
        commitButton.disabled = checked === null;
        if (r.stored) await refreshStatus();
      } catch (e) {
        checked = null;
        out.innerHTML = `<p class="error" data-testid="bd-error">${esc(ctx.errText(e))}</p>`;
        (buttons[0] as HTMLButtonElement).disabled = false;
      }
      window.__quhua.ready = true;
    };
  }
  const sv = document.getElementById('sv-form') as HTMLFormElement | null;
  if (sv) bindSurvey(ctx, code, sv, zh);
  window.__quhua.ready = true;
}

/** 摸底表更新: 检查 lists the changes; 导入 only after a check of the same file and date. */
function bindSurvey(ctx: PageContext, code: string, form: HTMLFormElement, zh: boolean): void {
  let checked: string | null = null;
  const key = (f: File, date: string) => `${f.name}|${f.size}|${f.lastModified}|${date}`;
  const commitButton = form.querySelector('button[value=commit]') as HTMLButtonElement;
  const checkButton = form.querySelector('button[value=check]') as HTMLButtonElement;
  const out = document.getElementById('sv-result') as HTMLElement;
  form.addEventListener('change', () => { checked = null; commitButton.disabled = true; });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run((ev as SubmitEvent).submitter?.getAttribute('value') === 'commit');
  });
  const run = async (commit: boolean) => {
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const date = String(new FormData(form).get('date') ?? '');
    if (!file) { out.innerHTML = `<p class="error" data-testid="sv-error">${t('stPickFile')}</p>`; return; }
    if (commit && checked !== key(file, date)) { out.innerHTML = `<p class="error" data-testid="sv-error">${t('stCheckFirst')}</p>`; return; }
    checkButton.disabled = true;
    commitButton.disabled = true;
    out.innerHTML = `<p class="muted">${t('loading')}</p>`;
    window.__quhua.ready = false;
    try {
      const p = await api.updateSurvey(code, file, date, commit);
      out.innerHTML = surveyHtml(p, zh);
      checked = !p.stored && p.changes.length > 0 ? key(file, date) : null;
    } catch (e) {
      checked = null;
      out.innerHTML = `<p class="error" data-testid="sv-error">${esc(ctx.errText(e))}</p>`;
    }
    checkButton.disabled = false;
    commitButton.disabled = checked === null;
    window.__quhua.ready = true;
  };
}
