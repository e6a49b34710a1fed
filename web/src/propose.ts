// 方案推荐: asks the server's optimizer for merger schemes, lists them with their summaries,
// and hands the adopted scheme's operations to the editor.

import { api, ApiError, type PolicyChoices, type ProposedScheme } from './api';
import { html, type Markup } from './html';
import { getLang, t, tf, tx } from './i18n';
import { addGroup, DEFAULT_SCHEMES, DEFAULT_WEIGHTS, groupsList, honouredLine, limitsNote, MAX_SCHEMES, policyLimits, proposeRequest, type Limits, type ProposeForm, type Wishes, wishesLine } from './propose_view';

export { type Wishes, wishesLine } from './propose_view';

const zh = () => getLang() === 'zh';
const sep = () => (zh() ? '、' : ', ');

/** The card's markup: the button, the number of schemes and village transfers; under 更多条件
 * the floor and cap, the conflict preference, the exact check, the objective weights and the
 * groups; then the wishes, what the answer honoured and the list. */
export function proposeCard(): Markup {
  const weight = (id: string, label: string, help: string, value: number) => html`<label class="weight" title="${help}">${label}
    <input type="number" id="propose-w-${id}" data-testid="propose-w-${id}" min="0" max="1000" step="0.1" value="${value}" style="width:4.5em"></label>
    <span class="muted small">${help}</span>`;
  return html`<div class="card"><h3>${t('propose')}</h3>
    <div class="row"><button id="propose" data-testid="propose">${t('propose')}</button>
      <label>${t('proposeCount')} <input type="number" id="propose-schemes" data-testid="propose-schemes" min="1" max="${MAX_SCHEMES}" step="1" value="${DEFAULT_SCHEMES}" style="width:3.5em"></label>
      <label><input type="checkbox" id="propose-villages" data-testid="propose-villages"> ${t('allowVillages')}</label>
      <span id="propose-spinner" class="spinner" data-testid="propose-spinner" hidden role="status" aria-label="${t('proposing')}"></span>
      <span id="propose-msg" class="muted"></span></div>
    <details id="propose-more" class="propose-more" data-testid="propose-more"><summary>${t('moreConditions')}</summary>
      <div class="row"><label>${t('floorLabel')} <input type="number" id="propose-min-pop" data-testid="propose-min-pop" min="1" step="1000" placeholder="${t('limitNone')}" style="width:7em"></label>
        <label>${t('capLabel')} <input type="number" id="propose-max-area" data-testid="propose-max-area" min="1" step="10" placeholder="${t('limitNone')}" style="width:6em"></label>
        <button id="propose-reset-limits" data-testid="propose-reset-limits">${t('resetLimits')}</button></div>
      <p class="muted small" id="propose-limits-note" data-testid="propose-limits-note"></p>
      <div class="row"><label>${t('preferLabel')} <select id="propose-prefer" data-testid="propose-prefer">
        <option value="floor">${t('preferFloor')}</option><option value="ceiling">${t('preferCeiling')}</option></select></label>
        <label>${t('exactLimit')} <input type="number" id="propose-exact" data-testid="propose-exact" min="0" max="60" step="0.5" value="2" style="width:5em"></label></div>
      <div class="weights"><strong>${t('weightsLabel')}</strong>
        ${weight('wss', t('weightWss'), t('weightWssHelp'), DEFAULT_WEIGHTS.wss)}
        ${weight('compactness', t('weightCompact'), t('weightCompactHelp'), DEFAULT_WEIGHTS.compactness)}
        ${weight('service', t('weightService'), t('weightServiceHelp'), DEFAULT_WEIGHTS.service)}</div>
      <div class="row"><strong>${t('groupsLabel')}</strong>
        <button id="group-together" data-testid="group-together">${t('groupTogether')}</button>
        <button id="group-apart" data-testid="group-apart">${t('groupApart')}</button>
        <span class="muted small" id="group-msg" data-testid="group-msg">${t('groupHelp')}</span></div>
      <div id="propose-groups" data-testid="propose-groups"></div>
    </details>
    <p id="propose-wishes" class="muted" data-testid="propose-wishes"></p>
    <p id="propose-honoured" class="muted" data-testid="propose-honoured" hidden></p>
    <ul id="propose-reasons" class="error small" data-testid="propose-reasons" hidden></ul>
    <ol id="proposals" class="proposals" data-testid="proposals"></ol></div>`;
}

const fmt = (v: number) => Math.round(v).toLocaleString('zh-CN');

/** p, its bound and whether it is proven optimal. */
function proofLine(s: ProposedScheme): Markup {
  const status = s.optimal
    ? html`<span class="badge-c ok" data-testid="optimal-${s.index}">${t('provenOptimal')}</span>`
    : html`<span class="badge-c warn" data-testid="optimal-${s.index}">${t('notProven')}</span>`;
  const bound = s.bound == null ? t('noBound') : `${t('boundIs')} ${s.bound}`;
  return html`<div class="muted" data-testid="bound-${s.index}">p = ${s.p} · ${bound} · ${status}</div>`;
}

/** The new units breaking the rule that gives way, each with the townships that prove it unavoidable. */
function conflictList(s: ProposedScheme): Markup | '' {
  if (!s.conflicts.length) return '';
  const unit = (broken: string) => (broken === 'ceiling' ? 'km²' : t('people'));
  const colon = zh() ? '：' : ': ';
  const items = s.conflicts.map((c) => {
    const why = c.proven.length
      ? c.proven.map((p) => `${p.name}${colon}${tx(p.text)}`).join(zh() ? '；' : '; ')
      : html`<span class="error">${t('unexplained')}</span>`;
    return html`<li>${c.townships.join(sep())} — ${c.broken === 'ceiling' ? t('conflictCeiling') : t('conflictFloor')}
      ${fmt(c.excess)} ${unit(c.broken)} · ${t('provenBy')}${colon}${why}</li>`;
  });
  const unitOf = unit(s.conflicts[0]?.broken ?? 'ceiling');
  return html`<div class="muted" data-testid="conflicts-${s.index}">${t('totalExcess')} ${fmt(s.excess)} ${unitOf}<ul>${items}</ul></div>`;
}

/** A proposal's name in the current language (the server's name is the Chinese one). */
export function proposalName(s: ProposedScheme): string {
  return tf('proposalName', { n: s.index + 1, seed: s.restart });
}

/** Whether the scheme keeps the groups (no together group split, no apart group joined). */
function groupsBadge(s: ProposedScheme, groups: boolean): Markup | '' {
  if (!groups) return '';
  const broken = s.violations.some((v) => v.kind === 'together_split' || v.kind === 'apart_joined');
  return broken
    ? html` <span class="badge-c warn" data-testid="groups-${s.index}">${t('groupsBroken')}</span>`
    : html` <span class="badge-c ok" data-testid="groups-${s.index}">${t('groupsKept')}</span>`;
}

function schemeItem(s: ProposedScheme, nameOf: (ref: string) => string, groups: boolean): Markup {
  const m = s.summary;
  const merges = s.ops.map((o) => (o.op === 'merge' && 'into' in o ? `${o.units.map(nameOf).join(sep())} → ${nameOf(o.into)}` : '')).filter(Boolean);
  return html`<li data-testid="proposal-${s.index}">
    <div class="row"><strong>${proposalName(s)}</strong>${groupsBadge(s, groups)}
      <button class="adopt primary" data-i="${s.index}" data-testid="adopt-${s.index}">${t('adopt')}</button></div>
    <div class="muted">${t('count')} ${m.count_before} → ${m.count_after} · ${t('meanPop')} ${fmt(m.mean_population_before)} → ${fmt(m.mean_population_after)}
      · ${t('sevError')} ${m.errors} · ${t('sevWarning')} ${m.warnings}${s.moved_villages ? ` · ${s.moved_villages} ${t('villagesMoved')}` : ''}</div>
    ${proofLine(s)}${conflictList(s)}
    <div class="muted">${merges.join(zh() ? '；' : '; ')}</div></li>`;
}

/** What the card needs from the editor. */
export interface ProposeHost {
  /** The wishes (its `together` and `apart` arrays are the editor's: groups are added to and
   * removed from them in place). */
  wishes: () => Wishes;
  /** The base townships (codes) selected in the editor. */
  selection: () => string[];
  /** The county's policy choices (their floor and cap pre-fill the card). */
  policies: () => PolicyChoices;
}

/** The card's controls after binding: `refresh` re-reads the editor (selection, locks, seeds,
 * the policy in force) after it changed. */
export interface ProposeControls { refresh: () => void }

/** Binds the card: runs the optimizer with the editor's wishes and the card's conditions
 * (spinner while waiting), lists the schemes with what was honoured, and calls `adopt` with a
 * scheme when its 采用 button is clicked. */
export function bindPropose(county: string, nameOf: (ref: string) => string, adopt: (s: ProposedScheme) => void, host: ProposeHost): ProposeControls {
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const input = (id: string) => $(id) as HTMLInputElement;
  const button = $('propose') as HTMLButtonElement;
  let limits: Limits = policyLimits(host.policies(), host.wishes().policy ?? host.policies().default);
  const fillLimits = () => {
    input('propose-min-pop').value = limits.floor == null ? '' : String(limits.floor);
    input('propose-max-area').value = limits.cap == null ? '' : String(limits.cap);
    $('propose-limits-note').textContent = limitsNote(limits);
  };
  fillLimits();
  $('propose-reset-limits').onclick = fillLimits;
  const renderWishes = () => {
    const w = host.wishes();
    $('propose-wishes').innerHTML = wishesLine(w, nameOf).text;
    $('propose-groups').innerHTML = groupsList(w, nameOf).text;
    $('propose-groups').querySelectorAll('button.remove-group').forEach((b) => b.addEventListener('click', () => {
      const el = b as HTMLElement;
      const list = el.dataset['kind'] === 'apart' ? host.wishes().apart : host.wishes().together;
      list.splice(Number(el.dataset['i']), 1);
      renderWishes();
    }));
  };
  const refresh = () => {
    const policy = host.wishes().policy ?? host.policies().default;
    if (policy !== limits.policy) {
      limits = policyLimits(host.policies(), policy);
      fillLimits();
    }
    const n = host.selection().length;
    for (const id of ['group-together', 'group-apart']) {
      const b = $(id) as HTMLButtonElement;
      b.disabled = n < 2;
      b.title = n < 2 ? t('whyGroup') : '';
    }
    renderWishes();
  };
  const group = (kind: 'together' | 'apart') => () => {
    const w = host.wishes();
    const list = kind === 'together' ? w.together : w.apart;
    const r = addGroup(list, host.selection());
    if (r.added) list.splice(0, list.length, ...r.groups);
    $('group-msg').textContent = r.added ? t('groupHelp') : t('groupExists');
    renderWishes();
  };
  $('group-together').onclick = group('together');
  $('group-apart').onclick = group('apart');
  refresh();
  const form = (): ProposeForm => ({
    schemes: input('propose-schemes').value,
    minPop: input('propose-min-pop').value,
    maxArea: input('propose-max-area').value,
    wss: input('propose-w-wss').value,
    compactness: input('propose-w-compactness').value,
    service: input('propose-w-service').value,
    villages: input('propose-villages').checked,
    prefer: ($('propose-prefer') as HTMLSelectElement).value === 'ceiling' ? 'ceiling' : 'floor',
    exact: input('propose-exact').value,
  });
  button.onclick = async () => {
    button.disabled = true;
    $('propose-spinner').hidden = false;
    $('propose-msg').textContent = t('proposing');
    $('propose-msg').className = 'muted';
    try {
      const w = host.wishes();
      renderWishes();
      // The server checks every range and says what is wrong.
      const p = await api.propose(county, proposeRequest(form(), w, limits));
      const { schemes } = p;
      const groups = p.wishes.together.length + p.wishes.apart.length > 0;
      $('proposals').innerHTML = html`${schemes.map((s) => schemeItem(s, nameOf, groups))}`.text;
      $('propose-honoured').innerHTML = honouredLine(p.wishes, p.service_points, schemes.length).text;
      $('propose-honoured').hidden = false;
      $('propose-reasons').innerHTML = html`${p.reasons.map((r) => html`<li>${tx(r)}</li>`)}`.text;
      $('propose-reasons').hidden = p.reasons.length === 0;
      $('propose-msg').textContent = schemes.length ? `${schemes.length} ${t(schemes.length === 1 ? 'oneSchemeFound' : 'schemesFound')}` : t('noSchemes');
      $('proposals').querySelectorAll('button.adopt').forEach((b) => b.addEventListener('click', () => {
        const s = schemes.find((x) => x.index === Number((b as HTMLElement).dataset['i']));
        if (s) adopt(s);
      }));
    } catch (e) {
      // A failed request leaves no list of an earlier request behind.
      $('proposals').innerHTML = '';
      $('propose-honoured').hidden = true;
      $('propose-reasons').hidden = true;
      $('propose-msg').textContent = e instanceof ApiError ? tx(e.text) : String(e);
      $('propose-msg').className = 'error';
    } finally {
      button.disabled = false;
      $('propose-spinner').hidden = true;
    }
  };
  return { refresh };
}
