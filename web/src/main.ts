// quhua web UI: login, county list, the scenario editor (map, indicators, findings, charts,
// 方案推荐, scenarios), the comparison of two scenarios and the procedure board (报批程序).
// Hash routes: #/, #/county/CODE, #/compare/A/B, #/plans, #/plans/ID, #/plans/ID/handover (实施交接),
// #/plans/ID/handover/SECTION, #/plans/ID/evaluation, #/county/CODE/stats?from=&to= (评估),
// #/tasks?date=&group=&unit=&light= (挂图作战), #/tasks/ID?date= and #/inbox?date= (待办),
// #/risks?date=&id= (风险清单), #/feedback?scope= (群众诉求),
// #/county/CODE/registry?date=&level=&from=&to=&unit= (区划名录), #/county/CODE/boundaries (边界导入)
// and #/audit?before= (审计日志).

import './style.css';
import { api, ApiError, type DraftFreshness, type Base, type County, type EvalResult, type Operation, type ScenarioFull, type PlanBoard, type ScenarioSummary, type SessionInfo } from './api';
import { createCharts } from './charts';
import { getLang, kindName, setLang, t, tf, tx } from './i18n';
import { createMap, type MapView, unitColor } from './map';
import { adoptScheme, conflictItems, lockedTownships, mergeVersions, redo as redoHistory, toggleSeeds, undo as undoHistory } from './editor_state';
import { exportGeoJson, exportPng, flaggedUnits, labelDecoration, mapLegend, stableColors, unitPanel, villageHover } from './map_tools';
import { describeOp, esc, findingsList, indicatorTable } from './panels';
import { planBoard, planList } from './plans';
import { showHandover, showHandoverSection, type PageContext } from './handover_page';
import { bindPropose, proposalName, proposeCard, type Wishes, wishesLine } from './propose';
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

function header(): string {
  const u = session?.user;
  return `<header class="top">
    <a href="#/" class="brand">${t('appTitle')}</a>
    ${u ? `<a href="#/" class="nav">${t('countyList')}</a><a href="#/plans" class="nav" data-testid="nav-plans">${t('plans')}</a><a href="#/tasks" class="nav" data-testid="nav-tasks">${t('navTasks')}</a><a href="#/inbox" class="nav" data-testid="nav-inbox">${t('navInbox')}</a><a href="#/risks" class="nav" data-testid="nav-risks">${t('navRisks')}</a><a href="#/feedback" class="nav" data-testid="nav-feedback">${t('navFeedback')}</a>${/^\d{6}$/.test(u.jurisdiction) ? `<a href="#/county/${esc(u.jurisdiction)}/stats" class="nav" data-testid="nav-stats">${t('stEval')}</a><a href="#/county/${esc(u.jurisdiction)}/registry" class="nav" data-testid="nav-registry">${t('rgNav')}</a>` : ''}${u.role === 'province_approver' ? `<a href="#/audit" class="nav" data-testid="nav-audit">${t('auNav')}</a>` : ''}` : ''}
    <span class="spacer"></span>
    ${u ? `<span class="who" data-testid="who">${esc(u.username)} · ${esc(getLang() === 'zh' ? u.role_zh : u.role)} · ${esc(u.jurisdiction)}</span>` : ''}
    <button id="lang" class="link">${t('language')}</button>
    ${u ? `<button id="logout" class="link">${t('logout')}</button>` : ''}
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
    editor = null;
    location.hash = '#/';
    void route();
  });
}

function mount(html: string): void {
  cleanup?.();
  cleanup = null;
  app.innerHTML = header() + html;
  bindHeader();
}

// ---------------------------------------------------------------- login

function showLogin(message = ''): void {
  window.__quhua = { view: 'login', ready: true };
  mount(`<main class="login"><form id="login-form" class="card">
    <h1>${t('appTitle')}</h1>
    <label>${t('username')}<input name="username" autocomplete="username" required></label>
    <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit" class="primary">${t('login')}</button>
    <p class="error" id="login-error">${esc(message)}</p>
  </form></main>`);
  const form = document.getElementById('login-form') as HTMLFormElement;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    try {
      session = await api.login(String(fd.get('username') ?? ''), String(fd.get('password') ?? ''));
      void route();
    } catch (e) {
      (document.getElementById('login-error') as HTMLElement).textContent = `${t('loginFailed')}：${errText(e)}`;
    }
  });
}

// ---------------------------------------------------------------- counties

async function showCounties(): Promise<void> {
  window.__quhua = { view: 'counties', ready: false };
  mount(`<main class="page"><h2>${t('counties')}</h2><div id="list">${t('loading')}</div></main>`);
  const list = document.getElementById('list') as HTMLElement;
  try {
    const { counties } = await api.counties();
    list.innerHTML = counties.length === 0
      ? `<p class="muted" data-testid="no-counties">${t('noCounties')}</p>`
      : `<ul class="counties">${counties.map((c: County) => `<li><a href="#/county/${c.code}" data-testid="county-${c.code}">
          <strong>${esc(c.name)}</strong> ${c.code} <span class="muted">${esc([c.province, c.city].filter(Boolean).join(' '))} · ${c.townships}</span>
          ${c.synthetic ? `<span class="tag">${t('schematic')}</span>` : ''}</a>
          <a href="#/county/${c.code}/stats" class="stats-link" data-testid="county-stats-${c.code}">${t('stTitle')}</a>
          <a href="#/county/${c.code}/registry" class="stats-link" data-testid="county-registry-${c.code}">${t('rgTitle')}</a>
          <a href="#/county/${c.code}/boundaries" class="stats-link" data-testid="county-boundaries-${c.code}">${t('bdNav')}${c.geometry ? '' : ` <span class="tag warn">${t('bdNoneShort')}</span>`}</a></li>`).join('')}</ul>`;
  } catch (e) {
    list.innerHTML = `<p class="error">${esc(errText(e))}</p>`;
  }
  window.__quhua.ready = true;
}

// ---------------------------------------------------------------- editor

interface Editor {
  county: string;
  base: Base;
  villages: GeoJSON.FeatureCollection;
  ops: Operation[];
  result: EvalResult | null;
  selected: number[];
  scenario: { id: number; version: number } | null;
  name: string;
  /** Operations changed since the draft was loaded or saved. */
  dirty: boolean;
  /** The registry date the draft was rebased on (sent with the next save), if it was. */
  rebasedOn: string | null;
  /** Operations undone, the last undone last (redo takes it back). */
  redo: Operation[];
  scenarios: ScenarioSummary[];
  compareIds: number[];
  /** Townships (codes) the optimizer must make heads of different new units (方案推荐 seeds). */
  seeds: string[];
}

let editor: Editor | null = null;

async function showEditor(county: string): Promise<void> {
  window.__quhua = { view: 'county', ready: false };
  if (!editor || editor.county !== county) {
    mount(`<main class="page"><p>${t('loading')}</p></main>`);
    try {
      // A county without stored boundaries has no map but can still be planned.
      const noMap = (e: unknown): GeoJSON.FeatureCollection => {
        if (e instanceof ApiError && e.status === 404) return { type: 'FeatureCollection', features: [] };
        throw e;
      };
      const [base, villages, result] = await Promise.all([api.base(county), api.villages(county).catch(noMap), api.evaluate(county, [])]);
      editor = { county, base, villages, ops: [], result, selected: [], scenario: null, name: tf('newScenarioOf', { county: base.county.name }), scenarios: [], compareIds: [], dirty: false, rebasedOn: null, redo: [], seeds: [] };
    } catch (e) {
      mount(`<main class="page"><p class="error" data-testid="county-error">${esc(errText(e))}</p><p><a href="#/">${t('countyList')}</a></p></main>`);
      window.__quhua.ready = true;
      return;
    }
  }
  const ed = editor;
  const canEdit = session?.user.can_edit ?? false;
  mount(`<main class="editor">
    <section class="left">
      <div id="map" class="mapbox"></div>
      <div class="row map-tools"><button id="export-png" data-testid="export-png">${t('exportPng')}</button>
        <button id="export-geojson" data-testid="export-geojson">${t('exportGeoJson')}</button>
        <button id="print" data-testid="print">${t('printMap')}</button> ${mapLegend()}</div>
      <div id="charts" class="charts"></div>
    </section>
    <section class="right">
      <h2>${esc(ed.base.county.name)} <span class="muted">${ed.county} · ${esc(ed.base.date)}</span> ${ed.base.synthetic ? `<span class="tag">${t('schematic')}</span>` : ''}
        <a href="#/county/${ed.county}/stats" class="small-link" data-testid="editor-stats-link">${t('stTitle')}</a></h2>
      <div class="card"><h3>${t('townships')}</h3><div id="units" class="units"></div>
        <div id="actions" class="actions"></div></div>
      <div class="card"><h3>${t('operations')}</h3><ol id="ops" class="ops"></ol>
        <div class="row"><button id="undo" data-testid="undo" title="Ctrl+Z">${t('undo')}</button><button id="redo" data-testid="redo" title="Ctrl+Shift+Z / Ctrl+Y">${t('redo')}</button><button id="reset">${t('reset')}</button></div>
        <p id="status" class="status" data-testid="status"></p></div>
      <div class="card"><h3>${t('indicators')}</h3><div id="indicators"></div></div>
      ${proposeCard()}
      <div class="card"><h3>${t('findings')}</h3><div id="findings"></div></div>
      <div class="card"><h3>${t('scenarios')}</h3>
        ${canEdit ? `<div class="row"><input id="sc-name" data-testid="scenario-name" value="${esc(ed.name)}" aria-label="${t('scenarioName')}">
          <button id="save" class="primary" data-testid="save">${t('save')}</button>
          <button id="save-new" data-testid="save-new">${t('saveAsNew')}</button><button id="new-sc">${t('newScenario')}</button>
          <button id="submit-plan" data-testid="submit-plan" title="${t('submitHint')}">${t('submitPlan')}</button></div>`
          : `<p class="muted">${t('readOnly')}</p>`}
        <p class="muted" id="sc-current"></p>
        <ul id="sc-list" class="sclist"></ul>
        <button id="compare" data-testid="compare">${t('compare')}</button>
      </div>
    </section>
  </main><div id="dialog"></div>`);

  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  /** Whether this editor is still on screen (an answer arriving after the user went to
   * another page must not touch the new page). */
  const page = document.querySelector('main.editor');
  const here = (): boolean => page?.isConnected === true;
  const townName = new Map<string, string>();
  for (const tw of ed.base.townships) townName.set(tw.code, tw.name);
  for (const v of ed.base.villages) townName.set(v.code, v.name);
  const nameOf = (ref: string) => townName.get(ref) ?? ref;
  let villageUnit = new Map<string, number>();
  let seq = 0;

  const map = createMap($('map'), (code) => {
    const u = villageUnit.get(code);
    if (u !== undefined) toggle(u);
  }, (code) => villageHover(code, ed.base, ed.result, villageUnit));
  /** Colours of the current result's units, stable across edits (see map_tools). */
  let colors: string[] = [];
  const schematicGeometry = (ed.villages as unknown as Record<string, unknown>)['示意'] !== false;
  $('export-png').onclick = () => exportPng(map.map.getCanvas(), ed.county, ed.name, schematicGeometry || ed.base.synthetic);
  $('export-geojson').onclick = () => {
    if (!exportGeoJson(ed.result, ed.county, ed.name, schematicGeometry)) $('status').textContent = t('bdNoMap');
  };
  $('print').onclick = () => window.print();
  const charts = createCharts($('charts'));
  cleanup = () => { map.destroy(); charts.dispose(); document.removeEventListener('keydown', onKey); };

  const unitRef = (i: number): string => {
    const u = ed.result?.evaluation.units[i];
    return u ? (u.code ?? u.name) : '';
  };

  function toggle(i: number): void {
    const k = ed.selected.indexOf(i);
    if (k >= 0) ed.selected.splice(k, 1); else ed.selected.push(i);
    renderSelection();
  }

  function renderSelection(): void {
    map.setSelection(ed.selected);
    const ev = ed.result?.evaluation;
    $('units').innerHTML = (ev?.units ?? []).map((u, i) => `<label class="unit ${ed.selected.includes(i) ? 'sel' : ''}">
      <input type="checkbox" data-i="${i}" ${ed.selected.includes(i) ? 'checked' : ''}>
      <span class="sw" style="background:${colors[i] ?? mapColor(i)}"></span>${esc(u.name)}<span class="muted">${esc(kindName(u.kind))} · ${Math.round(u.population ?? 0).toLocaleString()}</span></label>`).join('');
    $('units').querySelectorAll('input[type=checkbox]').forEach((el) =>
      el.addEventListener('change', () => toggle(Number((el as HTMLInputElement).dataset['i']))));
    const sel = ed.selected.map((i) => ev?.units[i]).filter((u) => u !== undefined);
    const one = sel.length === 1 ? sel[0] : undefined;
    const seatCodes = one ? one.village_idx.map((v) => ed.base.villages[v]?.code).filter((c): c is string => c !== undefined) : [];
    const seatOptions = seatCodes.map((c) => `<option value="${c}" ${nameOf(c) === one?.seat ? 'selected' : ''}>${esc(nameOf(c))}</option>`).join('');
    // Buttons for impossible operations are disabled with the reason as their title.
    const kinds = sel.map((u) => u.kind);
    const why = (ok: boolean, reason: string) => (ok ? '' : `disabled title="${esc(reason)}"`);
    const noneSel = sel.length === 0;
    const toTownOk = !noneSel && kinds.every((k) => k === '乡');
    const toStreetOk = !noneSel && kinds.every((k) => k !== '街道');
    const baseCode = (u: { code?: string | null }) => (u.code && ed.base.townships.some((b) => b.code === u.code) ? u.code : null);
    const seedable = sel.map(baseCode).filter((c): c is string => c !== null);
    const others = (ev?.units ?? []).map((u, i) => ({ u, i })).filter(({ i }) => !ed.selected.includes(i));
    const villageOptions = one ? one.village_idx.map((v) => ed.base.villages[v]).filter((v) => v !== undefined)
      .map((v) => `<option value="${esc(v.code)}">${esc(v.name)}</option>`).join('') : '';
    $('actions').innerHTML = `<p><strong>${t('selected')}：</strong><span data-testid="selection">${sel.length ? esc(sel.map((u) => u.name).join('、')) : t('none')}</span></p>
      <div class="row"><button id="merge" class="primary" data-testid="merge" ${why(sel.length >= 2, t('whyTwo'))}>${t('mergeInto')}</button>
      <button id="clear-sel">${t('clearSel')}</button></div>
      <div class="row"><input id="new-name" placeholder="${t('newName')}" aria-label="${t('newName')}">
        <select id="new-kind">${['镇', '乡', '街道'].map((k) => `<option value="${k}">${esc(kindName(k))}</option>`).join('')}</select>
        <button id="merge-new" ${why(sel.length >= 2, t('whyTwo'))}>${t('mergeNew')}</button></div>
      <div class="row"><button id="to-town" data-testid="to-town" ${why(toTownOk, noneSel ? t('whyOne') : t('whyNotXiang'))}>${t('toTown')}</button>
        <button id="to-street" data-testid="to-street" ${why(toStreetOk, noneSel ? t('whyOne') : t('whyStreet'))}>${t('toStreet')}</button>
        <button id="lock" ${why(!noneSel, t('whyOne'))}>${t('lock')}</button>
        <button id="seed" data-testid="seed" ${why(seedable.length > 0, t('whySeed'))}>${t('seedToggle')}</button></div>
      ${one ? `${unitPanel(one, nameOf)}<div class="row"><label>${t('seat')} <select id="seat">${seatOptions}</select></label><button id="set-seat">${t('setSeat')}</button></div>
      <div class="row"><input id="rename-to" data-testid="rename-to" placeholder="${t('renameTo')}" aria-label="${t('renameTo')}" value="${esc(one.name)}">
        <button id="rename" data-testid="rename">${t('rename')}</button></div>
      <div class="row transfer"><label>${t('transferVillages')} <select id="tr-villages" data-testid="tr-villages" multiple size="4">${villageOptions}</select></label>
        <label>${t('transferTo')} <select id="tr-to" data-testid="tr-to">${others.map(({ u, i }) => `<option value="${i}">${esc(u.name)}</option>`).join('')}</select></label>
        <button id="transfer" data-testid="transfer" ${why(others.length > 0, t('whyNoTarget'))}>${t('transfer')}</button></div>` : ''}`;
    const refs = () => ed.selected.map(unitRef);
    $('merge').onclick = () => { const r = refs(); void apply([...ed.ops, { op: 'merge', units: r.slice(1), into: r[0] ?? '' }]); };
    $('merge-new').onclick = () => {
      const name = ($('new-name') as HTMLInputElement).value.trim();
      if (!name) { $('new-name').focus(); return; }
      void apply([...ed.ops, { op: 'merge', units: refs(), new: { name, kind: ($('new-kind') as HTMLSelectElement).value } }]);
    };
    $('clear-sel').onclick = () => { ed.selected = []; renderSelection(); };
    $('to-town').onclick = () => void apply([...ed.ops, ...refs().map((u): Operation => ({ op: 'convert', unit: u, to: '镇' }))]);
    $('to-street').onclick = () => void apply([...ed.ops, ...refs().map((u): Operation => ({ op: 'convert', unit: u, to: '街道' }))]);
    $('lock').onclick = () => void apply([...ed.ops, { op: 'lock', units: refs() }]);
    $('seed').onclick = () => {
      ed.seeds = toggleSeeds(ed.seeds, seedable);
      $('propose-wishes').innerHTML = wishesLine(wishes(), nameOf);
    };
    if (one) {
      $('set-seat').onclick = () => void apply([...ed.ops, { op: 'move_seat', unit: unitRef(ed.selected[0] ?? 0), village: ($('seat') as HTMLSelectElement).value }]);
      $('rename').onclick = () => {
        const name = ($('rename-to') as HTMLInputElement).value.trim();
        if (!name || name === one.name) { $('rename-to').focus(); return; }
        void apply([...ed.ops, { op: 'rename', unit: unitRef(ed.selected[0] ?? 0), name }]);
      };
      $('transfer').onclick = () => {
        const villages = [...($('tr-villages') as HTMLSelectElement).selectedOptions].map((o) => o.value);
        if (!villages.length) { $('tr-villages').focus(); return; }
        const to = unitRef(Number(($('tr-to') as HTMLSelectElement).value));
        void apply([...ed.ops, { op: 'transfer', villages, to }]);
      };
    }
  }

  /** The wishes 方案推荐 honours: the base townships locked by the operations, and the seeds. */
  const wishes = (): Wishes => ({ lock: lockedTownships(ed.ops, ed.base.townships), seed_units: [...ed.seeds] });

  const mapColor = unitColor;

  function renderResult(): void {
    const r = ed.result;
    if (!r) return;
    villageUnit = new Map();
    r.evaluation.units.forEach((u, i) => u.village_idx.forEach((v) => {
      const c = ed.base.villages[v]?.code;
      if (c !== undefined) villageUnit.set(c, i);
    }));
    colors = stableColors(ed.base, r.evaluation.units);
    const lockedRefs = new Set(ed.ops.flatMap((o) => (o.op === 'lock' ? o.units : [])));
    const units = r.evaluation.units;
    map.setResult(r.geojson, villageUnit, (u) => colors[u] ?? unitColor(u), (i) => {
      const u = units[i];
      return labelDecoration(u, !!u && (lockedRefs.has(u.code ?? '') || lockedRefs.has(u.name)));
    });
    map.setFlagged(flaggedUnits(r));
    const seatOf = new Map(ed.base.villages.map((v) => [v.name, v.code] as const));
    const labelOf = new Map(ed.villages.features.map((f) => [String(f.properties?.['code'] ?? ''), f.properties?.['label'] as [number, number] | undefined] as const));
    map.setSeats(units.flatMap((u): [number, number, string][] => {
      const p = u.seat ? labelOf.get(seatOf.get(u.seat) ?? '') : undefined;
      return p ? [[p[0], p[1], `${u.name} ${t('upSeat')}：${u.seat ?? ''}`]] : [];
    }));
    const ind = r.evaluation.indicators;
    $('indicators').innerHTML = indicatorTable(ind.before, ind.after);
    $('findings').innerHTML = findingsList(r.evaluation);
    ($('undo') as HTMLButtonElement).disabled = ed.ops.length === 0;
    ($('redo') as HTMLButtonElement).disabled = ed.redo.length === 0;
    $('ops').innerHTML = ed.ops.length ? ed.ops.map((o) => `<li>${esc(describeOp(o, nameOf))}</li>`).join('') : `<li class="muted">${t('noOps')}</li>`;
    charts.update(ed.base, r.evaluation);
    renderSelection();
    window.__quhua.result = r;
    window.__quhua.ops = ed.ops;
  }

  /**
   * Evaluates `ops` and, only if they apply, makes them the editor's operations (`dirty`:
   * whether that is unsaved work). Returns whether they did; on failure nothing changes.
   */
  async function apply(ops: Operation[], dirty = true, keepRedo = false): Promise<boolean> {
    const mine = ++seq;
    $('status').textContent = t('working');
    $('status').className = 'status';
    try {
      const r = await api.evaluate(ed.county, ops);
      if (mine !== seq || !here()) return false;
      ed.ops = ops;
      ed.result = r;
      ed.selected = [];
      ed.dirty = dirty;
      if (!keepRedo) ed.redo = [];
      $('status').textContent = '';
      renderResult();
      return true;
    } catch (e) {
      if (mine !== seq || !here()) return false;
      $('status').textContent = errText(e);
      $('status').className = 'status error';
      return false;
    }
  }

  /** Whether unsaved work may be replaced (asks when there is some). */
  const mayReplace = (): boolean => !ed.dirty || window.confirm(t('confirmReplace'));

  function undo(): void {
    const h = undoHistory({ ops: ed.ops, redo: ed.redo });
    if (h.ops === ed.ops) return;
    void apply(h.ops, true, true).then((ok) => {
      if (ok) { ed.redo = h.redo; renderResult(); }
    });
  }
  function redo(): void {
    const h = redoHistory({ ops: ed.ops, redo: ed.redo });
    if (h.ops === ed.ops) return;
    void apply(h.ops, true, true).then((ok) => {
      if (ok) ed.redo = h.redo;
      renderResult();
    });
  }
  $('undo').onclick = undo;
  $('redo').onclick = redo;
  // Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes — outside text fields, which keep their own.
  const onKey = (ev: KeyboardEvent) => {
    const el = ev.target as HTMLElement | null;
    if (!(ev.ctrlKey || ev.metaKey) || el?.closest('input, textarea, select, [contenteditable]')) return;
    const k = ev.key.toLowerCase();
    if (k === 'z' && !ev.shiftKey) { ev.preventDefault(); undo(); }
    else if ((k === 'z' && ev.shiftKey) || k === 'y') { ev.preventDefault(); redo(); }
  };
  document.addEventListener('keydown', onKey);
  /**
   * Starts an unsaved scheme named `name` with `ops`; if they do not apply, the draft that
   * was on screen (its name and identity) is restored with its operations.
   */
  function startNew(name: string, ops: Operation[], dirty: boolean): void {
    const prev = { scenario: ed.scenario, name: ed.name, rebasedOn: ed.rebasedOn };
    const input = document.getElementById('sc-name') as HTMLInputElement | null;
    ed.scenario = null;
    ed.rebasedOn = null;
    ed.name = name;
    if (input) input.value = name;
    void apply(ops, dirty).then((ok) => {
      if (!ok) {
        Object.assign(ed, prev);
        if (input) input.value = prev.name;
      }
      return refreshScenarios();
    });
  }

  bindPropose(ed.county, nameOf, (scheme) => {
    // The adopted scheme keeps the editor's locks (the optimizer kept those townships whole).
    if (mayReplace()) startNew(proposalName(scheme), adoptScheme(ed.ops, scheme.ops, ed.base.townships), true);
  }, wishes);
  $('reset').onclick = () => { if (ed.ops.length && window.confirm(t('confirmClear'))) void apply([]); };

  // ---- scenarios
  async function refreshScenarios(): Promise<void> {
    try {
      ed.scenarios = (await api.scenarios(ed.county)).scenarios;
    } catch (e) {
      if (here()) $('sc-list').innerHTML = `<li class="error">${esc(errText(e))}</li>`;
      return;
    }
    if (!here()) return;
    $('sc-current').textContent = `${t('current')}：${ed.name}${ed.scenario ? ` (${t('version')} ${ed.scenario.version})` : ` (${t('unsaved')})`}`;
    $('sc-list').innerHTML = ed.scenarios.map((s) => `<li data-testid="scenario-${s.id}">
      <input type="checkbox" class="cmp" data-id="${s.id}" ${ed.compareIds.includes(s.id) ? 'checked' : ''} aria-label="compare">
      <span class="name">${esc(s.name)}</span> <span class="muted">#${s.id} · ${t('version')} ${s.version} · ${esc(s.updated_by)}</span>
      <button class="load" data-id="${s.id}">${t('load')}</button></li>`).join('');
    $('sc-list').querySelectorAll('button.load').forEach((b) => b.addEventListener('click', async () => {
      if (!mayReplace()) return;
      // Not ready while the draft is checked and loaded (tests and scripts wait for it).
      window.__quhua.ready = false;
      try {
        const s = await api.scenario(Number((b as HTMLElement).dataset['id']));
        await loadScenario(s);
      } catch (e) {
        $('status').textContent = errText(e);
        $('status').className = 'status error';
      } finally {
        window.__quhua.ready = true;
      }
    }));
    $('sc-list').querySelectorAll('input.cmp').forEach((b) => b.addEventListener('change', () => {
      const id = Number((b as HTMLElement).dataset['id']);
      ed.compareIds = (b as HTMLInputElement).checked ? [...ed.compareIds.filter((x) => x !== id), id].slice(-2) : ed.compareIds.filter((x) => x !== id);
      void refreshScenarios();
    }));
  }

  /**
   * Loads a stored draft. It is first checked against the registry in force: when the
   * registry moved on or an operation no longer applies, a dialog names the changes and the
   * operations and offers to rebase what still applies — never a silent mix with the work
   * on screen, which stays as it was until a draft's operations have applied.
   */
  async function loadScenario(s: ScenarioFull): Promise<void> {
    const f = await api.scenarioFreshness(s.id);
    if (f.stale) { showStale(s, f); return; }
    await adopt(s, s.ops, null);
  }

  async function adopt(s: ScenarioFull, ops: Operation[], rebasedOn: string | null): Promise<void> {
    if (!(await apply(ops, rebasedOn !== null))) return;
    ed.scenario = { id: s.id, version: s.version };
    ed.name = s.name;
    ed.rebasedOn = rebasedOn;
    const input = document.getElementById('sc-name') as HTMLInputElement | null;
    if (input) input.value = s.name;
    await refreshScenarios();
    if (rebasedOn) {
      $('status').textContent = tf('staleRebased', { n: ops.length, d: rebasedOn });
      $('status').className = 'status';
    }
  }

  function showStale(s: ScenarioFull, f: DraftFreshness): void {
    const changes = f.changes_since.map((c) => `<li>${esc(c.date)} ${esc(getLang() === 'zh' ? c.type : c.type_en)} ${esc(c.approval_no)}
      ${c.lineage.length ? `<span class="muted">${esc(c.lineage.join('；'))}</span>` : ''}</li>`).join('');
    const ops = f.ops.map((o) => `<li class="${o.applies ? '' : 'error'}" data-testid="stale-op-${o.index}">
      ${o.applies ? '✓' : '✗'} ${esc(describeOp(o.op, nameOf))}${o.reason ? `<div class="small">${esc(tx(o.reason))}</div>` : ''}</li>`).join('');
    const broken = f.ops.filter((o) => !o.applies).length;
    $('dialog').innerHTML = `<div class="modal" role="dialog" data-testid="stale"><div class="card">
      <h3>${t('staleTitle')}</h3>
      <p>${esc(tf(f.recorded ? 'staleDrafted' : 'staleSaved', { name: s.name, d: f.drafted_on, now: f.registry_date }))}</p>
      ${changes ? `<h4>${t('staleChanges')}</h4><ul data-testid="stale-changes">${changes}</ul>` : ''}
      <h4>${t('staleOps')}</h4><ol class="ops">${ops}</ol>
      <p>${esc(broken ? tf('staleBroken', { n: broken }) : t('staleAllApply'))}</p>
      <div class="row">${canEdit ? `<button id="s-rebase" class="primary" data-testid="stale-rebase">${esc(tf('staleRebase', { n: f.rebased.length }))}</button>` : ''}
        <button id="s-cancel" data-testid="stale-cancel">${t('staleKeep')}</button></div></div></div>`;
    const close = () => { $('dialog').innerHTML = ''; };
    if (canEdit) $('s-rebase').onclick = () => { close(); void adopt({ ...s, version: f.version }, f.rebased, f.registry_date); };
    $('s-cancel').onclick = close;
  }

  async function save(asNew: boolean, expected?: number): Promise<void> {
    const input = document.getElementById('sc-name') as HTMLInputElement | null;
    ed.name = input?.value.trim() || ed.name;
    try {
      const s = ed.scenario && !asNew
        ? await api.update(ed.scenario.id, expected ?? ed.scenario.version, ed.name, ed.ops, ed.rebasedOn ?? undefined)
        : await api.create(ed.name, ed.county, ed.ops, ed.base.date);
      ed.scenario = { id: s.id, version: s.version };
      ed.dirty = false;
      ed.rebasedOn = null;
      if (!here()) return;
      $('status').textContent = `${t('saved')}：${s.name}（#${s.id}，${t('version')} ${s.version}）`;
      $('status').className = 'status ok';
      await refreshScenarios();
    } catch (e) {
      if (!here()) return;
      if (e instanceof ApiError && e.status === 409) showConflict(e);
      else { $('status').textContent = errText(e); $('status').className = 'status error'; }
    }
  }

  /**
   * A save refused because someone else saved first: both versions operation by operation.
   * Their operations and mine are each ticked (mine that repeat one of theirs are not); the
   * merge — the ticked operations of theirs, then the ticked ones of mine — is evaluated and
   * saved on top of their version. Nothing of theirs is dropped unless unticked.
   */
  function showConflict(e: ApiError): void {
    const cur = e.body['current'] as ScenarioFull | undefined;
    const curVersion = Number(e.body['current_version'] ?? cur?.version ?? 0);
    const theirs: Operation[] = (cur?.ops ?? []) as Operation[];
    const mine = ed.ops;
    const items = conflictItems(theirs, mine);
    const item = (side: string, o: Operation, i: number, checked: boolean, note = '') => `<li><label>
      <input type="checkbox" data-side="${side}" data-i="${i}" data-testid="c-${side}-${i}" ${checked ? 'checked' : ''}>
      ${esc(describeOp(o, nameOf))}${note ? ` <span class="muted">${note}</span>` : ''}</label></li>`;
    $('dialog').innerHTML = `<div class="modal" role="dialog" data-testid="conflict"><div class="card">
      <h3>${t('conflictTitle')}</h3><p>${esc(tx(e.text))}</p><p>${t('conflictText')}</p>
      ${cur ? `<p><strong>${esc(cur.name)}</strong> · ${t('version')} ${cur.version} · ${t('by')} ${esc(cur.updated_by)} · ${esc(cur.updated_at)}</p>` : ''}
      <h4>${t('conflictTheirs')}</h4><ol class="ops">${items.theirs.map((c, i) => item('theirs', c.op, i, c.checked)).join('') || `<li class="muted">${t('noOps')}</li>`}</ol>
      <h4>${t('conflictMine')}</h4><ol class="ops">${items.mine.map((c, i) => item('mine', c.op, i, c.checked, c.same ? t('conflictSame') : '')).join('') || `<li class="muted">${t('noOps')}</li>`}</ol>
      <p class="status" id="c-status" data-testid="c-status"></p>
      <div class="row"><button id="c-merge" class="primary" data-testid="c-merge">${t('conflictMerge')}</button>
        <button id="c-reload">${t('reloadTheirs')}</button><button id="c-cancel">${t('cancel')}</button></div></div></div>`;
    const close = () => { $('dialog').innerHTML = ''; };
    const ticks = (side: string, list: Operation[]) => list.map((_, i) =>
      ($('dialog').querySelector(`input[data-side="${side}"][data-i="${i}"]`) as HTMLInputElement | null)?.checked ?? false);
    $('c-reload').onclick = () => { close(); if (cur) void loadScenario(cur); };
    $('c-merge').onclick = async () => {
      const merged = mergeVersions(theirs, mine, ticks('theirs', theirs), ticks('mine', mine));
      if (!(await apply(merged))) {
        $('c-status').textContent = `${t('conflictMergeFailed')} ${$('status').textContent ?? ''}`;
        $('c-status').className = 'status error';
        return;
      }
      close();
      await save(false, curVersion);
    };
    $('c-cancel').onclick = close;
  }

  if (canEdit) {
    $('save').onclick = () => void save(false);
    $('submit-plan').onclick = () => {
      if (!ed.scenario) { $('status').textContent = t('saveFirst'); return; }
      void api.submitPlan(ed.scenario.id).then((b) => { location.hash = `#/plans/${b.plan.id}`; })
        .catch((e) => { if (here()) $('status').textContent = errText(e); });
    };
    $('save-new').onclick = () => void save(true);
    $('new-sc').onclick = () => {
      if (mayReplace()) startNew(tf('newScenarioOf', { county: ed.base.county.name }), [], false);
    };
  }
  $('compare').onclick = () => {
    if (ed.compareIds.length !== 2) { $('status').textContent = t('pickTwo'); return; }
    location.hash = `#/compare/${ed.compareIds[0]}/${ed.compareIds[1]}`;
  };

  await map.ready;
  map.setVillages(ed.villages);
  if (ed.villages.features.length === 0) {
    const note = document.createElement('div');
    note.className = 'no-map';
    note.dataset['testid'] = 'no-map';
    note.innerHTML = `<p>${t('bdNoMap')}</p><p><a href="#/county/${esc(ed.county)}/boundaries" data-testid="no-map-import">${t('bdImportLink')}</a></p>`;
    $('map').appendChild(note);
  }
  renderResult();
  await refreshScenarios();
  window.__quhua.map = map;
  window.__quhua.labelScreenPoint = (name: string) => {
    const i = ed.result?.evaluation.units.findIndex((u) => u.name === name) ?? -1;
    const ll = i >= 0 ? map.labelPoint(i) : undefined;
    if (!ll) return null;
    const p = map.map.project(ll);
    const rect = map.map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  };
  map.map.once('idle', () => { window.__quhua.ready = true; });
  map.map.triggerRepaint();
}

// ---------------------------------------------------------------- compare

async function showCompare(a: number, b: number): Promise<void> {
  window.__quhua = { view: 'compare', ready: false };
  mount(`<main class="page"><p>${t('loading')}</p></main>`);
  let data;
  try {
    data = await api.compare(a, b);
  } catch (e) {
    mount(`<main class="page"><p class="error">${esc(errText(e))}</p></main>`);
    window.__quhua.ready = true;
    return;
  }
  const { a: A, b: B } = data;
  const side = (s: typeof A, id: string) => `<div class="side"><h3>${esc(s.scenario.name)} <span class="muted">#${s.scenario.id} · ${t('version')} ${s.scenario.version}</span></h3>
    <div id="${id}" class="mapbox small"></div>
    ${indicatorTable(s.evaluation.indicators.before, s.evaluation.indicators.after)}
    <h4>${t('findings')}</h4>${findingsList(s.evaluation)}</div>`;
  mount(`<main class="page compare"><h2>${t('compareTitle')} <a href="#/county/${A.scenario.county}" class="link">${t('back')}</a></h2>
    <div class="card" data-testid="compare-diff"><h3>${t('after')}：A / B</h3>${indicatorTable(A.evaluation.indicators.after, B.evaluation.indicators.after, ['A', 'B', t('diff')])}</div>
    <div class="sides">${side(A, 'map-a')}${side(B, 'map-b')}</div></main>`);
  const maps: MapView[] = [];
  for (const [s, id] of [[A, 'map-a'], [B, 'map-b']] as const) {
    const m = createMap(document.getElementById(id) as HTMLElement);
    maps.push(m);
    await m.ready;
    // Village indices follow the order of the village GeoJSON (the base's order).
    const villages = editor && editor.county === s.scenario.county ? editor.villages : await api.villages(s.scenario.county);
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
  mount(`<main class="page plans-page"><section><h2>${t('plans')}</h2><div id="plan-list">${t('loading')}</div></section>
    <section id="board" data-testid="board"><p class="muted">${id === null ? t('pickPlan') : t('loading')}</p></section></main>`);
  const $ = (x: string) => document.getElementById(x) as HTMLElement;
  const refreshList = async () => {
    try {
      const { plans } = await api.plans();
      $('plan-list').innerHTML = planList(plans, id);
    } catch (e) {
      $('plan-list').innerHTML = `<p class="error">${esc(errText(e))}</p>`;
    }
  };
  await refreshList();
  if (id === null) { window.__quhua.ready = true; return; }
  const render = async (b: PlanBoard) => {
    const scenarios = b.permissions.revise ? (await api.scenarios(b.plan.county)).scenarios : [];
    $('board').innerHTML = planBoard(b, scenarios);
  };
  try {
    await render(await api.plan(id));
  } catch (e) {
    $('board').innerHTML = `<p class="error" data-testid="board-error">${esc(errText(e))}</p>`;
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
      case 'approve': call = api.planUpload(id, 'approve', { document_no: str('document_no'), date: str('date'), effective: str('effective') }, theFile); break;
      case 'return': call = api.planAction(id, 'return', { comments: str('comments'), date: str('date') }); break;
      case 'revise': call = api.planAction(id, 'revise', { scenario_id: num('scenario_id'), note: str('note'), date: str('date') }); break;
      case 'opinion': call = api.planAction(id, 'opinions', { text: str('text'), agrees: f.get('agrees') !== null, date: str('date') }); break;
      case 'apply': call = api.planAction(id, 'apply', {}); break;
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
  }
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const h = path.split('/');
  if (h[0] === 'county' && h[1] && h[2] === 'stats') await showCountyStats(pageContext, h[1], new URLSearchParams(query));
  else if (h[0] === 'county' && h[1] && h[2] === 'registry') await showRegistry(pageContext, h[1], new URLSearchParams(query));
  else if (h[0] === 'county' && h[1] && h[2] === 'boundaries') await showBoundaries(pageContext, h[1]);
  else if (h[0] === 'audit') await showAudit(pageContext, new URLSearchParams(query));
  else if (h[0] === 'county' && h[1]) await showEditor(h[1]);
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
  if (editor?.dirty) { ev.preventDefault(); ev.returnValue = ''; }
});
setLang(getLang());
void route();
