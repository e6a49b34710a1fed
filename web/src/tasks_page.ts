// 挂图作战 pages: the board (#/tasks?scope=&date=&group=&unit=&light=), one task (#/tasks/ID?date=)
// with its action forms, and the inbox (#/inbox?date=). Rendering lives in tasks_view.ts;
// main.ts routes here with the page context it owns.

import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { api, type BoardView, type DivisionLight, type OverviewView, type ReportPeriod, type EvidenceRef, type TaskAction, type TaskView } from './api';
import { t, tf, type Key } from './i18n';
import { html, type Markup } from './html';
import type { PageContext } from './handover_page';
import { autoSummary, hold, keepSummary, mountTools, previewSummary, resetHolds } from './tasks_tools';
import {
  actionForms, checkpointTable, divisionGrid, filterForm, historyList, inboxView, legend, LIGHT_COLOR, lightChips,
  summaryTable, syntheticTag, taskBars, taskHeader, taskTable, timeline, title, type Bar,
} from './tasks_view';

/** The board's query: `scope` a jurisdiction code prefix within the account's (empty: all it sees). */
interface BoardQuery { scope: string; date: string; group: string; unit: string; light: string }

const boardHash = (q: BoardQuery): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return `#/tasks${s ? `?${s}` : ''}`;
};

/** The scope of the last board shown (a task's 返回看板 goes back to it). */
let lastScope = '';

/** The board's heading: scope, date, 示意; on a scoped board, the way back to the whole jurisdiction. */
function boardHead(v: { scope: string; date: string; synthetic: boolean }, q: BoardQuery): Markup {
  return html`<h2>${t('tkTitle')} <span class="muted">${v.scope} · ${t('tkAsOf')} <span data-testid="tk-asof">${v.date}</span></span> ${syntheticTag(v.synthetic)}</h2>
    ${q.scope ? html`<p class="tk-scoped" data-testid="tk-scoped" data-scope="${v.scope}"><span>${tf('tkScoped', { s: v.scope })}</span>
      <a href="${boardHash({ ...q, scope: '' })}" class="button" data-testid="tk-whole">${t('tkWholeScope')}</a></p>` : ''}
    ${v.synthetic ? html`<p class="muted">${t('tkSyntheticNote')}</p>` : ''}`;
}

/** #/tasks?scope=&date=&group=&unit=&light= */
export async function showTaskBoard(ctx: PageContext, query: URLSearchParams): Promise<void> {
  window.__quhua = { view: 'tasks', ready: false };
  resetHolds();
  const release = hold();
  const q: BoardQuery = {
    scope: (query.get('scope') ?? '').trim(), date: query.get('date') ?? '', group: query.get('group') ?? '', unit: query.get('unit') ?? '', light: query.get('light') ?? '',
  };
  lastScope = q.scope;
  ctx.mount(html`<main class="page tasks-page" id="tk"><p>${t('loading')}</p></main>`.text);
  const root = document.getElementById('tk') as HTMLElement;
  const boardHref = (p: { scope?: string; light?: string }) => boardHash({ scope: p.scope ?? q.scope, date: q.date, group: '', unit: '', light: p.light ?? '' });
  // The summary (no rows) comes before the board: a jurisdiction with many tasks shows it while its rows load.
  const loading = api.tasks({ ...q, mine_first: true });
  loading.catch(() => undefined);
  const ov: OverviewView | null = await api.summary({ scope: q.scope, date: q.date }).catch(() => null);
  keepSummary(ov);
  if (ov && autoSummary(ov.scope, ov.total)) {
    root.innerHTML = html`${boardHead(ov, q)}<div id="tk-tools-box"></div>
      <div id="tk-board"><p class="muted" data-testid="tk-board-loading">${tf('ttSumLoadingBoard', { n: ov.total })}</p></div>`.text;
    previewSummary(document.getElementById('tk-tools-box') as HTMLElement, ov, { county: (code) => boardHref({ scope: code }), light: (light) => boardHref({ light }) });
  }
  let b: BoardView;
  try {
    b = await loading;
  } catch (e) {
    root.innerHTML = html`${q.scope ? html`<p class="tk-nav"><a href="${boardHash({ ...q, scope: '' })}" class="link" data-testid="tk-whole">${t('tkWholeScope')}</a></p>` : ''}
      <p class="error" data-testid="tk-error">${ctx.errText(e)}</p>`.text;
    release();
    return;
  }
  root.innerHTML = html`${boardHead(b, q)}<div id="tk-tools-box"></div><div id="tk-board"></div>`.text;
  const boardBox = document.getElementById('tk-board') as HTMLElement;
  // The map is replaced with the board; the page's cleanup releases the last one.
  let mapCleanup: (() => void) | null = null;
  ctx.setCleanup?.(() => mapCleanup?.());
  const draw = async () => {
    mapCleanup?.();
    mapCleanup = null;
    renderBoard(boardBox, b, q);
    mapCleanup = await drawMap(b.scope, b.divisions, document.getElementById('tk-map-box') as HTMLElement);
  };
  mountTools(document.getElementById('tk-tools-box') as HTMLElement, {
    ctx, board: () => b, linkDate: q.date, boardHref,
    refresh: async () => {
      try {
        b = await api.tasks({ ...q, mine_first: true });
      } catch (e) {
        boardBox.innerHTML = html`<p class="error" data-testid="tk-error">${ctx.errText(e)}</p>`.text;
        return;
      }
      await draw();
    },
  });
  await draw();
  release();
}

/** The board below the tools: filters, chips, the task list, timeline, summaries, reports, map. */
function renderBoard(box: HTMLElement, b: BoardView, q: BoardQuery): void {
  const bars: Bar[] = b.rows.map((r) => ({ id: r.id, label: title(r), start: r.start, end: r.due, light: r.light, progress: r.progress, marks: [] }));
  const anyMine = b.rows.some((r) => r.mine);
  box.innerHTML = html`${filterForm(b, q, boardHash({ scope: q.scope, date: '', group: '', unit: '', light: '' }))}
    ${lightChips(b, (l) => boardHash({ ...q, light: l }), q.light)}
    <p class="muted" data-testid="tk-count">${tf('tkOfTotal', { n: b.rows.length, total: b.total })}${anyMine ? ` · ${t('tkMineNote')}` : ''}</p>
    <section class="card"><h3>${t('tkList')}</h3>${taskTable(b, q.date)}</section>
    <section class="card"><h3>${t('tkTimeline')}</h3>${timeline(bars, b.date, q.date)}</section>
    <div class="tk-two">
      <section class="card"><h3>${t('tkByUnit')}</h3>${summaryTable(b.by_unit, t('tkUnit'), 'by-unit')}</section>
      <section class="card"><h3>${t('tkByGroup')}</h3>${summaryTable(b.by_group, t('tkGroup'), 'by-group')}</section>
    </div>
    ${reportBox(b)}
    <section class="card" id="tk-map-card"><h3>${t('tkMap')}</h3><div id="tk-map-box">${t('loading')}</div></section>`.text;

  const form = box.querySelector('form.tk-filters') as HTMLFormElement;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const s = (k: string) => String(f.get(k) ?? '');
    const date = s('date') === b.date && !q.date ? '' : s('date');
    location.hash = boardHash({ scope: q.scope, date, group: s('group'), unit: s('unit'), light: s('light') });
  });
  form.querySelectorAll('select').forEach((el) => el.addEventListener('change', () => form.requestSubmit()));
  const period = box.querySelector('[data-testid=report-period]') as HTMLSelectElement | null;
  period?.addEventListener('change', () => {
    const links = box.querySelector('[data-testid=report-links]');
    if (links) links.innerHTML = reportLinks(b, period.value as ReportPeriod).text;
  });
  box.querySelector('[data-testid=task-table]')?.addEventListener('click', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.closest('a')) return;
    const tr = target.closest('tr[data-id]') as HTMLElement | null;
    if (tr?.dataset['id']) location.hash = `#/tasks/${encodeURIComponent(tr.dataset['id'])}${q.date ? `?date=${q.date}` : ''}`;
  });
}

const PERIODS: [ReportPeriod, Key][] = [['week', 'rpWeek'], ['fortnight', 'rpFortnight'], ['month', 'rpMonth']];
const FORMATS: ['docx' | 'pdf' | 'xlsx', string][] = [['docx', 'Word'], ['pdf', 'PDF'], ['xlsx', 'Excel']];

/** 督办报告: the period's report as of the board's date, as Word, PDF or Excel. */
function reportLinks(b: BoardView, period: ReportPeriod): Markup {
  const label = t(PERIODS.find(([p]) => p === period)?.[1] ?? 'rpWeek');
  return html`${FORMATS.map(([f, name]) => html`<a class="button" href="${api.reportUrl(period, f, { date: b.date, scope: b.scope })}" download data-testid="report-${period}-${f}">${label} · ${name}</a>`)}`;
}

function reportBox(b: BoardView, period: ReportPeriod = 'week'): Markup {
  return html`<section class="card tk-reports" data-testid="report-box"><h3>${t('rpTitle')} <span class="muted">${tf('rpAsOf', { d: b.date })}</span></h3>
    <div class="row"><label>${t('rpPeriod')} <select data-testid="report-period">${PERIODS.map(([p, k]) => html`<option value="${p}" ${p === period ? 'selected' : ''}>${t(k)}</option>`)}</select></label>
    <span class="rp-links" data-testid="report-links">${reportLinks(b, period)}</span></div></section>`;
}

/** The township map coloured by the worst light (a county with boundaries), else the grid; returns what releases it. */
async function drawMap(scope: string, divs: DivisionLight[], box: HTMLElement): Promise<(() => void) | null> {
  let fc: GeoJSON.FeatureCollection | null = null;
  if (/^\d{6}$/.test(scope)) {
    try { fc = await api.townships(scope); } catch { fc = null; }
  }
  if (!fc || fc.features.length === 0) { box.innerHTML = divisionGrid(divs).text; return null; }
  const light = new Map(divs.map((d) => [d.code, d.light]));
  const features = fc.features.map((f) => {
    const code = String(f.properties?.['code'] ?? '');
    return { ...f, properties: { ...f.properties, color: LIGHT_COLOR[light.get(code) ?? ''] ?? '#e4e4e4', light: light.get(code) ?? '' } };
  });
  const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
  const synthetic = Boolean((fc as unknown as Record<string, unknown>)['示意']);
  box.innerHTML = html`${synthetic ? html`<p class="muted">${syntheticTag(true)} ${t('schematicNote')}</p>` : ''}
    <div class="tk-map" data-testid="task-map" data-features="${features.length}"></div>${legend()}
    <ul class="tk-map-list">${divs.map((d) => html`<li data-testid="division-${d.code}" data-light="${d.light}"><span class="tk-dot tk-${d.light}"></span>${d.name || d.code} <span class="muted">${tf('tkTasksN', { n: d.tasks })}</span></li>`)}</ul>`.text;
  const el = box.querySelector('.tk-map') as HTMLElement;
  let bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      bounds = [Math.min(bounds[0], c[0]), Math.min(bounds[1], c[1]), Math.max(bounds[2], c[0]), Math.max(bounds[3], c[1])];
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  const map = new maplibregl.Map({
    container: el,
    style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f3f1ea' } }] },
    bounds: Number.isFinite(bounds[0]) ? [[bounds[0], bounds[1]], [bounds[2], bounds[3]]] : undefined,
    fitBoundsOptions: { padding: 20 },
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  const markers: maplibregl.Marker[] = [];
  map.on('load', () => {
    map.addSource('tw', { type: 'geojson', data });
    map.addLayer({ id: 'tw-fill', type: 'fill', source: 'tw', paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.75 } });
    map.addLayer({ id: 'tw-line', type: 'line', source: 'tw', paint: { 'line-color': '#444', 'line-width': 1 } });
    for (const f of features) {
      const p = f.properties as Record<string, unknown>;
      const label = p['label'] as [number, number] | undefined;
      if (!label) continue;
      const m = document.createElement('div');
      m.className = 'tlabel';
      m.textContent = String(p['name'] ?? '');
      markers.push(new maplibregl.Marker({ element: m, anchor: 'center' }).setLngLat(label).addTo(map));
    }
  });
  return () => { markers.forEach((m) => m.remove()); map.remove(); };
}

// ---------------------------------------------------------------- one task

/** #/tasks/ID?date= */
export async function showTask(ctx: PageContext, id: string, query: URLSearchParams): Promise<void> {
  window.__quhua = { view: 'task', ready: false };
  const date = query.get('date') ?? '';
  ctx.mount(html`<main class="page tasks-page task-page" id="tk"><p>${t('loading')}</p></main>`.text);
  const root = document.getElementById('tk') as HTMLElement;
  let v: TaskView;
  try {
    v = await api.task(id, date || undefined);
  } catch (e) {
    root.innerHTML = html`<p class="tk-nav"><a href="#/tasks" class="link">${t('tkBack')}</a></p><p class="error" data-testid="task-msg">${ctx.errText(e)}</p>`.text;
    window.__quhua.ready = true;
    return;
  }
  const back = boardHash({ scope: lastScope, date, group: '', unit: '', light: '' });
  const render = (msg = '', ok = true) => {
    root.innerHTML = html`<p class="tk-nav"><a href="${back}" class="link" data-testid="task-back">${t('tkBack')}</a></p>
      <p id="task-msg" class="status ${msg ? (ok ? 'ok' : 'error') : ''}" data-testid="task-msg" role="status">${msg}</p>
      <section class="card">${taskHeader(v, date)}</section>
      <section class="card"><h3>${t('tkTimeline')}</h3>${timeline(taskBars(v), date || today(), date)}</section>
      <section class="card"><h3>${t('tkCheckpoints')}</h3>${checkpointTable(v.checkpoints)}</section>
      <div class="tk-detail">
        <section class="card"><h3>${t('tkHistory')}</h3>${historyList(v.row.id, v.history)}</section>
        <section class="card tk-actions"><h3>${t('tkActions')}</h3>${date ? html`<p class="muted">${t('tkAsOf')} ${date}</p>` : ''}${actionForms(v)}</section>
      </div>`.text;
    window.__quhua.ready = true;
  };
  render();

  const showMsg = (text: string, ok: boolean) => {
    const el = document.getElementById('task-msg') as HTMLElement;
    el.textContent = text;
    el.className = `status ${ok ? 'ok' : 'error'}`;
  };

  root.addEventListener('submit', (ev) => {
    const form = ev.target as HTMLFormElement;
    if (!form.classList.contains('tk-form')) return;
    ev.preventDefault();
    const submitter = (ev as SubmitEvent).submitter as HTMLButtonElement | null;
    const f = new FormData(form);
    const str = (k: string) => String(f.get(k) ?? '').trim();
    const kind = form.dataset['action'] ?? '';
    const heading = form.querySelector('h4')?.textContent ?? kind;
    const buttons = form.querySelectorAll('button');
    const fail = (e: unknown) => {
      buttons.forEach((x) => { x.disabled = false; });
      window.__quhua.ready = true;
      showMsg(ctx.errText(e), false);
    };
    let build: () => Promise<TaskAction>;
    switch (kind) {
      case 'progress':
      case 'done': {
        const files = (f.getAll('file') as File[]).filter((x) => x instanceof File && x.size > 0);
        const values: Record<string, number> = {};
        for (const [k, val] of f.entries()) {
          if (k.startsWith('value:') && typeof val === 'string' && val.trim() !== '') values[k.slice(6)] = Number(val);
        }
        const milestones = f.getAll('milestone').map(String);
        build = async () => {
          const evidence: EvidenceRef[] = [];
          if (files.length) showMsg(t('tkUploading'), true);
          for (const file of files) evidence.push(await api.uploadEvidence(v.row.id, file));
          return { action: kind, values, milestones, text: str('text'), evidence };
        };
        break;
      }
      case 'extend':
        build = async () => ({ action: 'extend', new_date: str('new_date'), reason: str('reason'), progress: str('progress'), checkpoint: str('checkpoint') || null });
        break;
      case 'close':
        build = async () => ({ action: 'close', note: str('note') });
        break;
      case 'return': {
        const reasons = str('reasons').split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
        if (reasons.length === 0) { showMsg(t('tkNeedReason'), false); return; }
        build = async () => ({ action: 'return', reasons });
        break;
      }
      case 'decide_extension':
        build = async () => ({ action: 'decide_extension', approved: submitter?.value !== 'false', note: str('note') });
        break;
      case 'escalate':
        build = async () => ({ action: 'escalate' });
        break;
      default: return;
    }
    buttons.forEach((x) => { x.disabled = true; });
    window.__quhua.ready = false;
    showMsg(t('tkSending'), true);
    void build()
      .then((action) => api.taskAction(v.row.id, action))
      .then((nv) => { v = nv; render(tf('tkDoneMsg', { a: heading }), true); })
      .catch(fail);
  });
}

const today = (): string => new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------- inbox

/** #/inbox?date= */
export async function showInbox(ctx: PageContext, query: URLSearchParams): Promise<void> {
  window.__quhua = { view: 'inbox', ready: false };
  const date = query.get('date') ?? '';
  ctx.mount(html`<main class="page tasks-page inbox-page" id="tk"><p>${t('loading')}</p></main>`.text);
  const root = document.getElementById('tk') as HTMLElement;
  try {
    root.innerHTML = inboxView(await api.inbox(date || undefined), date).text;
  } catch (e) {
    root.innerHTML = html`<p class="error" data-testid="inbox-error">${ctx.errText(e)}</p>`.text;
  }
  const form = root.querySelector('form') as HTMLFormElement | null;
  form?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const d = String(new FormData(form).get('date') ?? '');
    location.hash = `#/inbox${d ? `?date=${d}` : ''}`;
  });
  window.__quhua.ready = true;
}
