// 方案推荐: asks the server's optimizer for merger schemes, lists them with their summaries,
// and hands the adopted scheme's operations to the editor.

import { api, ApiError, type ProposedScheme } from './api';
import { html, type Markup } from './html';
import { getLang, t, tf, tx } from './i18n';

const zh = () => getLang() === 'zh';
const sep = () => (zh() ? '、' : ', ');

/** The card's markup (button, spinner, list). */
export function proposeCard(): Markup {
  return html`<div class="card"><h3>${t('propose')}</h3>
    <div class="row"><button id="propose" data-testid="propose">${t('propose')}</button>
      <label><input type="checkbox" id="propose-villages" data-testid="propose-villages"> ${t('allowVillages')}</label>
      <label>${t('preferLabel')} <select id="propose-prefer" data-testid="propose-prefer">
        <option value="floor">${t('preferFloor')}</option><option value="ceiling">${t('preferCeiling')}</option></select></label>
      <label>${t('exactLimit')} <input type="number" id="propose-exact" data-testid="propose-exact" min="0" max="60" step="0.5" value="2" style="width:5em"></label>
      <span id="propose-spinner" class="spinner" data-testid="propose-spinner" hidden role="status" aria-label="${t('proposing')}"></span>
      <span id="propose-msg" class="muted"></span></div>
    <p id="propose-wishes" class="muted" data-testid="propose-wishes"></p>
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

function schemeItem(s: ProposedScheme, nameOf: (ref: string) => string): Markup {
  const m = s.summary;
  const merges = s.ops.map((o) => (o.op === 'merge' && 'into' in o ? `${o.units.map(nameOf).join(sep())} → ${nameOf(o.into)}` : '')).filter(Boolean);
  return html`<li data-testid="proposal-${s.index}">
    <div class="row"><strong>${proposalName(s)}</strong>
      <button class="adopt primary" data-i="${s.index}" data-testid="adopt-${s.index}">${t('adopt')}</button></div>
    <div class="muted">${t('count')} ${m.count_before} → ${m.count_after} · ${t('meanPop')} ${fmt(m.mean_population_before)} → ${fmt(m.mean_population_after)}
      · ${t('sevError')} ${m.errors} · ${t('sevWarning')} ${m.warnings}${s.moved_villages ? ` · ${s.moved_villages} ${t('villagesMoved')}` : ''}</div>
    ${proofLine(s)}${conflictList(s)}
    <div class="muted">${merges.join(zh() ? '；' : '; ')}</div></li>`;
}

/** The planner's wishes the optimizer honours: townships kept as they are (the editor's 锁定
 * operations) and seeds (townships that each head a different new unit). */
export interface Wishes { lock: string[]; seed_units: string[]; policy?: string }

/** The wishes as a line of the card. */
export function wishesLine(w: Wishes, nameOf: (ref: string) => string): Markup {
  const list = (refs: string[]) => (refs.length ? refs.map(nameOf).join(sep()) : t('none'));
  const colon = zh() ? '：' : ': ';
  return html`${t('wishLocked')}${colon}${list(w.lock)} · ${t('wishSeeds')}${colon}${list(w.seed_units)}`;
}

/** Binds the button: runs the optimizer with the editor's `wishes` (spinner while waiting),
 * lists the schemes, and calls `adopt` with a scheme when its 采用 button is clicked. */
export function bindPropose(county: string, nameOf: (ref: string) => string, adopt: (s: ProposedScheme) => void, wishes: () => Wishes): void {
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const button = $('propose') as HTMLButtonElement;
  $('propose-wishes').innerHTML = wishesLine(wishes(), nameOf).text;
  button.onclick = async () => {
    button.disabled = true;
    $('propose-spinner').hidden = false;
    $('propose-msg').textContent = t('proposing');
    $('propose-msg').className = 'muted';
    try {
      const villages = ($('propose-villages') as HTMLInputElement).checked;
      const prefer = ($('propose-prefer') as HTMLSelectElement).value === 'ceiling' ? 'ceiling' : 'floor';
      // The server checks the range and says what is wrong.
      const raw = ($('propose-exact') as HTMLInputElement).value.trim();
      const exact_time_limit = raw === '' ? 2 : Number(raw);
      const w = wishes();
      $('propose-wishes').innerHTML = wishesLine(w, nameOf).text;
      const { schemes } = await api.propose(county, { villages, prefer, exact_time_limit, lock: w.lock, seed_units: w.seed_units, ...(w.policy ? { policy: w.policy } : {}) });
      $('proposals').innerHTML = html`${schemes.map((s) => schemeItem(s, nameOf))}`.text;
      $('propose-msg').textContent = schemes.length ? `${schemes.length} ${t('schemesFound')}` : t('noSchemes');
      $('proposals').querySelectorAll('button.adopt').forEach((b) => b.addEventListener('click', () => {
        const s = schemes.find((x) => x.index === Number((b as HTMLElement).dataset['i']));
        if (s) adopt(s);
      }));
    } catch (e) {
      // A failed request leaves no list of an earlier request behind.
      $('proposals').innerHTML = '';
      $('propose-msg').textContent = e instanceof ApiError ? tx(e.text) : String(e);
      $('propose-msg').className = 'error';
    } finally {
      button.disabled = false;
      $('propose-spinner').hidden = true;
    }
  };
}
