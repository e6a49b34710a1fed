// 评估 pages: a county between two dates (#/county/CODE/stats?from=&to=) and a plan's before
// and after (#/plans/ID/evaluation) — the comparison with its charts, the stored statistics
// with their import (检查 → 导入), and the crosswalk and recast downloads. Rendering lives in
// stats_view.ts and stats_charts.ts; main.ts routes here with the page context it owns.

import { api, type EvaluationView, type ObservationsView, type PlanBoard } from './api';
import { html } from './html';
import { t, tf } from './i18n';
import type { PageContext } from './handover_page';
import { createChartSet, handoverOption, kindsOption, meansOption, populationOption, seriesOption, type ChartSet } from './stats_charts';
import { chartBoxes, crosswalkCard, dateForm, docLinks, evalHeader, keyFigures, observationsCard, outcomeHtml, sentence } from './stats_view';

/** One evaluation page: how it loads its evaluation, and its board (plans). */
interface Source {
  view: 'stats' | 'plan-evaluation';
  load(): Promise<EvaluationView>;
  board: PlanBoard | null;
  /** County view: the dates asked for (empty: the server's defaults). */
  dates?: { from: string; to: string };
  county?: string;
}

/** #/county/CODE/stats?from=&to= */
export async function showCountyStats(ctx: PageContext, code: string, query: URLSearchParams): Promise<void> {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  await showPage(ctx, {
    view: 'stats', board: null, dates: { from, to }, county: code,
    load: () => api.countyEvaluation(code, from || undefined, to || undefined),
  });
}

/** #/plans/ID/evaluation */
export async function showPlanEvaluation(ctx: PageContext, id: number): Promise<void> {
  window.__quhua = { view: 'plan-evaluation', ready: false };
  ctx.mount(html`<main class="page stats-page"><p>${t('loading')}</p></main>`.text);
  let board: PlanBoard;
  try {
    board = await api.plan(id);
  } catch (e) {
    ctx.mount(html`<main class="page stats-page"><p class="error" data-testid="st-error">${ctx.errText(e)}</p></main>`.text);
    window.__quhua.ready = true;
    return;
  }
  await showPage(ctx, { view: 'plan-evaluation', board, load: () => api.planEvaluation(id) });
}

async function showPage(ctx: PageContext, src: Source): Promise<void> {
  window.__quhua = { view: src.view, ready: false };
  const back = src.board
    ? html`<a href="#/plans/${src.board.plan.id}" class="link">${t('stPlanBoard')}</a>`
    : html`<a href="#/county/${src.county ?? ''}" class="link">${t('back')}</a>`;
  ctx.mount(html`<main class="page stats-page" id="st">
    <p class="st-nav">${back}</p>
    <section class="card" id="st-eval"><p>${t('loading')}</p></section>
    ${src.board ? docLinks(src.board) : ''}
    <section class="card" id="st-data"></section>
    <section class="card" id="st-cw"></section></main>`.text);
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const charts: ChartSet = createChartSet();
  let ev: EvaluationView;
  let obs: ObservationsView | null = null;
  try {
    ev = await src.load();
  } catch (e) {
    $('st-eval').innerHTML = html`<p class="error" data-testid="st-error">${ctx.errText(e)}</p>`.text;
    if (src.dates) $('st-eval').insertAdjacentHTML('beforeend', dateForm(src.dates.from, src.dates.to).text);
    bindDates();
    charts.dispose();
    window.__quhua.ready = true;
    return;
  }
  const county = ev.county;
  ctx.setCleanup?.(() => charts.dispose());

  const renderEval = () => {
    charts.clear();
    $('st-eval').innerHTML = html`${evalHeader(ev, src.board)}${src.dates ? dateForm(src.dates.from || ev.before.date, src.dates.to || ev.after.date) : ''}${sentence(ev)}${keyFigures(ev)}${chartBoxes(ev)}`.text;
    const box = (id: string) => $('st-eval').querySelector(`[data-testid=${id}]`) as HTMLElement | null;
    const put = (id: string, option: Parameters<ChartSet['add']>[1]) => { const el = box(id); if (el) charts.add(el, option); };
    put('chart-kinds', kindsOption(ev));
    put('chart-means', meansOption(ev));
    put('chart-pop', populationOption(ev));
    if (ev.handover) put('chart-handover', handoverOption(ev.handover));
    $('st-eval').querySelectorAll<HTMLElement>('[data-testid=chart-series]').forEach((el) => {
      const s = ev.series[Number(el.dataset['i'])];
      if (s) charts.add(el, seriesOption(s));
    });
    bindDates();
  };
  const renderData = async () => {
    try {
      obs = await api.observations(county);
      $('st-data').innerHTML = observationsCard(obs).text;
    } catch (e) {
      $('st-data').innerHTML = html`<p class="error" data-testid="obs-load-error">${ctx.errText(e)}</p>`.text;
    }
  };
  const renderCrosswalk = () => {
    $('st-cw').innerHTML = crosswalkCard(ev.before.date, ev.after.date, (obs?.figures ?? 0) > 0).text;
    $('st-cw').querySelectorAll<HTMLFormElement>('form[data-link]').forEach(updateLink);
  };

  /** Keeps a download link in step with its form's inputs. */
  function updateLink(form: HTMLFormElement): void {
    const f = new FormData(form);
    const q = new URLSearchParams();
    for (const [k, v] of f.entries()) if (typeof v === 'string' && v) q.set(k, v);
    const a = form.querySelector('a[download]') as HTMLAnchorElement | null;
    if (a) a.href = `/api/counties/${encodeURIComponent(county)}/${form.dataset['link']}?${q.toString()}`;
  }

  function bindDates(): void {
    const form = document.querySelector('form[data-action=dates]') as HTMLFormElement | null;
    if (!form || !src.dates) return;
    form.onsubmit = (e) => {
      e.preventDefault();
      const f = new FormData(form);
      const q = new URLSearchParams({ from: String(f.get('from') ?? ''), to: String(f.get('to') ?? '') });
      const hash = `#/county/${src.county ?? county}/stats?${q.toString()}`;
      if (location.hash === hash) location.reload(); else location.hash = hash;
    };
  }

  renderEval();
  await renderData();
  renderCrosswalk();

  // ---- the import: 检查 (preview) → 导入, the latter only after a good check of the same file
  let checked: string | null = null;
  /** A file's identity for 「导入 only after a good check of the same file」. */
  const fileKey = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;
  const root = $('st');
  root.addEventListener('change', (ev2) => {
    const el = ev2.target as HTMLElement;
    const form = el.closest('form') as HTMLFormElement | null;
    if (form?.dataset['link']) { updateLink(form); return; }
    if (form?.dataset['action'] === 'obs-import' && el instanceof HTMLInputElement && el.type === 'file') {
      checked = null;
      (form.querySelector('button[value=commit]') as HTMLButtonElement).disabled = true;
      $('obs-result').innerHTML = '';
    }
  });
  root.addEventListener('input', (ev2) => {
    const form = (ev2.target as HTMLElement).closest('form') as HTMLFormElement | null;
    if (form?.dataset['link']) updateLink(form);
  });
  root.addEventListener('submit', (e) => {
    const form = e.target as HTMLFormElement;
    if (form.dataset['action'] === 'obs-import') { e.preventDefault(); void importObs(form, (e as SubmitEvent).submitter?.getAttribute('value') === 'commit'); }
    else if (form.dataset['action'] === 'recast-upload') { e.preventDefault(); void recastUpload(form); }
    else if (form.dataset['link']) e.preventDefault();
  });

  async function importObs(form: HTMLFormElement, commit: boolean): Promise<void> {
    const out = $('obs-result');
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) { out.innerHTML = html`<p class="error" data-testid="obs-error">${t('stPickFile')}</p>`.text; return; }
    if (commit && checked !== fileKey(file)) { out.innerHTML = html`<p class="error" data-testid="obs-error">${t('stCheckFirst')}</p>`.text; return; }
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    out.innerHTML = html`<p class="muted">${t('loading')}</p>`.text;
    window.__quhua.ready = false;
    try {
      const o = await api.importObservations(county, file, commit);
      if (o.stored) {
        checked = null;
        ev = await src.load();
        renderEval();
        await renderData();
        renderCrosswalk();
        $('obs-result').innerHTML = outcomeHtml(o).text;
      } else {
        checked = fileKey(file);
        out.innerHTML = outcomeHtml(o).text;
        buttons.forEach((b) => { b.disabled = false; });
      }
    } catch (err) {
      checked = null;
      out.innerHTML = html`<p class="error" data-testid="obs-error">${ctx.errText(err)}</p>`.text;
      buttons.forEach((b) => { b.disabled = b.value === 'commit'; });
    }
    window.__quhua.ready = true;
  }

  async function recastUpload(form: HTMLFormElement): Promise<void> {
    const out = $('recast-result');
    const f = new FormData(form);
    const file = f.get('file') as File | null;
    if (!file || file.size === 0) { out.innerHTML = html`<p class="error" data-testid="recast-error">${t('stPickFile')}</p>`.text; return; }
    const q = { to: String(f.get('to') ?? ''), weight: String(f.get('weight') ?? 'population'), format: String(f.get('format') ?? 'xlsx') };
    const button = form.querySelector('button') as HTMLButtonElement;
    button.disabled = true;
    out.innerHTML = html`<p class="muted">${t('loading')}</p>`.text;
    try {
      const { blob, name } = await api.recastUpload(county, file, q);
      const fileName = name ?? `${file.name.replace(/\.[^.]*$/, '')}-${q.to}.${q.format}`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      out.innerHTML = html`<p class="ok" data-testid="recast-result">${tf('stRecastDone', { f: fileName })}</p>`.text;
    } catch (err) {
      out.innerHTML = html`<p class="error" data-testid="recast-error">${ctx.errText(err)}</p>`.text;
    }
    button.disabled = false;
  }

  window.__quhua.ready = true;
}
