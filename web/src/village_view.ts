// 村级建制调整 in the editor: the village indicators before and after, the villages the scheme
// changed or created (with the code the registry will assign), and the controls that merge
// villages, turn a 村 into a 居 (撤村设居) and rename one, for the township selected.

import type { Evaluation, VillageProposal } from './api';
import { html, type Markup } from './html';
import { getLang, t } from './i18n';

type Villages = Evaluation['villages'];
const zh = () => getLang() === 'zh';
const fmt = (v: number) => Math.round(v).toLocaleString('zh-CN');
const KIND_EN: Record<string, string> = { 居委会: "residents' committees", 村委会: "villagers' committees", 类似居委会: "residents'-committee-like", 类似村委会: "villagers'-committee-like" };
const STATUS_EN: Record<string, string> = { 新设: 'new', 建制变更: 'kind changed', 合并: 'merged', 拆分: 'split', 更名: 'renamed' };

/** Counts by kind as one line. */
function kinds(m: Record<string, number>): string {
  return Object.entries(m).map(([k, n]) => `${zh() ? k : KIND_EN[k] ?? k} ${n}`).join(zh() ? '，' : ', ');
}

/** The village section: nothing until the scheme changes a village. */
export function villagePanel(v: Villages): Markup {
  if (v.changed.length === 0 && v.abolished.length === 0) {
    return html`<p class="muted" data-testid="villages-none">${t('vlNone')}</p>`;
  }
  const b = v.indicators.before;
  const a = v.indicators.after;
  const row = (label: string, x: string, y: string) => html`<tr><th>${label}</th><td>${x}</td><td>${y}</td></tr>`;
  const floorRow = b.under_population_floor != null && a.under_population_floor != null
    ? row(t('vlUnderFloor'), String(b.under_population_floor), String(a.under_population_floor)) : '';
  const hh = b.households.n > 0 ? row(t('vlMeanHouseholds'), fmt(b.households.mean), fmt(a.households.mean)) : '';
  const changed = v.changed.map((c) => {
    const code = c.code ?? (c.proposed_code ? `${c.proposed_code}${t('vlProposed')}` : t('vlPending'));
    return html`<tr data-testid="village-${c.name}"><th>${c.township} ${c.name}</th><td>${zh() ? c.kind : KIND_EN[c.kind] ?? c.kind}</td>
      <td><code>${code}</code></td><td>${zh() ? c.status : STATUS_EN[c.status] ?? c.status}</td>
      <td>${c.population != null ? fmt(c.population) : ''}</td><td>${c.households != null ? fmt(c.households) : ''}</td>
      <td class="muted">${c.predecessors.join(zh() ? '、' : ', ')}</td></tr>`;
  });
  const gone = v.abolished.map((x) => html`<li>${x.township} ${x.name}${x.code ? html` <code>${x.code}</code>` : ''} → ${x.into}</li>`);
  return html`<table class="ind" data-testid="village-indicators"><thead><tr><th></th><th>${t('before')}</th><th>${t('after')}</th></tr></thead><tbody>
      ${row(t('vlCount'), String(b.count), String(a.count))}
      ${row(t('vlByKind'), kinds(b.by_kind), kinds(a.by_kind))}
      ${row(t('vlMeanPop'), fmt(b.population.mean), fmt(a.population.mean))}${hh}
      ${row(t('vlPerTownship'), b.per_township.mean.toFixed(1), a.per_township.mean.toFixed(1))}${floorRow}</tbody></table>
    <table class="ind" data-testid="villages-changed"><thead><tr><th>${t('vlVillage')}</th><th>${t('kind')}</th><th>${t('vlCode')}</th><th>${t('vlStatus')}</th>
      <th>${t('people')}</th><th>${t('vlHouseholds')}</th><th>${t('vlFormedFrom')}</th></tr></thead><tbody>${changed}</tbody></table>
    ${gone.length ? html`<p class="muted">${t('vlAbolished')}</p><ul class="small" data-testid="villages-abolished">${gone}</ul>` : ''}`;
}

/** A village of the selected township the controls can name: its code, or its name when new. */
export interface VillageChoice { ref: string; name: string }

/** The villages of a township as the scheme leaves them: its base villages not merged away,
 * and the new villages the scheme created there. */
export function villageChoices(baseVillages: { code: string; name: string }[], township: string, v: Villages): VillageChoice[] {
  const gone = new Set(v.abolished.map((x) => x.code ?? `${x.township}/${x.name}`));
  // The current name of a base village the scheme renamed or converted (a converted one has
  // no code yet; the scheme still finds it by its base code).
  const current = new Map<string, string>();
  for (const c of v.changed) {
    if (c.code) current.set(c.code, c.name);
    else if (c.status === '建制变更' && c.predecessor_codes[0]) current.set(c.predecessor_codes[0], c.name);
  }
  const kept = baseVillages.filter((b) => !gone.has(b.code)).map((b) => ({ ref: b.code, name: current.get(b.code) ?? b.name }));
  const created = v.changed.filter((c) => !c.code && c.status === '新设' && c.township === township).map((c) => ({ ref: c.name, name: c.name }));
  return [...kept, ...created];
}

/** The controls for the villages of one selected township. */
export function villageControls(choices: VillageChoice[]): Markup {
  return html`<div class="row villages-edit" data-testid="village-controls"><label>${t('vlSelect')} <select id="vl-villages" data-testid="vl-villages" multiple size="5">
      ${choices.map((c) => html`<option value="${c.ref}">${c.name}</option>`)}</select></label>
    <div><div class="row"><input id="vl-new-name" data-testid="vl-new-name" placeholder="${t('vlNewName')}" aria-label="${t('vlNewName')}">
      <button id="vl-merge-new" data-testid="vl-merge-new">${t('vlMergeNew')}</button>
      <button id="vl-merge-into" data-testid="vl-merge-into" title="${t('vlMergeIntoHint')}">${t('vlMergeInto')}</button></div>
    <div class="row"><button id="vl-residents" data-testid="vl-residents">${t('vlToResidents')}</button>
      <input id="vl-rename-to" data-testid="vl-rename-to" placeholder="${t('renameTo')}" aria-label="${t('renameTo')}">
      <button id="vl-rename" data-testid="vl-rename">${t('vlRename')}</button></div></div></div>`;
}

/** The 村级撤并推荐 form (floor, households, button) and its result area. */
export function villageProposeForm(): Markup {
  return html`<div class="row" data-testid="vl-propose-form"><label>${t('vlFloor')} <input id="vl-floor" data-testid="vl-floor" type="number" min="1" step="50" value="1500" style="width:7em"></label>
    <label><input type="checkbox" id="vl-households" data-testid="vl-households"> ${t('vlByHouseholds')}</label>
    <button id="vl-propose" data-testid="vl-propose">${t('vlPropose')}</button><span id="vl-propose-msg" class="muted" data-testid="vl-propose-msg"></span></div>
    <div id="vl-proposal" data-testid="vl-proposal"></div>`;
}

/** A village proposal: the count before and after, each township's outcome, the adopt button. */
export function villageProposal(p: VillageProposal): Markup {
  const i = p.indicators;
  const unit = p.floor_basis === 'households' ? t('vlHouseholdsUnit') : t('people');
  const rows = p.townships.filter((r) => r.after < r.before || r.conflicts > 0).map((r) => html`<tr><th>${r.township}</th><td>${r.before} → ${r.after}</td>
    <td>${r.bound != null ? String(r.bound) : '—'}</td><td>${r.optimal ? html`<span class="badge-c ok">${t('provenOptimal')}</span>` : html`<span class="badge-c warn">${t('notProven')}</span>`}</td>
    <td>${r.conflicts ? String(r.conflicts) : ''}</td></tr>`);
  return html`<p data-testid="vl-proposal-summary">${t('vlCount')} ${i.before.count} → ${i.after.count} · ${t('vlMeanPop')} ${fmt(i.before.population.mean)} → ${fmt(i.after.population.mean)}
      · ${t('vlFloor')} ${fmt(p.floor)} ${unit}${p.synthetic ? html` · <span class="tag">${t('hvSyntheticTag')}</span>` : ''}</p>
    <table class="ind small"><thead><tr><th>${t('vlTownship')}</th><th>${t('vlCount')}</th><th>${t('boundIs')}</th><th></th><th>${t('vlConflicts')}</th></tr></thead><tbody>${rows}</tbody></table>
    <button class="primary" id="vl-adopt" data-testid="vl-adopt" ${p.ops.length ? '' : html`disabled`}>${t('vlAdopt')} (${p.ops.length})</button>`;
}
