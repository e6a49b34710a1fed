// quhua web UI: login, county list, the router to the pages (the scenario editor is
// editor_page.ts), the comparison of two scenarios and the procedure board (报批程序).
// Hash routes: #/, #/county/CODE, #/compare/A/B, #/plans, #/plans/ID, #/plans/ID/handover (实施交接),
// #/plans/ID/handover/SECTION, #/plans/ID/evaluation, #/county/CODE/stats?from=&to= (评估),
// #/tasks?date=&group=&unit=&light= (挂图作战), #/tasks/ID?date= and #/inbox?date= (待办),
// #/risks?date=&id= (风险清单), #/feedback?scope= (群众诉求),
// #/county/CODE/registry?date=&level=&from=&to=&unit= (区划名录), #/county/CODE/boundaries (边界导入)
// and #/audit?before= (审计日志).

import './style.css';
import { api, ApiError, type County, type EvalResult, type Operation, type PlanBoard, type SessionInfo } from './api';
import { getLang, setLang, t, tx } from './i18n';
import { createMap, type MapView, setBasemap } from './map';
import { findingsList, indicatorTable } from './panels';
import { html, type Markup } from './html';
import { planBoard, planList } from './plans_view';
import { showHandover, showHandoverSection, type PageContext } from './handover_page';
import { editorDirty, editorVillages, forgetEditor, showEditor } from './editor_page';
import { showCountyStats, showPlanEvaluation } from './stats_page';
import { showInbox, showTask, showTaskBoard } from './tasks_page';
import { showFeedback, showRisks } from './registers_page';
import { showAudit, showRegistry } from './registry_page';
import { showBoundaries } from './boundaries_page';

const app = document.getElementById('app') as HTMLElement;
let session: SessionInfo | null = null;
let cleanup: (() => void) | null = null;

/** State exposed for end-to-end tests (read-only use). */
interface TestHook {
  view: string;
  ready: boolean;
  map?: MapView;
  result?: EvalResult;
  ops?: Operation[];
  /** Screen point (page coordinates) of a resulting township's label, by name. */
  labelScreenPoint?: (name: string) => { x: number; y: number } | null;
}
declare global { interface Window { __quhua: TestHook } }
window.__quhua = { view: 'boot', ready: false };

function errText(e: unknown): string {
  if (e instanceof ApiError) return `${e.status === 403 ? t('forbidden') + (getLang() === 'zh' ? '：' : ': ') : ''}${tx(e.text)}`;
  return String(e);
}

function header(): Markup {
  const u = session?.user;
  return html`<header class="top">
    <a href="#/" class="brand">${t('appTitle')}</a>
    ${u ? html`<a href="#/" class="nav">${t('countyList')}</a><a href="#/plans" class="nav" data-testid="nav-plans">${t('plans')}</a><a href="#/tasks" class="nav" data-testid="nav-tasks">${t('navTasks')}</a><a href="#/inbox" class="nav" data-testid="nav-inbox">${t('navInbox')}</a><a href="#/risks" class="nav" data-testid="nav-risks">${t('navRisks')}</a><a href="#/feedback" class="nav" data-testid="nav-feedback">${t('navFeedback')}</a>${/^\d{6}$/.test(u.jurisdiction) ? html`<a href="#/county/${u.jurisdiction}/stats" class="nav" data-testid="nav-stats">${t('stEval')}</a><a href="#/county/${u.jurisdiction}/registry" class="nav" data-testid="nav-registry">${t('rgNav')}</a>` : ''}${u.role === 'province_approver' ? html`<a href="#/audit" class="nav" data-testid="nav-audit">${t('auNav')}</a>` : ''}` : ''}
    <span class="spacer"></span>
    ${u ? html`<span class="who" data-testid="who">${u.username} · ${getLang() === 'zh' ? u.role_zh : u.role} · ${u.jurisdiction}</span>` : ''}
    <button id="lang" class="link">${t('language')}</button>
    ${u ? html`<button id="logout" class="link">${t('logout')}</button>` : ''}
  </header>`;
}

function bindHeader(): void {
  document.getElementById('lang')?.addEventListener('click', () => {
    setLang(getLang() === 'zh' ? 'en' : 'zh');
    void route();
  });
  document.getElementById('logout')?.addEventListener('click', async () => {
    try { await api.logout(); } catch { /* already logged out */ }
    session = null;
    forgetEditor();
    location.hash = '#/';
    void route();
  });
}

function mount(content: string | Markup): void {
  cleanup?.();
  cleanup = null;
  app.innerHTML = header().text + String(content);
  bindHeader();
}

// ---------------------------------------------------------------- login

function showLogin(message = ''): void {
  window.__quhua = { view: 'login', ready: true };
  mount(html`<main class="login"><form id="login-form" class="card">
    <h1>${t('appTitle')}</h1>
    <label>${t('username')}<input name="username" autocomplete="username" required></label>
    <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit" class="primary">${t('login')}</button>
    <p class="error" id="login-error">${message}</p>
  </form></main>`);
  const form = document.getElementById('login-form') as HTMLFormElement;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    try {
      session = await api.login(String(fd.get('username') ?? ''), String(fd.get('password') ?? ''));
      setBasemap(session.basemap);
      void route();
    } catch (e) {
      (document.getElementById('login-error') as HTMLElement).textContent = `${t('loginFailed')}：${errText(e)}`;
    }
  });
}

// ---------------------------------------------------------------- counties

async function showCounties(): Promise<void> {
  window.__quhua = { view: 'counties', ready: false };
  mount(html`<main class="page"><h2>${t('counties')}</h2><div id="list">${t('loading')}</div></main>`);
  const list = document.getElementById('list') as HTMLElement;
  try {
    const { counties } = await api.counties();
    list.innerHTML = (counties.length === 0
      ? html`<p class="muted" data-testid="no-counties">${t('noCounties')}</p>`
      : html`<ul class="counties">${counties.map((c: County) => html`<li><a href="#/county/${c.code}" data-testid="county-${c.code}">
          <strong>${c.name}</strong> ${c.code} <span class="muted">${[c.province, c.city].filter(Boolean).join(' ')} · ${c.townships}</span>
          ${c.synthetic ? html`<span class="tag">${t('schematic')}</span>` : ''}</a>
          <a href="#/county/${c.code}/stats" class="stats-link" data-testid="county-stats-${c.code}">${t('stTitle')}</a>
          <a href="#/county/${c.code}/registry" class="stats-link" data-testid="county-registry-${c.code}">${t('rgTitle')}</a>
          <a href="#/county/${c.code}/boundaries" class="stats-link" data-testid="county-boundaries-${c.code}">${t('bdNav')}${c.geometry ? '' : html` <span class="tag warn">${t('bdNoneShort')}</span>`}</a></li>`)}</ul>`).text;
  } catch (e) {
    list.innerHTML = html`<p class="error">${errText(e)}</p>`.text;
  }
  window.__quhua.ready = true;
}

// ---------------------------------------------------------------- compare

async function showCompare(a: number, b: number): Promise<void> {
  window.__quhua = { view: 'compare', ready: false };
  mount(html`<main class="page"><p>${t('loading')}</p></main>`);
  let data;
  try {
    data = await api.compare(a, b);
  } catch (e) {
    mount(html`<main class="page"><p class="error">${errText(e)}</p></main>`);
    window.__quhua.ready = true;
    return;
  }
  const { a: A, b: B } = data;
  const side = (s: typeof A, id: string) => html`<div class="side"><h3>${s.scenario.name} <span class="muted">#${s.scenario.id} · ${t('version')} ${s.scenario.version}</span></h3>
    <div id="${id}" class="mapbox small"></div>
    ${indicatorTable(s.evaluation.indicators.before, s.evaluation.indicators.after)}
    <h4>${t('findings')}</h4>${findingsList(s.evaluation)}</div>`;
  mount(html`<main class="page compare"><h2>${t('compareTitle')} <a href="#/county/${A.scenario.county}" class="link">${t('back')}</a></h2>
    <div class="card" data-testid="compare-diff"><h3>${t('after')}${getLang() === 'zh' ? '：' : ': '}A / B</h3>${indicatorTable(A.evaluation.indicators.after, B.evaluation.indicators.after, ['A', 'B', t('diff')])}</div>
    <div class="sides">${side(A, 'map-a')}${side(B, 'map-b')}</div></main>`);
  const maps: MapView[] = [];
  for (const [s, id] of [[A, 'map-a'], [B, 'map-b']] as const) {
    const m = createMap(document.getElementById(id) as HTMLElement);
    maps.push(m);
    await m.ready;
    // Village indices follow the order of the village GeoJSON (the base's order).
    const villages = editorVillages(s.scenario.county) ?? await api.villages(s.scenario.county);
    const vu = new Map<string, number>();
    s.evaluation.units.forEach((u, i) => u.village_idx.forEach((v) => {
      const c = villages.features[v]?.properties?.['code'];
      if (typeof c === 'string') vu.set(c, i);
    }));
    m.setVillages(villages);
    m.setResult(s.geojson, vu);
  }
  cleanup = () => maps.forEach((m) => m.destroy());
  window.__quhua.ready = true;
}

// ---------------------------------------------------------------- plans (报批程序)

async function showPlans(id: number | null): Promise<void> {
  window.__quhua = { view: 'plans', ready: false };
  mount(html`<main class="page plans-page"><section><h2>${t('plans')}</h2><div id="plan-list">${t('loading')}</div></section>
    <section id="board" data-testid="board"><p class="muted">${id === null ? t('pickPlan') : t('loading')}</p></section></main>`);
  const $ = (x: string) => document.getElementById(x) as HTMLElement;
  const refreshList = async () => {
    try {
      const { plans } = await api.plans();
      $('plan-list').innerHTML = planList(plans, id).text;
    } catch (e) {
      $('plan-list').innerHTML = html`<p class="error">${errText(e)}</p>`.text;
    }
  };
  await refreshList();
  if (id === null) { window.__quhua.ready = true; return; }
  const render = async (b: PlanBoard) => {
    const scenarios = b.permissions.revise ? (await api.scenarios(b.plan.county)).scenarios : [];
    $('board').innerHTML = planBoard(b, scenarios).text;
  };
  try {
    await render(await api.plan(id));
  } catch (e) {
    $('board').innerHTML = html`<p class="error" data-testid="board-error">${errText(e)}</p>`.text;
    window.__quhua.ready = true;
    return;
  }
  // One delegated handler for every action form on the board.
  $('board').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const f = new FormData(form);
    const str = (k: string) => String(f.get(k) ?? '').trim();
    const num = (k: string) => Number(f.get(k) ?? 0);
    const file = (f.get('file') as File | null);
    const theFile = file && file.size > 0 ? file : undefined;
    const action = form.dataset['action'] ?? '';
    let call: Promise<PlanBoard>;
    switch (action) {
      case 'step': call = api.planUpload(id, `steps/${encodeURIComponent(form.dataset['step'] ?? '')}`, { date: str('date'), note: str('note') }, theFile); break;
      case 'materials':
        if (!theFile) { ($('act-msg')).textContent = t('file'); return; }
        call = api.planUpload(id, 'materials', { kind: str('kind'), date: str('date') }, theFile); break;
      case 'approve': {
        const q = { document_no: str('document_no'), date: str('date'), effective: str('effective') };
        const also = f.getAll('also').map((x) => Number(x)).filter((x) => x > 0);
        call = also.length ? api.approveBatch([id, ...also], q, theFile) : api.planUpload(id, 'approve', q, theFile);
        break;
      }
      case 'return': call = api.planAction(id, 'return', { comments: str('comments'), date: str('date') }); break;
      case 'revise': call = api.planAction(id, 'revise', { scenario_id: num('scenario_id'), note: str('note'), date: str('date') }); break;
      case 'opinion': call = api.planAction(id, 'opinions', { text: str('text'), agrees: f.get('agrees') !== null, date: str('date') }); break;
      case 'apply': call = api.planAction(id, 'apply', {}); break;
      case 'assembly': call = api.planAction(id, 'assemblies', { village: str('village'), kind: str('kind'), date: str('date'), entitled: num('entitled'), present: num('present'),
        votes_for: num('votes_for'), votes_against: num('votes_against'), abstentions: num('abstentions') }); break;
      case 'meeting': call = api.planAction(id, 'consultation', { kind: 'meeting', date: str('date'), level: str('level'), place: str('place'),
        participants: str('participants').split(/[,，、]/).map((x) => x.trim()).filter(Boolean), count: num('count') }); break;
      case 'questionnaire': call = api.planAction(id, 'consultation', { kind: 'questionnaire', date: str('date'), issued: num('issued'), returned: num('returned'), in_favour: num('in_favour') }); break;
      case 'suggestion': call = api.planAction(id, 'consultation', { kind: 'suggestion', date: str('date'), from: str('from'), text: str('text'), disposition: str('disposition'), reason: str('reason') }); break;
      default: return;
    }
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    void call.then(async (b) => {
      await render(b);
      ($('act-msg')).textContent = t('actionDone');
      await refreshList();
    }).catch((e) => {
      buttons.forEach((b) => { b.disabled = false; });
      const msg = $('act-msg');
      msg.textContent = errText(e);
      msg.className = 'status error';
    });
  });
  window.__quhua.ready = true;
}

// ---------------------------------------------------------------- router

const pageContext: PageContext = { mount, user: () => session?.user, errText, setCleanup: (fn) => { cleanup = fn; } };

async function route(): Promise<void> {
  document.title = t('appTitle');
  if (!session) {
    try { session = await api.me(); } catch { showLogin(); return; }
    setBasemap(session.basemap);
  }
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const h = path.split('/');
  if (h[0] === 'county' && h[1] && h[2] === 'stats') await showCountyStats(pageContext, h[1], new URLSearchParams(query));
  else if (h[0] === 'county' && h[1] && h[2] === 'registry') await showRegistry(pageContext, h[1], new URLSearchParams(query));
  else if (h[0] === 'county' && h[1] && h[2] === 'boundaries') await showBoundaries(pageContext, h[1]);
  else if (h[0] === 'audit') await showAudit(pageContext, new URLSearchParams(query));
  else if (h[0] === 'county' && h[1]) await showEditor(pageContext, h[1]);
  else if (h[0] === 'tasks' && h[1]) await showTask(pageContext, decodeURIComponent(h[1]), new URLSearchParams(query));
  else if (h[0] === 'tasks') await showTaskBoard(pageContext, new URLSearchParams(query));
  else if (h[0] === 'inbox') await showInbox(pageContext, new URLSearchParams(query));
  else if (h[0] === 'risks') await showRisks(pageContext, new URLSearchParams(query));
  else if (h[0] === 'feedback') await showFeedback(pageContext, new URLSearchParams(query));
  else if (h[0] === 'compare' && h[1] && h[2]) await showCompare(Number(h[1]), Number(h[2]));
  else if (h[0] === 'plans' && h[1] && h[2] === 'evaluation') await showPlanEvaluation(pageContext, Number(h[1]));
  else if (h[0] === 'plans' && h[1] && h[2] === 'handover') {
    if (h[3]) await showHandoverSection(pageContext, Number(h[1]), decodeURIComponent(h[3]));
    else await showHandover(pageContext, Number(h[1]));
  } else if (h[0] === 'plans') await showPlans(h[1] ? Number(h[1]) : null);
  else await showCounties();
}

window.addEventListener('hashchange', () => void route());
// Closing or reloading the tab with unsaved operations asks first.
window.addEventListener('beforeunload', (ev) => {
  if (editorDirty()) { ev.preventDefault(); ev.returnValue = ''; }
});
setLang(getLang());
void route();
