// 实施交接 pages: the overview of a plan's handover and one section, with their forms wired
// (delegated submit and change handlers). Rendering lives in handover.ts and
// handover_section.ts; main.ts routes here with the page context it owns.

import { api, ApiError, type HandoverAction, type HandoverView, type ImportKind, type SectionDetail, type UserInfo } from './api';
import { html } from './html';
import { t } from './i18n';
import { handoverOverview, importResult, notGenerated } from './handover';
import { closeDialog, PAGE, sectionPage, type LedgerState } from './handover_section';

/** What a page needs from the application shell. */
export interface PageContext {
  /** Replaces the page (header included). */
  mount(html: string): void;
  /** The logged-in user. */
  user(): UserInfo | undefined;
  /** An error as the user reads it. */
  errText(e: unknown): string;
  /** Registers what to release when the page is replaced (charts, listeners). */
  setCleanup?(fn: () => void): void;
}

/** The 「只看本部门的事项」 filter per plan (default on for department accounts). */
const onlyMineState = new Map<number, boolean>();

export async function showHandover(ctx: PageContext, id: number): Promise<void> {
  window.__quhua = { view: 'handover', ready: false };
  ctx.mount(html`<main class="page handover" id="hv"><p>${t('loading')}</p></main>`.text);
  const root = document.getElementById('hv') as HTMLElement;
  const user = ctx.user();
  const onlyMine = () => onlyMineState.get(id) ?? Boolean(user?.department);
  let view: HandoverView | null = null;
  const render = () => {
    root.innerHTML = (view ? handoverOverview(view, user, onlyMine()) : notGenerated(id, user?.role === 'county_editor')).text;
  };
  try {
    view = await api.handover(id);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) {
      root.innerHTML = html`<p class="error" data-testid="hv-error">${ctx.errText(e)}</p>`.text;
      window.__quhua.ready = true;
      return;
    }
  }
  render();
  root.addEventListener('change', (ev) => {
    const el = ev.target as HTMLElement;
    if (el.id === 'only-mine') { onlyMineState.set(id, (el as HTMLInputElement).checked); render(); return; }
    // A new file or kind must be checked again before it is imported.
    const form = el.closest('form[data-action=import]');
    const commit = form?.querySelector('button[value=commit]') as HTMLButtonElement | null;
    if (commit) commit.disabled = true;
  });
  root.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const buttons = form.querySelectorAll('button');
    const fail = (e: unknown, where: HTMLElement | null) => {
      buttons.forEach((b) => { b.disabled = false; });
      if (where) where.innerHTML = html`<p class="error" data-testid="hv-action-error">${ctx.errText(e)}</p>`.text;
    };
    if (form.dataset['action'] === 'generate') {
      buttons.forEach((b) => { b.disabled = true; });
      void api.generateHandover(id).then((v) => { view = v; render(); }).catch((e) => {
        fail(e, null);
        form.insertAdjacentHTML('beforeend', html`<p class="error" data-testid="hv-action-error">${ctx.errText(e)}</p>`.text);
      });
      return;
    }
    if (form.dataset['action'] !== 'import') return;
    const out = document.getElementById('import-result') as HTMLElement;
    const f = new FormData(form);
    const file = f.get('file') as File | null;
    const commit = (ev as SubmitEvent).submitter?.getAttribute('value') === 'commit';
    if (!file || file.size === 0) { out.innerHTML = html`<p class="error">${t('hvPickFile')}</p>`.text; return; }
    const kind = String(f.get('kind') ?? 'assets') as ImportKind;
    buttons.forEach((b) => { b.disabled = true; });
    out.innerHTML = html`<p class="muted">${t('loading')}</p>`.text;
    void api.handoverImport(id, kind, file, commit).then(async (o) => {
      if (o.stored) {
        view = await api.handover(id);
        render();
      } else {
        buttons.forEach((b) => { b.disabled = false; });
      }
      (document.getElementById('import-result') as HTMLElement).innerHTML = importResult(o).text;
    }).catch((e) => {
      fail(e, out);
      const c = form.querySelector('button[value=commit]') as HTMLButtonElement | null;
      if (c && !commit) c.disabled = true;
    });
  });
  window.__quhua.ready = true;
}

export async function showHandoverSection(ctx: PageContext, id: number, section: string): Promise<void> {
  window.__quhua = { view: 'handover-section', ready: false };
  ctx.mount(html`<main class="page handover" id="hv"><p>${t('loading')}</p></main>`.text);
  const root = document.getElementById('hv') as HTMLElement;
  const st: LedgerState = { assetOffset: 0, debtOffset: 0, onlyUndecided: false };
  let view: HandoverView;
  let detail: SectionDetail;
  const load = async () => {
    const q = { limit: PAGE, unassigned: st.onlyUndecided };
    const [v, d] = await Promise.all([api.handover(id), api.handoverSection(id, section, { ...q, offset: st.assetOffset })]);
    if (d.debts && st.debtOffset !== st.assetOffset) d.debts = (await api.handoverSection(id, section, { ...q, offset: st.debtOffset })).debts;
    view = v;
    detail = d;
  };
  const render = () => { root.innerHTML = sectionPage(view, detail, st, ctx.user()).text; };
  const msg = (text: string, ok: boolean) => {
    const m = document.getElementById('act-msg');
    if (m) { m.textContent = text; m.className = `status ${ok ? 'ok' : 'error'}`; }
  };
  try {
    await load();
    render();
  } catch (e) {
    root.innerHTML = html`<p class="error" data-testid="hv-error">${ctx.errText(e)}</p><p><a href="#/plans/${id}/handover">${t('hvBackOverview')}</a></p>`.text;
    window.__quhua.ready = true;
    return;
  }

  /** What was typed into the other forms (changed from their defaults), to put back after a re-render. */
  const formKey = (f: HTMLFormElement) => Object.entries(f.dataset).filter(([k]) => k !== 'outcome' && k !== 'as').map(([k, x]) => `${k}=${x}`).join('&');
  const keepTyped = (except: HTMLFormElement | null) => {
    const typed: [string, string, string | boolean][] = [];
    root.querySelectorAll('form').forEach((f) => {
      if (f === except) return;
      f.querySelectorAll('input, select').forEach((e) => {
        const el = e as HTMLInputElement | HTMLSelectElement;
        if (el instanceof HTMLInputElement && el.type === 'checkbox') { if (el.checked !== el.defaultChecked) typed.push([formKey(f), el.name, el.checked]); }
        else if (el instanceof HTMLSelectElement) { if (!el.options[el.selectedIndex]?.defaultSelected && el.selectedIndex > 0) typed.push([formKey(f), el.name, el.value]); }
        else if (el.type !== 'file' && el.value !== el.defaultValue) typed.push([formKey(f), el.name, el.value]);
      });
    });
    return () => {
      const forms = new Map([...root.querySelectorAll('form')].map((f) => [formKey(f), f] as const));
      for (const [k, name, value] of typed) {
        const f = forms.get(k);
        const el = f?.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
        if (!f || !el) continue;
        if (typeof value === 'boolean') (el as HTMLInputElement).checked = value; else el.value = value;
        if (name === 'outcome' || name === 'as') f.dataset[name] = String(value);
      }
    };
  };

  /** One action; on success re-fetch and re-render, on refusal keep the form as typed and say why. */
  const act = async (action: HandoverAction, form: HTMLFormElement | null) => {
    const buttons = form ? [...form.querySelectorAll('button')] : [];
    buttons.forEach((b) => { b.disabled = true; });
    window.__quhua.ready = false;
    try {
      await api.handoverAction(id, action);
      await load();
      const restore = keepTyped(form);
      render();
      restore();
      msg(t('hvActed'), true);
    } catch (e) {
      buttons.forEach((b) => { b.disabled = false; });
      msg(ctx.errText(e), false);
      if (form) {
        form.querySelector('.form-error')?.remove();
        form.insertAdjacentHTML('beforeend', html`<span class="form-error error" data-testid="form-error">${ctx.errText(e)}</span>`.text);
      }
    }
    window.__quhua.ready = true;
  };
  const reload = async () => {
    window.__quhua.ready = false;
    try { await load(); render(); } catch (e) { msg(ctx.errText(e), false); }
    window.__quhua.ready = true;
  };

  root.addEventListener('click', (ev) => {
    const el = (ev.target as HTMLElement).closest('button');
    if (!el) return;
    const page = el.dataset['page'];
    if (page) {
      const off = Number(el.dataset['offset'] ?? 0);
      if (page === 'assets') st.assetOffset = off; else st.debtOffset = off;
      void reload();
    } else if (el.id === 'close-section') {
      (document.getElementById('dialog') as HTMLElement).innerHTML = closeDialog().text;
    } else if (el.id === 'cancel-close') {
      (document.getElementById('dialog') as HTMLElement).innerHTML = '';
    } else if (el.id === 'confirm-close') {
      (document.getElementById('dialog') as HTMLElement).innerHTML = '';
      void act({ op: 'close', section }, null);
    }
  });
  root.addEventListener('change', (ev) => {
    const el = ev.target as HTMLInputElement;
    if (el.id === 'only-undecided') {
      st.onlyUndecided = el.checked;
      st.assetOffset = 0;
      st.debtOffset = 0;
      void reload();
    } else if (el.name === 'outcome' && el.form) {
      el.form.dataset['outcome'] = el.value;
    } else if (el.name === 'as' && el.form) {
      el.form.dataset['as'] = el.value;
    }
  });
  root.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const f = new FormData(form);
    const str = (k: string) => String(f.get(k) ?? '').trim();
    const opt = (k: string) => str(k) || null;
    const ds = form.dataset;
    const need = (k: string): boolean => {
      if (str(k)) return true;
      (form.querySelector(`[name=${k}]`) as HTMLElement | null)?.focus();
      return false;
    };
    let action: HandoverAction;
    switch (ds['action']) {
      case 'check': action = { op: 'check', section, item: ds['item'] ?? '', unit: ds['unit'] ?? '', note: opt('note') }; break;
      case 'assign': {
        const as = str('as');
        const to = detail.section.to.code;
        let disposition: Extract<HandoverAction, { op: 'assign' }>['disposition'];
        if (as === 'transferred') disposition = { as, to };
        else if (as === 'disposed') disposition = { as, route: str('route'), note: opt('text') };
        else if (as === 'written_off') { if (!need('text')) return; disposition = { as, approval: str('text') }; }
        else disposition = { as: 'unassigned' };
        action = { op: 'assign', ledger: ds['ledger'] === 'debts' ? 'debts' : 'assets', ids: [ds['id'] ?? ''], disposition };
        break;
      }
      case 'transfer_rest': action = { op: 'transfer_rest', section }; break;
      case 'place': action = { op: 'place', cadre: ds['cadre'] ?? '', placement: { route: str('route'), destination: opt('destination'), post: opt('post'), leader: f.get('leader') !== null, date: str('date') } }; break;
      case 'talk': if (!need('by')) return; action = { op: 'talk', talk: { cadre: ds['cadre'] ?? '', date: str('date'), by: str('by'), note: opt('note') } }; break;
      case 'posts': action = { op: 'posts', unit: ds['unit'] ?? '', posts: Number(str('posts')) }; break;
      case 'compute_quotas': action = { op: 'compute_quotas' }; break;
      case 'rule': {
        const a = str('action') as 'kept' | 'revised' | 'repealed' | 'new';
        action = { op: 'rule', review: { unit: str('unit'), title: str('title'), action: a, reason: str('reason'), date: str('date') } };
        break;
      }
      case 'outcome': {
        const o = str('outcome');
        let outcome: Extract<HandoverAction, { op: 'outcome' }>['outcome'];
        if (o === 'renamed') { if (!need('name')) return; outcome = { outcome: o, name: str('name') }; }
        else if (o === 'upgraded') { if (!need('name') || !need('note')) return; outcome = { outcome: o, name: str('name'), note: str('note') }; }
        else if (o === 'merged_into') { if (!need('point') || !need('distance_km')) return; outcome = { outcome: o, point: str('point'), distance_km: Number(str('distance_km')) }; }
        else if (o === 'closed') { if (!need('reason')) return; outcome = { outcome: o, reason: str('reason'), approval: opt('approval') }; }
        else outcome = { outcome: 'kept' };
        action = { op: 'outcome', point: ds['point'] ?? '', outcome };
        break;
      }
      case 'add_point': {
        const village = opt('village');
        action = { op: 'add_point', point: { id: str('id'), kind: str('kind') as Extract<HandoverAction, { op: 'add_point' }>['point']['kind'],
          name: str('name'), township: ds['township'] ?? '', village, location: null, at_seat: f.get('at_seat') !== null } };
        break;
      }
      case 'absorb':
        action = { op: 'absorb', absorption: { unit: ds['unit'] ?? '', count: Number(str('count')), date: str('date'), note: str('note') } };
        break;
      default: return;
    }
    void act(action, form);
  });
  window.__quhua.ready = true;
}

