// 看板工具 on the task board (#/tasks): a row of buttons opening 变化对比 (what changed since a
// baseline date), 督办运行 (the escalation run, after a confirmation), 导入任务计划 (check a
// plan file, then import the very file checked with the same options; the XLSX template) and
// 督办汇总 (the summary by county and lead unit, opened by itself on a board of more than
// BIG_BOARD tasks). Rendering lives in tasks_tools_view.ts; the board itself in tasks_page.ts,
// which hands over a way to refresh it.

import { api, ApiError, type BoardView, type Escalated, type ImportProblem, type OverviewView } from './api';
import { getLang, t, tf } from './i18n';
import { html } from './html';
import type { PageContext } from './handover_page';
import { title } from './tasks_view';
import {
  changesBody, changesTable, escalateBody, escalateConfirm, escalateResult, importBody, importProblems, importSummary, nextSort, overviewView, summaryBody,
  toolBar, toolSection, TOOLS, type Sort, type SortKey, type SummaryLinks, type SummaryTable, type Tool,
} from './tasks_tools_view';

/** A board of more tasks than this opens 督办汇总 by itself (its list still follows). */
export const BIG_BOARD = 2000;

export interface ToolsHost {
  ctx: PageContext;
  /** The board as last loaded. */
  board(): BoardView;
  /** The board's date in links (empty: today). */
  linkDate: string;
  /** Loads the board again and redraws it (the tools stay as they are). */
  refresh(): Promise<void>;
  /** The board's link with another scope or light (the date kept, the other filters dropped). */
  boardHref(q: { scope?: string; light?: string }): string;
}

/** What survives a redraw of the page (a language switch, coming back from a task). */
const state: {
  open: Tool | '';
  since: { date: string; value: string };
  escalation: { scope: string; at: string; result: Escalated[] } | null;
  /** The last summary loaded (a board of the same scope and date shows it without asking again). */
  summary: OverviewView | null;
  sorts: Record<SummaryTable, Sort>;
  /** The scopes whose summary, opened by itself, the user closed: not opened by itself again. */
  dismissed: Set<string>;
} = {
  open: '', since: { date: '', value: '' }, escalation: null, summary: null,
  sorts: { county: { by: 'name', desc: false }, unit: { by: '', desc: false } }, dismissed: new Set(),
};

/** Keeps a summary loaded by the page (before its board) for the panel. */
export function keepSummary(ov: OverviewView | null): void { if (ov) state.summary = ov; }

/** Whether a board of `total` tasks in `scope` opens the summary by itself. */
export const autoSummary = (scope: string, total: number): boolean => total > BIG_BOARD && !state.dismissed.has(scope);

/** The summary panel alone, open, while a big board is still loading (mountTools replaces it). */
export function previewSummary(box: HTMLElement, ov: OverviewView, links: SummaryLinks): void {
  state.summary = ov;
  state.open = 'summary';
  box.innerHTML = html`${toolBar('summary')}${toolSection('summary', true, summaryBody())}`.text;
  const out = box.querySelector('#summary-out') as HTMLElement;
  out.innerHTML = overviewView(ov, state.sorts, links, BIG_BOARD).text;
  box.querySelectorAll('button').forEach((el) => { el.disabled = true; });
}

/** `d` minus `n` days (YYYY-MM-DD, UTC). */
export const daysBefore = (d: string, n: number): string => {
  const ms = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(ms) ? new Date(ms - n * 86_400_000).toISOString().slice(0, 10) : '';
};

// The page is ready (window.__quhua.ready, for the tests) when nothing it started is pending:
// the board's load and every tool request. A new page forgets the old page's requests.
let generation = 0;
let pending = 0;

/** Marks the page as loading until the returned function is called. */
export function hold(): () => void {
  const g = generation;
  let released = false;
  pending++;
  window.__quhua.ready = false;
  return () => {
    if (released || g !== generation) return;
    released = true;
    pending--;
    if (pending === 0) window.__quhua.ready = true;
  };
}

/** Forgets what an earlier page left pending. */
export function resetHolds(): void { generation++; pending = 0; }

/** The problems listed by a rejected import (`errors`, or `detail.errors`), if any. */
function problemsOf(e: unknown): ImportProblem[] {
  if (!(e instanceof ApiError) || e.status !== 400) return [];
  const body = e.body;
  const detail = body['detail'] as Record<string, unknown> | undefined;
  const list = (body['errors'] ?? detail?.['errors']) as unknown;
  if (!Array.isArray(list)) return [];
  return list.filter((p): p is ImportProblem => typeof p === 'object' && p !== null && 'zh' in p && 'en' in p);
}

export function mountTools(box: HTMLElement, host: ToolsHost): void {
  const b0 = host.board();
  if (state.since.date !== b0.date) state.since = { date: b0.date, value: daysBefore(b0.date, 7) };
  const scope = b0.scope;
  if (state.open === '' && autoSummary(scope, b0.total)) state.open = 'summary';
  box.innerHTML = html`${toolBar(state.open)}
    ${toolSection('changes', state.open === 'changes', changesBody(state.since.value, b0.date))}
    ${toolSection('escalate', state.open === 'escalate', escalateBody(scope, host.linkDate))}
    ${toolSection('import', state.open === 'import', importBody())}
    ${toolSection('summary', state.open === 'summary', summaryBody())}`.text;
  const $ = <T extends HTMLElement>(sel: string) => box.querySelector(sel) as T;
  let changesLoaded = false;
  let summaryLoaded = false;

  // ------------------------------------------------------------ open and close
  const show = (tool: Tool | '') => {
    if (state.open === 'summary' && tool !== 'summary') state.dismissed.add(scope);
    state.open = tool;
    for (const [id] of TOOLS) {
      $(`#tk-tool-${id}`).hidden = id !== tool;
      const btn = $(`[data-tool=${id}]`);
      btn.classList.toggle('on', id === tool);
      btn.setAttribute('aria-expanded', String(id === tool));
    }
    if (tool === 'changes' && !changesLoaded) void loadChanges();
    if (tool === 'summary' && !summaryLoaded) void loadSummary();
  };
  /** After an import or an escalation run: the board again, and the summary when it is open. */
  const refreshAll = async () => {
    state.summary = null;
    summaryLoaded = false;
    await host.refresh();
    if (state.open === 'summary') await loadSummary();
  };
  box.addEventListener('click', (ev) => {
    const el = (ev.target as HTMLElement).closest('button');
    if (!el) return;
    const tool = el.dataset['tool'] as Tool | undefined;
    if (tool) show(state.open === tool ? '' : tool);
    else if (el.dataset['close']) show('');
  });

  // ------------------------------------------------------------ titles in the UI language
  let allRows: Promise<Map<string, string>> | null = null;
  const titles = async (ids: string[]): Promise<Map<string, string>> => {
    const b = host.board();
    const m = new Map(b.rows.map((r) => [r.id, title(r)]));
    if (ids.every((id) => m.has(id))) return m;
    // A filtered board lacks some rows: the whole board once, for their titles.
    allRows ??= api.tasks({ date: b.date, scope: b.scope }).then((all) => new Map(all.rows.map((r) => [r.id, title(r)]))).catch(() => new Map());
    const more = await allRows;
    for (const [k, v] of more) if (!m.has(k)) m.set(k, v);
    return m;
  };

  // ------------------------------------------------------------ 变化对比
  const out = $('#changes-out');
  const sinceInput = $<HTMLInputElement>('[data-testid=changes-since]');
  const loadChanges = async () => {
    const b = host.board();
    const since = sinceInput.value;
    if (!since) { out.innerHTML = html`<p class="status error" data-testid="changes-error">${t('ttNeedSince')}</p>`.text; return; }
    if (since > b.date) { out.innerHTML = html`<p class="status error" data-testid="changes-error">${tf('ttSinceAfter', { d: b.date })}</p>`.text; return; }
    state.since = { date: b.date, value: since };
    changesLoaded = true;
    const release = hold();
    out.innerHTML = html`<p class="muted">${t('loading')}</p>`.text;
    try {
      const cs = await api.taskChanges({ since, date: b.date, scope: b.scope });
      out.innerHTML = changesTable(cs, await titles(cs.map((c) => c.id)), since, b.date, host.linkDate).text;
    } catch (e) {
      out.innerHTML = html`<p class="status error" data-testid="changes-error">${host.ctx.errText(e)}</p>`.text;
    } finally {
      release();
    }
  };
  $<HTMLFormElement>('[data-testid=changes-form]').addEventListener('submit', (ev) => { ev.preventDefault(); void loadChanges(); });

  // ------------------------------------------------------------ 督办运行
  const escOut = $('#escalate-out');
  const dialog = $('#tk-dialog');
  const runBtn = $<HTMLButtonElement>('[data-testid=escalate-run]');
  const showEscalation = async () => {
    const e = state.escalation;
    if (!e || e.scope !== scope) return;
    escOut.innerHTML = escalateResult(e.result, await titles(e.result.map((x) => x.task)), e.at, host.linkDate).text;
  };
  void showEscalation();
  runBtn.addEventListener('click', () => {
    dialog.innerHTML = escalateConfirm(scope).text;
    ($('[data-testid=escalate-confirm-do]') as HTMLButtonElement).focus();
  });
  dialog.addEventListener('click', (ev) => {
    const el = (ev.target as HTMLElement).closest('button');
    if (!el) return;
    dialog.innerHTML = '';
    if (el.dataset['testid'] !== 'escalate-confirm-do') return;
    runBtn.disabled = true;
    const release = hold();
    escOut.innerHTML = html`<p class="status">${t('ttEscRunning')}</p>`.text;
    void api.escalate(scope)
      .then(async (result) => {
        const at = new Date().toLocaleTimeString(getLang() === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
        state.escalation = { scope, at, result };
        await refreshAll();
        await showEscalation();
      })
      .catch((e) => { escOut.innerHTML = html`<p class="status error" data-testid="escalate-error">${host.ctx.errText(e)}</p>`.text; })
      .finally(() => { runBtn.disabled = false; release(); });
  });
  dialog.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') dialog.innerHTML = ''; });

  // ------------------------------------------------------------ 导入任务计划
  const fileInput = $<HTMLInputElement>('[data-testid=timp-file]');
  const scopeInput = $<HTMLInputElement>('[data-testid=timp-scope]');
  const prefixInput = $<HTMLInputElement>('[data-testid=timp-prefix]');
  const check = $<HTMLButtonElement>('[data-testid=timp-check]');
  const commit = $<HTMLButtonElement>('[data-testid=timp-commit]');
  const impOut = $('#timp-out');
  interface Choice { file: File | undefined; scope: string; prefix: string }
  const choice = (): Choice => ({ file: fileInput.files?.[0], scope: scopeInput.value.trim(), prefix: prefixInput.value.trim() });
  let checked: Choice | null = null;
  const same = (a: Choice | null, c: Choice) => !!a && !!a.file && a.file === c.file && a.scope === c.scope && a.prefix === c.prefix;
  const changed = () => {
    if (same(checked, choice())) return;
    commit.disabled = true;
    if (checked) impOut.innerHTML = '';
    checked = null;
  };
  for (const el of [fileInput, scopeInput, prefixInput]) { el.addEventListener('input', changed); el.addEventListener('change', changed); }
  const run = (doCommit: boolean) => {
    const c = choice();
    if (!c.file) { impOut.innerHTML = html`<p class="status error" data-testid="timp-error">${t('ttImpNeedFile')}</p>`.text; return; }
    if (doCommit && !same(checked, c)) { commit.disabled = true; return; }
    const file = c.file;
    check.disabled = true;
    commit.disabled = true;
    const release = hold();
    impOut.innerHTML = html`<p class="status">${t(doCommit ? 'ttImpImporting' : 'ttImpChecking')}</p>`.text;
    void api.importTasks(file, { commit: doCommit, scope: c.scope, prefix: c.prefix })
      .then(async (r) => {
        if (doCommit) {
          checked = null;
          await refreshAll();
        } else {
          checked = c;
        }
        impOut.innerHTML = importSummary(r, host.linkDate).text;
        // What was typed meanwhile counts: the import stays for the very choice checked.
        commit.disabled = doCommit || !same(checked, choice());
      })
      .catch((e) => {
        checked = null;
        const ps = problemsOf(e);
        impOut.innerHTML = (ps.length ? importProblems(ps) : html`<p class="status error" data-testid="timp-error">${host.ctx.errText(e)}</p>`).text;
      })
      .finally(() => { check.disabled = false; release(); });
  };
  check.addEventListener('click', () => run(false));
  commit.addEventListener('click', () => run(true));

  // ------------------------------------------------------------ 督办汇总
  const sumOut = $('#summary-out');
  const links: SummaryLinks = { county: (code) => host.boardHref({ scope: code }), light: (light) => host.boardHref({ light }) };
  const drawSummary = (ov: OverviewView) => { sumOut.innerHTML = overviewView(ov, state.sorts, links, BIG_BOARD).text; };
  const loadSummary = async () => {
    const b = host.board();
    summaryLoaded = true;
    const cached = state.summary;
    if (cached && cached.scope === b.scope && cached.date === b.date) { drawSummary(cached); return; }
    const release = hold();
    sumOut.innerHTML = html`<p class="muted">${t('loading')}</p>`.text;
    try {
      const ov = await api.summary({ scope: b.scope, date: b.date });
      state.summary = ov;
      drawSummary(ov);
    } catch (e) {
      summaryLoaded = false;
      sumOut.innerHTML = html`<p class="status error" data-testid="summary-error">${host.ctx.errText(e)}</p>`.text;
    } finally {
      release();
    }
  };
  sumOut.addEventListener('click', (ev) => {
    const el = (ev.target as HTMLElement).closest('button.tk-sort') as HTMLButtonElement | null;
    const table = el?.dataset['table'] as SummaryTable | undefined;
    if (!el || !table || !state.summary) return;
    state.sorts[table] = nextSort(state.sorts[table], (el.dataset['sort'] ?? '') as SortKey);
    drawSummary(state.summary);
    (sumOut.querySelector(`button.tk-sort[data-table=${table}][data-sort="${el.dataset['sort'] ?? ''}"]`) as HTMLButtonElement | null)?.focus();
  });

  if (state.open === 'changes') void loadChanges();
  if (state.open === 'summary') void loadSummary();
}
