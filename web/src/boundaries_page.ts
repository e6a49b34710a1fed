// 数据导入 (#/county/CODE/boundaries): 边界导入 — a GeoJSON, zipped Shapefile or GeoPackage is
// checked (检查: every feature linked by code, problems listed by feature) and only then stored
// (导入, enabled after a clean check of the same file; nothing is stored while a problem
// remains); 摸底表更新 — a survey table is checked (every value that changes, before → after;
// a bad row named by row and column) and then stored as one survey-update event.

import { api, type County } from './api';
import { reportHtml, surveyHtml } from './boundaries_view';
import { getLang, t } from './i18n';
import { html, type Markup } from './html';
import type { PageContext } from './handover_page';

function surveyFormHtml(): Markup {
  const today = new Date().toISOString().slice(0, 10);
  return html`<form id="sv-form" data-testid="sv-form">
    <div class="row"><label>${t('svFile')} <input type="file" name="file" accept=".csv,.xlsx,.xls" required data-testid="sv-file"></label>
      <label>${t('svDate')} <input type="date" name="date" value="${today}" required data-testid="sv-date"></label></div>
    <p class="muted">${t('svHelp')}</p>
    <div class="row"><button type="submit" value="check" data-testid="sv-check">${t('bdCheck')}</button>
      <button type="submit" value="commit" disabled data-testid="sv-commit">${t('bdImport')}</button></div>
  </form>`;
}

function formHtml(canImport: boolean): Markup {
  if (!canImport) return html`<p class="muted" data-testid="bd-readonly">${t('bdReadOnly')}</p>`;
  return html`<form id="bd-form" data-testid="bd-form">
    <div class="row"><label>${t('bdFile')} <input type="file" name="file" accept=".geojson,.json,.zip,.gpkg" required data-testid="bd-file"></label></div>
    <div class="row"><label>${t('bdLevel')} <select name="level" data-testid="bd-level">
      <option value="">${t('bdAuto')}</option><option value="township">${t('bdTownship')}</option><option value="village">${t('bdVillage')}</option></select></label>
      <label>${t('bdField')} <input name="code_field" placeholder="${t('bdAuto')}" data-testid="bd-code-field"></label></div>
    <p class="muted">${t('bdHelp')}</p>
    <div class="row"><button type="submit" value="check" data-testid="bd-check">${t('bdCheck')}</button>
      <button type="submit" value="commit" disabled data-testid="bd-commit">${t('bdImport')}</button></div>
  </form>`;
}

function statusHtml(c: County | undefined): Markup {
  if (!c) return html``;
  if (!c.geometry) return html`<p class="muted" data-testid="bd-none">${t('bdNone')}</p>`;
  return html`<p data-testid="bd-has">${t('bdHas')}${c.geometry_synthetic ? html` <span class="tag">${t('schematic')}</span>` : ''} · <a href="#/county/${c.code}" data-testid="bd-open-map">${t('bdOpenMap')}</a></p>`;
}

/** #/county/CODE/boundaries */
export async function showBoundaries(ctx: PageContext, code: string): Promise<void> {
  window.__quhua = { view: 'boundaries', ready: false };
  const user = ctx.user();
  const canImport = user?.role === 'county_editor' && user.jurisdiction === code;
  ctx.mount(html`<main class="page boundaries-page" id="bd">
    <p><a href="#/county/${code}" class="link">${t('back')}</a></p>
    <h2>${t('dataTitle')} · <span id="bd-county">${code}</span></h2>
    <section class="card"><h3>${t('bdTitle')}</h3><div id="bd-status"></div>${formHtml(canImport)}<div id="bd-result" data-testid="bd-result"></div></section>
    ${canImport ? html`<section class="card" id="sv"><h3>${t('svTitle')}</h3>${surveyFormHtml()}<div id="sv-result" data-testid="sv-result"></div></section>` : ''}
  </main>`.text);
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const zh = getLang() === 'zh';
  const refreshStatus = async () => {
    try {
      const { counties } = await api.counties();
      const c = counties.find((x) => x.code === code);
      if (c) $('bd-county').textContent = `${c.name} ${c.code}`;
      $('bd-status').innerHTML = statusHtml(c).text;
    } catch (e) {
      $('bd-status').innerHTML = html`<p class="error">${ctx.errText(e)}</p>`.text;
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
      if (!file) { out.innerHTML = html`<p class="error" data-testid="bd-error">${t('stPickFile')}</p>`.text; return; }
      if (commit && checked !== key(file, level, field)) { out.innerHTML = html`<p class="error" data-testid="bd-error">${t('stCheckFirst')}</p>`.text; return; }
      const buttons = [...form.querySelectorAll('button')];
      buttons.forEach((b) => { b.disabled = true; });
      out.innerHTML = html`<p class="muted">${t('loading')}</p>`.text;
      window.__quhua.ready = false;
      try {
        const r = await api.importBoundaries(code, file, { level, code_field: field, commit });
        out.innerHTML = reportHtml(r, zh).text;
        checked = !r.stored && r.problems.length === 0 ? key(file, level, field) : null;
        (buttons[0] as HTMLButtonElement).disabled = false;
        commitButton.disabled = checked === null;
        if (r.stored) await refreshStatus();
      } catch (e) {
        checked = null;
        out.innerHTML = html`<p class="error" data-testid="bd-error">${ctx.errText(e)}</p>`.text;
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
    if (!file) { out.innerHTML = html`<p class="error" data-testid="sv-error">${t('stPickFile')}</p>`.text; return; }
    if (commit && checked !== key(file, date)) { out.innerHTML = html`<p class="error" data-testid="sv-error">${t('stCheckFirst')}</p>`.text; return; }
    checkButton.disabled = true;
    commitButton.disabled = true;
    out.innerHTML = html`<p class="muted">${t('loading')}</p>`.text;
    window.__quhua.ready = false;
    try {
      const p = await api.updateSurvey(code, file, date, commit);
      out.innerHTML = surveyHtml(p, zh).text;
      checked = !p.stored && p.changes.length > 0 ? key(file, date) : null;
    } catch (e) {
      checked = null;
      out.innerHTML = html`<p class="error" data-testid="sv-error">${ctx.errText(e)}</p>`.text;
    }
    checkButton.disabled = false;
    commitButton.disabled = checked === null;
    window.__quhua.ready = true;
  };
}
