// 风险清单 (#/risks?date=&id=) and 群众诉求 (#/feedback?scope=): loading, the action forms and
// the hotline import (check, then import the same file). Rendering lives in registers_view.ts;
// main.ts routes here with the page context it owns. There is no delete or hide anywhere.

import { api, type FeedbackAction, type FeedbackImport, type FeedbackView, type NewFeedback, type NewRisk, type RiskAction, type RisksView } from './api';
import { html } from './html';
import { t, tf } from './i18n';
import type { PageContext } from './handover_page';
import {
  feedbackList, feedbackStats, importForm, importResult, newFeedbackForm, newRiskForm, riskDetail, riskSummary, riskTable, syntheticTag,
} from './registers_view';

const list = (s: string): string[] => s.split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean);

/** The message line of a register page (`reg-msg`). */
function message(text: string, ok: boolean): void {
  const el = document.getElementById('reg-msg');
  if (!el) return;
  el.textContent = text;
  el.className = `status ${text ? (ok ? 'ok' : 'error') : ''}`;
}

/**
 * Wires the register forms of `root`: `build` turns a form into the call to make (or a refusal
 * message); on success `done` re-renders. While a call runs the page is not ready.
 */
function wireForms(ctx: PageContext, root: HTMLElement, build: (action: string, id: string, f: FormData) => (() => Promise<unknown>) | string | null,
  done: (heading: string) => Promise<void>): void {
  root.addEventListener('submit', (ev) => {
    const form = ev.target as HTMLFormElement;
    if (!form.classList.contains('reg-form')) return;
    ev.preventDefault();
    const call = build(form.dataset['action'] ?? '', form.dataset['id'] ?? '', new FormData(form));
    if (call === null) return;
    if (typeof call === 'string') { message(call, false); return; }
    const heading = form.querySelector('h4')?.textContent ?? form.closest('details')?.querySelector('h3')?.textContent ?? '';
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    window.__quhua.ready = false;
    message(t('tkSending'), true);
    void call().then(() => done(heading)).catch((e) => {
      buttons.forEach((b) => { b.disabled = false; });
      message(ctx.errText(e), false);
      window.__quhua.ready = true;
    });
  });
}

// ---------------------------------------------------------------- 风险清单

/** #/risks?date=&id= */
export async function showRisks(ctx: PageContext, query: URLSearchParams): Promise<void> {
  window.__quhua = { view: 'risks', ready: false };
  const date = query.get('date') ?? '';
  let selected = query.get('id') ?? '';
  ctx.mount(html`<main class="page tasks-page reg-page" id="reg"><p>${t('loading')}</p></main>`.text);
  const root = document.getElementById('reg') as HTMLElement;
  const office = ctx.user()?.can_edit ?? false;
  let v: RisksView;
  const load = async () => { v = await api.risks({ date: date || undefined }); };
  try {
    await load();
  } catch (e) {
    root.innerHTML = html`<p class="error" data-testid="reg-msg">${ctx.errText(e)}</p>`.text;
    window.__quhua.ready = true;
    return;
  }
  const render = (msg = '', ok = true) => {
    root.innerHTML = html`<h2>${t('rkTitle')} <span class="muted">${v.scope} · ${t('tkAsOf')} <span data-testid="rk-asof">${v.date}</span></span> ${syntheticTag(v.synthetic, 'rkSyntheticNote')}</h2>
      ${v.synthetic ? html`<p class="muted">${t('rkSyntheticNote')}</p>` : ''}
      <form class="tk-filters" data-testid="rk-filters"><label>${t('tkAsOf')} <input type="date" name="date" value="${date || v.date}" data-testid="rk-date"></label>
        <button type="submit" class="primary" data-testid="rk-apply">${t('tkShow')}</button></form>
      <p id="reg-msg" class="status" data-testid="reg-msg" role="status"></p>
      <section class="card"><h3>${t('rkList')} <span class="muted">${v.risks.length}</span></h3>${riskTable(v, selected)}</section>
      <section class="card" id="rk-detail-card">${riskDetail(v.risks.find((r) => r.id === selected), office)}</section>
      <section class="card"><h3>${t('rkTable')}</h3>${riskSummary(v)}</section>
      ${office ? newRiskForm() : ''}`.text;
    message(msg, ok);
    window.__quhua.ready = true;
  };
  render();

  const hashFor = (id: string) => {
    const p = new URLSearchParams();
    if (date) p.set('date', date);
    if (id) p.set('id', id);
    const s = p.toString();
    return `#/risks${s ? `?${s}` : ''}`;
  };
  root.addEventListener('click', (ev) => {
    const target = ev.target as HTMLElement;
    const tr = target.closest('tr.rk-row') as HTMLElement | null;
    if (!tr?.dataset['id']) return;
    ev.preventDefault();
    selected = tr.dataset['id'];
    history.replaceState(null, '', hashFor(selected));
    render();
    document.getElementById('rk-detail-card')?.scrollIntoView({ block: 'nearest' });
  });
  root.addEventListener('submit', (ev) => {
    const form = ev.target as HTMLFormElement;
    if (!form.classList.contains('tk-filters')) return;
    ev.preventDefault();
    const d = String(new FormData(form).get('date') ?? '');
    location.hash = d && !(d === v.date && !date) ? `#/risks?date=${d}` : '#/risks';
  });

  wireForms(ctx, root, (action, id, f) => {
    const s = (k: string) => String(f.get(k) ?? '').trim();
    let a: RiskAction;
    switch (action) {
      case 'update': case 'resolved':
        if (!s('text')) return t('rkNeedText');
        a = { action, text: s('text') }; break;
      case 'close': a = { action: 'close', note: s('note') }; break;
      case 'return':
        if (!s('reason')) return t('rkNeedReason');
        a = { action: 'return', reason: s('reason') }; break;
      case 'measure': a = { action: 'measure', text: s('text'), owner: s('owner'), due: s('due') }; break;
      case 'relevel':
        if (!s('reason')) return t('rkNeedReason');
        a = { action: 'relevel', level: s('level'), reason: s('reason') }; break;
      case 'new-risk': {
        const r: NewRisk = {
          title: s('title'), description: s('description'), category: s('category'), level: s('level'), owner: s('owner'), deadline: s('deadline'),
          units: list(s('units')), divisions: list(s('divisions')), tasks: list(s('tasks')),
        };
        return () => api.newRisk(r).then((row) => { selected = row.id; });
      }
      default: return null;
    }
    return () => api.riskAction(id, a);
  }, async (heading) => {
    await load();
    history.replaceState(null, '', hashFor(selected));
    render(tf('rkDoneMsg', { a: heading }), true);
  });
}

// ---------------------------------------------------------------- 群众诉求

/** #/feedback?scope= */
export async function showFeedback(ctx: PageContext, query: URLSearchParams): Promise<void> {
  window.__quhua = { view: 'feedback', ready: false };
  const scope = query.get('scope') ?? '';
  ctx.mount(html`<main class="page tasks-page reg-page" id="reg"><p>${t('loading')}</p></main>`.text);
  const root = document.getElementById('reg') as HTMLElement;
  let v: FeedbackView;
  const load = async () => { v = await api.feedback(scope || undefined); };
  try {
    await load();
  } catch (e) {
    root.innerHTML = html`<p class="error" data-testid="reg-msg">${ctx.errText(e)}</p>`.text;
    window.__quhua.ready = true;
    return;
  }
  const openItems = new Set<string>();
  const render = (msg = '', ok = true) => {
    root.innerHTML = html`<h2>${t('fbTitle')} <span class="muted">${v.scope} · ${v.at}</span> ${syntheticTag(v.synthetic, 'fbSyntheticNote')}</h2>
      ${v.synthetic ? html`<p class="muted">${t('fbSyntheticNote')}</p>` : ''}
      <p id="reg-msg" class="status" data-testid="reg-msg" role="status"></p>
      <section class="card" data-testid="fb-stats"><h3>${t('fbStats')}</h3>${feedbackStats(v.stats)}</section>
      ${v.can_manage ? html`<div class="tk-two">${importForm()}${newFeedbackForm(v.scope)}</div>` : ''}
      <section class="card"><h3>${t('fbList')} <span class="muted">${v.items.length}</span></h3>
        <p class="muted">${t('fbListNote')} ${t('fbNoDelete')}</p>${feedbackList(v, openItems)}</section>`.text;
    message(msg, ok);
    if (v.can_manage) wireImport();
    window.__quhua.ready = true;
  };

  // Which items are expanded survives re-rendering.
  root.addEventListener('toggle', (ev) => {
    const d = ev.target as HTMLElement;
    if (!(d instanceof HTMLDetailsElement) || !d.dataset['id']) return;
    if (d.open) openItems.add(d.dataset['id']); else openItems.delete(d.dataset['id']);
  }, true);

  /** The hotline import: 检查 (commit=false), then 导入 (commit=true) of the very file checked. */
  function wireImport(): void {
    const input = root.querySelector('[data-testid=import-file]') as HTMLInputElement;
    const check = root.querySelector('[data-testid=import-check]') as HTMLButtonElement;
    const commit = root.querySelector('[data-testid=import-commit]') as HTMLButtonElement;
    const out = root.querySelector('#import-result') as HTMLElement;
    let checked: File | null = null;
    const same = (a: File | null, b: File | undefined) => !!a && !!b && a === b;
    const showError = (e: unknown) => { out.innerHTML = html`<p class="status error" data-testid="import-error">${ctx.errText(e)}</p>`.text; };
    input.addEventListener('change', () => { checked = null; commit.disabled = true; out.innerHTML = ''; });
    const run = (doCommit: boolean) => {
      const file = input.files?.[0];
      if (!file) { out.innerHTML = html`<p class="status error" data-testid="import-error">${t('fbNeedFile')}</p>`.text; return; }
      if (doCommit && !same(checked, file)) { commit.disabled = true; return; }
      check.disabled = true; commit.disabled = true;
      window.__quhua.ready = false;
      out.innerHTML = html`<p class="status">${t('tkSending')}</p>`.text;
      void api.importFeedback(file, doCommit).then(async (r: FeedbackImport) => {
        if (doCommit) {
          await load();
          render(tf('fbImported', { f: r.file, n: r.new_items, a: r.already }), true);
          const res = root.querySelector('#import-result');
          if (res) res.innerHTML = importResult(r).text;
          return;
        }
        checked = file;
        out.innerHTML = importResult(r).text;
        check.disabled = false;
        commit.disabled = false;
        window.__quhua.ready = true;
      }).catch((e) => {
        checked = null;
        showError(e);
        check.disabled = false;
        window.__quhua.ready = true;
      });
    };
    check.addEventListener('click', () => run(false));
    commit.addEventListener('click', () => run(true));
  }

  render();

  wireForms(ctx, root, (action, id, f) => {
    const s = (k: string) => String(f.get(k) ?? '').trim();
    let a: FeedbackAction;
    switch (action) {
      case 'reply':
        if (!s('text')) return t('rkNeedText');
        a = { action: 'reply', text: s('text') }; break;
      case 'assign': a = { action: 'assign', department: s('department'), deadline: s('deadline') }; break;
      case 'follow_up': a = { action: 'follow_up', satisfaction: s('satisfaction'), note: s('note') }; break;
      case 'correct':
        if (!s('reason')) return t('rkNeedReason');
        a = { action: 'correct', reason: s('reason'), topic: s('topic') || null, division: s('division') || null, unit: s('unit') || null }; break;
      case 'new-feedback': {
        const n: NewFeedback = {
          channel: s('channel'), received: s('received'), reference: s('reference'), topic: s('topic'), content: s('content'),
          division: s('division') || null, unit: s('unit') || null, scope: scope || null,
        };
        return () => api.newFeedback(n).then((row) => { openItems.add(row.id); });
      }
      default: return null;
    }
    openItems.add(id);
    return () => api.feedbackAction(id, a);
  }, async (heading) => {
    await load();
    render(tf('rkDoneMsg', { a: heading }), true);
  });
}
