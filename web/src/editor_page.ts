// The scenario editor (#/county/CODE): the map, the townships and the actions on them, the
// operations with undo and redo, the indicators and findings under the chosen policy,
// 方案推荐, and the drafts (save, conflicts merged per operation, stale drafts rebased).

import { api, ApiError, type DraftFreshness, type Base, type EvalResult, type Operation, type PolicyChoices, type ScenarioFull, type ScenarioSummary } from './api';
import { createCharts } from './charts';
import { getLang, kindName, t, tf, tx } from './i18n';
import { createMap, unitColor } from './map';
import { adoptScheme, conflictItems, lockedTownships, mergeVersions, redo as redoHistory, toggleSeeds, undo as undoHistory } from './editor_state';
import { exportGeoJson, exportPng, flaggedUnits, labelDecoration, mapLegend, stableColors, unitPanel, villageHover } from './map_tools';
import { describeOp, findingsList, indicatorTable } from './panels';
import { villageChoices, villageControls, villagePanel, villageProposal, villageProposeForm } from './village_view';
import { html } from './html';
import { policyNote, policyOptions } from './policy_view';
import { bindPropose, proposalName, proposeCard, type ProposeControls, type Wishes } from './propose';
import { C } from './handover';
import type { PageContext } from './handover_page';


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
  /** Groups of townships (codes) 方案推荐 keeps in one new unit (须同组). */
  together: string[][];
  /** Groups of townships (codes) 方案推荐 keeps in different new units (不得同组). */
  apart: string[][];
  /** The policy the scheme is checked against (a built-in id), saved with the draft. */
  policy: string;
  /** The policies the county may be checked against, its own province's first. */
  policies: PolicyChoices;
}

let editor: Editor | null = null;

/** Whether the editor holds unsaved work (closing the tab asks first). */
export function editorDirty(): boolean { return editor?.dirty ?? false; }

/** Forgets the editor's state (at logout). */
export function forgetEditor(): void { editor = null; }

/** The village outlines the editor already holds for `county`, if it does. */
export function editorVillages(county: string): GeoJSON.FeatureCollection | null {
  return editor && editor.county === county ? editor.villages : null;
}

/** The scenario editor of `county` (the state is kept while the user stays in the county). */
export async function showEditor(ctx: PageContext, county: string): Promise<void> {
  const { mount, errText } = ctx;
  window.__quhua = { view: 'county', ready: false };
  if (!editor || editor.county !== county) {
    mount(html`<main class="page"><p>${t('loading')}</p></main>`.text);
    try {
      // A county without stored boundaries has no map but can still be planned.
      const noMap = (e: unknown): GeoJSON.FeatureCollection => {
        if (e instanceof ApiError && e.status === 404) return { type: 'FeatureCollection', features: [] };
        throw e;
      };
      const [base, villages, result, policies] = await Promise.all([api.base(county), api.villages(county).catch(noMap), api.evaluate(county, []), api.policies(county)]);
      editor = { county, base, villages, ops: [], result, selected: [], scenario: null, name: tf('newScenarioOf', { county: base.county.name }), scenarios: [], compareIds: [], dirty: false, rebasedOn: null, redo: [], seeds: [], together: [], apart: [], policy: policies.default, policies };
    } catch (e) {
      mount(html`<main class="page"><p class="error" data-testid="county-error">${errText(e)}</p><p><a href="#/">${t('countyList')}</a></p></main>`.text);
      window.__quhua.ready = true;
      return;
    }
  }
  const ed = editor;
  const canEdit = ctx.user()?.can_edit ?? false;
  mount(html`<main class="editor">
    <section class="left">
      <div id="map" class="mapbox"></div>
      <div class="row map-tools"><button id="export-png" data-testid="export-png">${t('exportPng')}</button>
        <button id="export-geojson" data-testid="export-geojson">${t('exportGeoJson')}</button>
        <button id="print" data-testid="print">${t('printMap')}</button> ${mapLegend()}</div>
      <div id="charts" class="charts"></div>
    </section>
    <section class="right">
      <h2>${ed.base.county.name} <span class="muted">${ed.county} · ${ed.base.date}</span> ${ed.base.synthetic ? html`<span class="tag">${t('schematic')}</span>` : ''}
        <a href="#/county/${ed.county}/stats" class="small-link" data-testid="editor-stats-link">${t('stTitle')}</a></h2>
      <div class="row policy-row"><label>${t('policyLabel')} <select id="policy" data-testid="policy">${policyOptions(ed.policies, ed.policy, getLang() === 'zh')}</select></label></div>
      <p class="muted small" id="policy-note" data-testid="policy-note"></p>
      <div class="card"><h3>${t('townships')}</h3><div id="units" class="units"></div>
        <div id="actions" class="actions"></div></div>
      <div class="card"><h3>${t('operations')}</h3><ol id="ops" class="ops"></ol>
        <div class="row"><button id="undo" data-testid="undo" title="Ctrl+Z">${t('undo')}</button><button id="redo" data-testid="redo" title="Ctrl+Shift+Z / Ctrl+Y">${t('redo')}</button><button id="reset">${t('reset')}</button></div>
        <p id="status" class="status" data-testid="status"></p></div>
      <div class="card"><h3>${t('indicators')}</h3><div id="indicators"></div></div>
      <div class="card"><h3>${t('vlTitle')}</h3><div id="villages-panel" data-testid="villages-panel"></div>${villageProposeForm()}</div>
      ${proposeCard()}
      <div class="card"><h3>${t('findings')}</h3><div id="findings"></div></div>
      <div class="card"><h3>${t('scenarios')}</h3>
        ${canEdit ? html`<div class="row"><input id="sc-name" data-testid="scenario-name" value="${ed.name}" aria-label="${t('scenarioName')}">
          <button id="save" class="primary" data-testid="save">${t('save')}</button>
          <button id="save-new" data-testid="save-new">${t('saveAsNew')}</button><button id="new-sc">${t('newScenario')}</button>
          <button id="submit-plan" data-testid="submit-plan" title="${t('submitHint')}">${t('submitPlan')}</button></div>`
          : html`<p class="muted">${t('readOnly')}</p>`}
        <p class="muted" id="sc-current"></p>
        <ul id="sc-list" class="sclist"></ul>
        <button id="compare" data-testid="compare">${t('compare')}</button>
      </div>
    </section>
  </main><div id="dialog"></div>`.text);

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
  /** The 方案推荐 card's controls (bound below). */
  let proposeUi: ProposeControls | null = null;

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
  ctx.setCleanup?.(() => { map.destroy(); charts.dispose(); document.removeEventListener('keydown', onKey); });

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
    $('units').innerHTML = html`${(ev?.units ?? []).map((u, i) => html`<label class="unit ${ed.selected.includes(i) ? 'sel' : ''}">
      <input type="checkbox" data-i="${i}" ${ed.selected.includes(i) ? html`checked` : ''}>
      <span class="sw" style="background:${colors[i] ?? mapColor(i)}"></span>${u.name}<span class="muted">${kindName(u.kind)} · ${Math.round(u.population ?? 0).toLocaleString()}</span></label>`)}`.text;
    $('units').querySelectorAll('input[type=checkbox]').forEach((el) =>
      el.addEventListener('change', () => toggle(Number((el as HTMLInputElement).dataset['i']))));
    const sel = ed.selected.map((i) => ev?.units[i]).filter((u) => u !== undefined);
    const one = sel.length === 1 ? sel[0] : undefined;
    const seatCodes = one ? one.village_idx.map((v) => ed.base.villages[v]?.code).filter((c): c is string => c !== undefined) : [];
    const seatOptions = seatCodes.map((c) => html`<option value="${c}" ${nameOf(c) === one?.seat ? html`selected` : ''}>${nameOf(c)}</option>`);
    // Buttons for impossible operations are disabled with the reason as their title.
    const kinds = sel.map((u) => u.kind);
    const why = (ok: boolean, reason: string) => (ok ? '' : html`disabled title="${reason}"`);
    const noneSel = sel.length === 0;
    const toTownOk = !noneSel && kinds.every((k) => k === '乡');
    const toStreetOk = !noneSel && kinds.every((k) => k !== '街道');
    const baseCode = (u: { code?: string | null }) => (u.code && ed.base.townships.some((b) => b.code === u.code) ? u.code : null);
    const seedable = sel.map(baseCode).filter((c): c is string => c !== null);
    const others = (ev?.units ?? []).map((u, i) => ({ u, i })).filter(({ i }) => !ed.selected.includes(i));
    const villageOptions = one ? one.village_idx.map((v) => ed.base.villages[v]).filter((v) => v !== undefined)
      .map((v) => html`<option value="${v.code}">${v.name}</option>`) : [];
    $('actions').innerHTML = html`<p><strong>${t('selected')}${C()}</strong><span data-testid="selection">${sel.length ? sel.map((u) => u.name).join(getLang() === 'zh' ? '、' : ', ') : t('none')}</span></p>
      <div class="row"><button id="merge" class="primary" data-testid="merge" ${why(sel.length >= 2, t('whyTwo'))}>${t('mergeInto')}</button>
      <button id="clear-sel">${t('clearSel')}</button></div>
      <div class="row"><input id="new-name" placeholder="${t('newName')}" aria-label="${t('newName')}">
        <select id="new-kind">${['镇', '乡', '街道'].map((k) => html`<option value="${k}">${kindName(k)}</option>`)}</select>
        <button id="merge-new" ${why(sel.length >= 2, t('whyTwo'))}>${t('mergeNew')}</button></div>
      <div class="row"><button id="to-town" data-testid="to-town" ${why(toTownOk, noneSel ? t('whyOne') : t('whyNotXiang'))}>${t('toTown')}</button>
        <button id="to-street" data-testid="to-street" ${why(toStreetOk, noneSel ? t('whyOne') : t('whyStreet'))}>${t('toStreet')}</button>
        <button id="lock" ${why(!noneSel, t('whyOne'))}>${t('lock')}</button>
        <button id="seed" data-testid="seed" ${why(seedable.length > 0, t('whySeed'))}>${t('seedToggle')}</button></div>
      ${one ? html`${unitPanel(one, nameOf)}<div class="row"><label>${t('seat')} <select id="seat">${seatOptions}</select></label><button id="set-seat">${t('setSeat')}</button></div>
      <div class="row"><input id="rename-to" data-testid="rename-to" placeholder="${t('renameTo')}" aria-label="${t('renameTo')}" value="${one.name}">
        <button id="rename" data-testid="rename">${t('rename')}</button></div>
      <div class="row transfer"><label>${t('transferVillages')} <select id="tr-villages" data-testid="tr-villages" multiple size="4">${villageOptions}</select></label>
        <label>${t('transferTo')} <select id="tr-to" data-testid="tr-to">${others.map(({ u, i }) => html`<option value="${i}">${u.name}</option>`)}</select></label>
        <button id="transfer" data-testid="transfer" ${why(others.length > 0, t('whyNoTarget'))}>${t('transfer')}</button></div>
      ${ev ? villageControls(villageChoices(one.village_idx.map((v) => ed.base.villages[v]).filter((v) => v !== undefined), one.name, ev.villages)) : ''}` : ''}`.text;
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
      proposeUi?.refresh();
    };
    proposeUi?.refresh();
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
      bindVillageControls();
    }
  }

  /** 村级撤并推荐: the optimizer's village mergers, appended to the scheme when adopted. */
  $('vl-propose').onclick = () => {
    const floor = Number(($('vl-floor') as HTMLInputElement).value);
    const byHouseholds = ($('vl-households') as HTMLInputElement).checked;
    $('vl-propose-msg').textContent = t('vlProposing');
    void api.proposeVillages(county, { floor, by_households: byHouseholds, ...(ed.policy ? { policy: ed.policy } : {}) }).then((p) => {
      $('vl-propose-msg').textContent = '';
      $('vl-proposal').innerHTML = villageProposal(p).text;
      $('vl-adopt').onclick = () => void apply([...ed.ops, ...p.ops]);
    }).catch((e) => { $('vl-propose-msg').textContent = e instanceof Error ? e.message : String(e); });
  };

  /** 合并村, 撤村设居, 村更名 on the villages chosen in the selected township. */
  function bindVillageControls(): void {
    if (!document.getElementById('vl-villages')) return;
    const chosen = () => [...($('vl-villages') as HTMLSelectElement).selectedOptions].map((o) => o.value);
    const need = (n: number) => { const c = chosen(); if (c.length < n) { $('vl-villages').focus(); return null; } return c; };
    $('vl-merge-new').onclick = () => {
      const c = need(2); const name = ($('vl-new-name') as HTMLInputElement).value.trim();
      if (!c) return;
      if (!name) { $('vl-new-name').focus(); return; }
      void apply([...ed.ops, { op: 'merge_villages', villages: c, new: { name } }]);
    };
    $('vl-merge-into').onclick = () => {
      const c = need(2);
      if (c) void apply([...ed.ops, { op: 'merge_villages', villages: c.slice(1), into: c[0] ?? '' }]);
    };
    $('vl-residents').onclick = () => {
      const c = need(1);
      if (c) void apply([...ed.ops, ...c.map((village): Operation => ({ op: 'convert_village', village }))]);
    };
    $('vl-rename').onclick = () => {
      const c = need(1); const name = ($('vl-rename-to') as HTMLInputElement).value.trim();
      if (!c) return;
      if (!name || c.length !== 1) { $('vl-rename-to').focus(); return; }
      void apply([...ed.ops, { op: 'rename_village', village: c[0] ?? '', name }]);
    };
  }

  /** The wishes 方案推荐 honours: the base townships locked by the operations, the seeds and
   * the policy the scheme is checked against. */
  const wishes = (): Wishes => ({ lock: lockedTownships(ed.ops, ed.base.townships), seed_units: [...ed.seeds], together: ed.together, apart: ed.apart, policy: ed.policy });
  /** The base townships selected (codes), for the groups of 方案推荐. */
  const selectedTownships = (): string[] => ed.selected
    .map((i) => ed.result?.evaluation.units[i]?.code)
    .filter((c): c is string => !!c && ed.base.townships.some((b) => b.code === c));

  /** Shows the chosen policy in the selector and what it holds (and leaves out) below it. */
  function renderPolicy(): void {
    ($('policy') as HTMLSelectElement).value = ed.policy;
    $('policy-note').textContent = policyNote(ed.policies, ed.policy, getLang() === 'zh');
    proposeUi?.refresh();
  }
  /** Another policy: the same operations checked again (unsaved work until saved). */
  $('policy').onchange = () => {
    const before = ed.policy;
    ed.policy = ($('policy') as HTMLSelectElement).value;
    renderPolicy();
    void apply(ed.ops, true, true).then((ok) => {
      if (!ok && here()) { ed.policy = before; renderPolicy(); }
    });
  };

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
      return p ? [[p[0], p[1], `${u.name} ${t('upSeat')}${C()}${u.seat ?? ''}`]] : [];
    }));
    const ind = r.evaluation.indicators;
    $('indicators').innerHTML = indicatorTable(ind.before, ind.after).text;
    $('findings').innerHTML = findingsList(r.evaluation).text;
    $('villages-panel').innerHTML = villagePanel(r.evaluation.villages).text;
    ($('undo') as HTMLButtonElement).disabled = ed.ops.length === 0;
    ($('redo') as HTMLButtonElement).disabled = ed.redo.length === 0;
    $('ops').innerHTML = (ed.ops.length ? html`${ed.ops.map((o) => html`<li>${describeOp(o, nameOf)}</li>`)}` : html`<li class="muted">${t('noOps')}</li>`).text;
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
      const r = await api.evaluate(ed.county, ops, ed.policy);
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
  function startNew(name: string, ops: Operation[], dirty: boolean, policy = ed.policy): void {
    const prev = { scenario: ed.scenario, name: ed.name, rebasedOn: ed.rebasedOn, policy: ed.policy };
    ed.policy = policy;
    renderPolicy();
    const input = document.getElementById('sc-name') as HTMLInputElement | null;
    ed.scenario = null;
    ed.rebasedOn = null;
    ed.name = name;
    if (input) input.value = name;
    void apply(ops, dirty).then((ok) => {
      if (!ok) {
        Object.assign(ed, prev);
        if (input) input.value = prev.name;
        if (here()) renderPolicy();
      }
      return refreshScenarios();
    });
  }

  proposeUi = bindPropose(ed.county, nameOf, (scheme) => {
    // The adopted scheme keeps the editor's locks (the optimizer kept those townships whole).
    if (mayReplace()) startNew(proposalName(scheme), adoptScheme(ed.ops, scheme.ops, ed.base.townships), true);
  }, { wishes, selection: selectedTownships, policies: () => ed.policies });
  $('reset').onclick = () => { if (ed.ops.length && window.confirm(t('confirmClear'))) void apply([]); };

  // ---- scenarios
  async function refreshScenarios(): Promise<void> {
    try {
      ed.scenarios = (await api.scenarios(ed.county)).scenarios;
    } catch (e) {
      if (here()) $('sc-list').innerHTML = html`<li class="error">${errText(e)}</li>`.text;
      return;
    }
    if (!here()) return;
    $('sc-current').textContent = `${t('current')}${C()}${ed.name}${ed.scenario ? ` (${t('version')} ${ed.scenario.version})` : ` (${t('unsaved')})`}`;
    $('sc-list').innerHTML = html`${ed.scenarios.map((s) => html`<li data-testid="scenario-${s.id}">
      <input type="checkbox" class="cmp" data-id="${s.id}" ${ed.compareIds.includes(s.id) ? html`checked` : ''} aria-label="${t('compare')}">
      <span class="name">${s.name}</span> <span class="muted">#${s.id} · ${t('version')} ${s.version} · ${s.updated_by}</span>
      <button class="load" data-id="${s.id}">${t('load')}</button></li>`)}`.text;
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
    // The draft is checked against the policy it was saved with (none: the county's own).
    const before = ed.policy;
    ed.policy = s.policy ?? ed.policies.default;
    if (!(await apply(ops, rebasedOn !== null))) { ed.policy = before; return; }
    renderPolicy();
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
    const changes = f.changes_since.map((c) => html`<li>${c.date} ${getLang() === 'zh' ? c.type : c.type_en} ${c.approval_no}
      ${c.lineage.length ? html`<span class="muted">${c.lineage.join(getLang() === 'zh' ? '；' : '; ')}</span>` : ''}</li>`);
    const ops = f.ops.map((o) => html`<li class="${o.applies ? '' : 'error'}" data-testid="stale-op-${o.index}">
      ${o.applies ? '✓' : '✗'} ${describeOp(o.op, nameOf)}${o.reason ? html`<div class="small">${tx(o.reason)}</div>` : ''}</li>`);
    const broken = f.ops.filter((o) => !o.applies).length;
    $('dialog').innerHTML = html`<div class="modal" role="dialog" data-testid="stale"><div class="card">
      <h3>${t('staleTitle')}</h3>
      <p>${tf(f.recorded ? 'staleDrafted' : 'staleSaved', { name: s.name, d: f.drafted_on, now: f.registry_date })}</p>
      ${changes.length ? html`<h4>${t('staleChanges')}</h4><ul data-testid="stale-changes">${changes}</ul>` : ''}
      <h4>${t('staleOps')}</h4><ol class="ops">${ops}</ol>
      <p>${broken ? tf('staleBroken', { n: broken }) : t('staleAllApply')}</p>
      <div class="row">${canEdit ? html`<button id="s-rebase" class="primary" data-testid="stale-rebase">${tf('staleRebase', { n: f.rebased.length })}</button>` : ''}
        <button id="s-cancel" data-testid="stale-cancel">${t('staleKeep')}</button></div></div></div>`.text;
    const close = () => { $('dialog').innerHTML = ''; };
    if (canEdit) $('s-rebase').onclick = () => { close(); void adopt({ ...s, version: f.version }, f.rebased, f.registry_date); };
    $('s-cancel').onclick = close;
  }

  async function save(asNew: boolean, expected?: number): Promise<void> {
    const input = document.getElementById('sc-name') as HTMLInputElement | null;
    ed.name = input?.value.trim() || ed.name;
    try {
      const s = ed.scenario && !asNew
        ? await api.update(ed.scenario.id, expected ?? ed.scenario.version, ed.name, ed.ops, ed.policy, ed.rebasedOn ?? undefined)
        : await api.create(ed.name, ed.county, ed.ops, ed.policy, ed.base.date);
      ed.scenario = { id: s.id, version: s.version };
      ed.dirty = false;
      ed.rebasedOn = null;
      if (!here()) return;
      $('status').textContent = (getLang() === 'zh' ? `${t('saved')}：${s.name}（#${s.id}，${t('version')} ${s.version}）` : `${t('saved')}: ${s.name} (#${s.id}, ${t('version')} ${s.version})`);
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
    const item = (side: string, o: Operation, i: number, checked: boolean, note = '') => html`<li><label>
      <input type="checkbox" data-side="${side}" data-i="${i}" data-testid="c-${side}-${i}" ${checked ? html`checked` : ''}>
      ${describeOp(o, nameOf)}${note ? html` <span class="muted">${note}</span>` : ''}</label></li>`;
    const none = html`<li class="muted">${t('noOps')}</li>`;
    $('dialog').innerHTML = html`<div class="modal" role="dialog" data-testid="conflict"><div class="card">
      <h3>${t('conflictTitle')}</h3><p>${tx(e.text)}</p><p>${t('conflictText')}</p>
      ${cur ? html`<p><strong>${cur.name}</strong> · ${t('version')} ${cur.version} · ${t('by')} ${cur.updated_by} · ${cur.updated_at}</p>` : ''}
      <h4>${t('conflictTheirs')}</h4><ol class="ops">${items.theirs.length ? items.theirs.map((c, i) => item('theirs', c.op, i, c.checked)) : none}</ol>
      <h4>${t('conflictMine')}</h4><ol class="ops">${items.mine.length ? items.mine.map((c, i) => item('mine', c.op, i, c.checked, c.same ? t('conflictSame') : '')) : none}</ol>
      <p class="status" id="c-status" data-testid="c-status"></p>
      <div class="row"><button id="c-merge" class="primary" data-testid="c-merge">${t('conflictMerge')}</button>
        <button id="c-reload">${t('reloadTheirs')}</button><button id="c-cancel">${t('cancel')}</button></div></div></div>`.text;
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
      if (mayReplace()) startNew(tf('newScenarioOf', { county: ed.base.county.name }), [], false, ed.policies.default);
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
    note.innerHTML = html`<p>${t('bdNoMap')}</p><p><a href="#/county/${ed.county}/boundaries" data-testid="no-map-import">${t('bdImportLink')}</a></p>`.text;
    $('map').appendChild(note);
  }
  renderPolicy();
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

