// 边界导入 (#/county/CODE/boundaries): a GeoJSON, zipped Shapefile or GeoPackage is checked
// (检查: every feature linked by code, problems listed by feature) and only then stored
// (导入, enabled after a clean check of the same file). Nothing is stored while a problem remains.

import { api, type BoundaryImport, type County } from './api';
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
    <h2>${t('bdTitle')} · <span id="bd-county">${esc(code)}</span></h2>
    <section class="card"><div id="bd-status"></div>${formHtml(canImport)}<div id="bd-result" data-testid="bd-result"></div></section>
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
  window.__quhua.ready = true;
}
