// 区划名录 (#/county/CODE/registry?date=&level=&from=&to=&unit=) and 审计日志 (#/audit?before=):
// loading and wiring; rendering lives in registry_view.ts. The forms rewrite the hash, so a
// view can be bookmarked and the back button steps through what was looked at.

import { api, type RegistryAsOf, type RegistryChanges, type RegistryLineage } from './api';
import { html } from './html';
import { t } from './i18n';
import type { PageContext } from './handover_page';
import { asOfCard, auditHtml, changesCard, lineageCard } from './registry_view';

const today = (): string => new Date().toISOString().slice(0, 10);
/** 中华人民共和国成立: the default start of the changes (every recorded change). */
const EARLIEST = '1949-10-01';

/** #/county/CODE/registry */
export async function showRegistry(ctx: PageContext, code: string, query: URLSearchParams): Promise<void> {
  window.__quhua = { view: 'registry', ready: false };
  const date = query.get('date') || today();
  const villages = query.get('level') === 'village';
  const from = query.get('from') || EARLIEST;
  const to = query.get('to') || today();
  const unit = query.get('unit') ?? '';
  ctx.mount(html`<main class="page registry-page" id="rg">
    <p><a href="#/county/${code}" class="link">${t('back')}</a></p>
    <h2>${t('rgTitle')} · <span id="rg-county">${code}</span></h2>
    <p class="error" id="rg-msg" data-testid="rg-error" hidden></p>
    <div class="rg-grid">
      <section class="card" id="rg-asof">${asOfCard(null, date, villages)}</section>
      <div><section class="card" id="rg-lineage-card">${lineageCard(null, unit)}</section>
      <section class="card" id="rg-changes-card">${changesCard(null, from, to)}</section></div>
    </div></main>`.text);
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const fail = (e: unknown) => {
    const m = $('rg-msg');
    m.textContent = ctx.errText(e);
    m.hidden = false;
  };
  const go = (patch: Record<string, string>) => {
    const q = new URLSearchParams({ date, level: villages ? 'village' : 'township', from, to, unit, ...patch });
    location.hash = `#/county/${code}/registry?${q.toString()}`;
  };
  const root = $('rg');
  root.addEventListener('submit', (ev) => {
    const form = ev.target as HTMLFormElement;
    ev.preventDefault();
    const f = new FormData(form);
    const val = (k: string) => String(f.get(k) ?? '').trim();
    if (form.id === 'rg-asof-form') go({ date: val('date'), level: val('level') });
    else if (form.id === 'rg-changes-form') go({ from: val('from'), to: val('to') });
    else if (form.id === 'rg-lineage-form') go({ unit: val('unit') });
  });
  root.addEventListener('click', (ev) => {
    const a = (ev.target as HTMLElement).closest<HTMLElement>('.rg-unit');
    if (!a) return;
    ev.preventDefault();
    go({ unit: a.dataset['unit'] ?? '' });
  });
  const loads: Promise<void>[] = [
    api.counties().then(({ counties }) => {
      const c = counties.find((x) => x.code === code);
      if (c) $('rg-county').textContent = `${c.name}（${code}）`;
    }).catch(() => undefined),
    api.registryAsOf(code, date, villages ? 'village' : 'township')
      .then((r: RegistryAsOf) => { $('rg-asof').innerHTML = asOfCard(r, date, villages).text; }).catch(fail),
    api.registryChanges(code, from, to)
      .then((r: RegistryChanges) => { $('rg-changes-card').innerHTML = changesCard(r, from, to).text; }).catch(fail),
  ];
  if (unit) {
    loads.push(api.registryLineage(code, unit)
      .then((r: RegistryLineage) => { $('rg-lineage-card').innerHTML = lineageCard(r, unit).text; }).catch(fail));
  }
  await Promise.all(loads);
  window.__quhua.ready = true;
}

/** #/audit?before= */
export async function showAudit(ctx: PageContext, query: URLSearchParams): Promise<void> {
  window.__quhua = { view: 'audit', ready: false };
  const before = query.get('before');
  ctx.mount(html`<main class="page audit-page"><h2>${t('auTitle')}</h2><div id="au">${t('loading')}</div></main>`.text);
  const el = document.getElementById('au') as HTMLElement;
  try {
    const v = await api.audit(before ? Number(before) : undefined);
    el.innerHTML = auditHtml(v, before !== null).text;
  } catch (e) {
    el.innerHTML = html`<p class="error" data-testid="au-error">${ctx.errText(e)}</p>`.text;
  }
  window.__quhua.ready = true;
}
