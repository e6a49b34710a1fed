// 看板工具 rendering: pure HTML builders for the tool row above the task board (#/tasks) and its
// four panels — 变化对比 (changes since a baseline), 督办运行 (the escalation run), 导入任务计划
// (a plan import: check, then import; the template) and 督办汇总 (the summary by county and lead
// unit, each county linking to its board), with html`` (every value escaped unless it is
// markup), tested with node's test runner (test/tasks_tools_view.test.ts). Wiring lives in tasks_tools.ts.

import { api, type ChangeView, type Escalated, type ImportProblem, type OverviewView, type SummaryView, type TaskImport } from './api';
import { getLang, t, tf, tx, type Key } from './i18n';
import { html, type Markup } from './html';
import { dot, LIGHTS, lightChips, lightLabel, pct, syntheticTag, taskHref, type Light } from './tasks_view';

export type Tool = 'changes' | 'escalate' | 'import' | 'summary';

/** `tf` with English singulars for a count of one (“1 task”, not “1 tasks”). */
export function tfn(key: Key, vars: Record<string, string | number>): string {
  const s = tf(key, vars);
  return getLang() === 'en' ? s.replace(/(^|[^\d.])1 (change|task|error|organisation)s\b/g, (_m, pre: string, w: string) => `${pre}1 ${w}`) : s;
}
/** Markup items separated as a list is written (、 or a comma). */
const list = (xs: (Markup | string)[]): (Markup | string)[] => xs.flatMap((x, i) => (i ? [getLang() === 'zh' ? '、' : ', ', x] : [x]));
export const TOOLS: [Tool, Key][] = [['changes', 'ttChanges'], ['escalate', 'ttEscalate'], ['import', 'ttImport'], ['summary', 'ttSummary']];

/** The row of tool buttons; the open one pressed. */
export function toolBar(open: Tool | ''): Markup {
  return html`<div class="tk-tools" role="toolbar" aria-label="${t('ttTools')}" data-testid="tk-tools">${TOOLS.map(([id, k]) =>
    html`<button type="button" class="tk-tool ${open === id ? 'on' : ''}" data-tool="${id}" aria-expanded="${String(open === id)}" aria-controls="tk-tool-${id}" data-testid="tool-${id}">${t(k)}</button>`)}</div>`;
}

/** A tool's collapsible section (hidden unless open). */
export function toolSection(id: Tool, open: boolean, body: Markup): Markup {
  const k = TOOLS.find(([x]) => x === id)?.[1] ?? 'ttTools';
  return html`<section class="card tk-panel" id="tk-tool-${id}" data-testid="panel-${id}" ${open ? '' : 'hidden'}>
    <h3>${t(k)} <button type="button" class="tk-panel-close" data-close="${id}" aria-label="${t('ttClose')}" title="${t('ttClose')}">×</button></h3>${body}</section>`;
}

// ---------------------------------------------------------------- 变化对比

export function changesBody(since: string, date: string): Markup {
  return html`<p class="muted">${tf('ttChangesHint', { d: date })}</p>
    <form class="tk-filters" data-testid="changes-form"><label>${t('ttSince')} <input type="date" name="since" value="${since}" max="${date}" required data-testid="changes-since"></label>
    <button type="submit" class="primary" data-testid="changes-apply">${t('ttCompare')}</button></form>
    <div id="changes-out" data-testid="changes-out" role="status"></div>`;
}

const STATUS_KEY: Record<string, Key> = { 推进中: 'ttStInProgress', 待核验: 'ttStReported', 已退办: 'ttStReturned', 已销号: 'ttStClosed' };
const FIELD_KEY: Record<string, Key> = {
  status: 'ttFStatus', light: 'ttFLight', due: 'ttFDue', lead: 'ttFLead', participants: 'ttFParticipants', progress: 'ttFProgress',
};

/** The field's label: 状态, 灯色, 截止日期, … 指标 <id>. */
export function fieldLabel(field: string): string {
  if (field.startsWith('target.')) return tf('ttFTarget', { id: field.slice(7) });
  const k = FIELD_KEY[field];
  return k ? t(k) : field;
}

/** A value as the board shows it: a light's badge, a status in the UI language, a target's value and deadline. */
export function fieldValue(field: string, v: string): Markup {
  if (field === 'light') return v ? html`<span class="tk-badge tk-${v}" data-light="${v}">${lightLabel(v)}</span>` : html`<span class="muted">${t('ttNone')}</span>`;
  if (field === 'status') return html`<span class="tk-status">${STATUS_KEY[v] ? t(STATUS_KEY[v]) : v}</span>`;
  if (field === 'due' && !v) return html`<span class="muted">${t('ttNoDue')}</span>`;
  if (!v) return html`<span class="muted">${t('ttNone')}</span>`;
  const m = /^(.*) @ (\d{4}-\d{2}-\d{2})$/.exec(v);
  if (field.startsWith('target.') && m) return html`${tf('ttTargetValue', { v: m[1] ?? '', d: m[2] ?? '' })}`;
  return html`${v}`;
}

/** The changes grouped by task (the server lists them task by task); titles in the UI language where known. */
export function changesTable(cs: ChangeView[], titles: Map<string, string>, since: string, date: string, linkDate: string): Markup {
  const groups: { id: string; title: string; rows: ChangeView[] }[] = [];
  for (const c of cs) {
    const last = groups[groups.length - 1];
    if (last && last.id === c.id) last.rows.push(c);
    else groups.push({ id: c.id, title: titles.get(c.id) ?? c.title, rows: [c] });
  }
  const count = html`<p class="tk-count" data-testid="changes-count" data-n="${cs.length}" data-tasks="${groups.length}">${tfn('ttChangeCount', { n: cs.length, t: groups.length, a: since, b: date })}</p>`;
  if (cs.length === 0) {
    return html`<p class="tk-empty" data-testid="changes-empty"><b>${t('ttNoChanges')}</b> <span class="muted">${tf('ttNoChangesNote', { a: since, b: date })}</span></p>`;
  }
  return html`${count}<div class="scroll-x tk-changes-scroll"><table class="tk-table tk-changes" data-testid="changes-table"><thead><tr>
    <th class="tk-id">${t('tkId')}</th><th>${t('tkTask')}</th><th>${t('ttField')}</th><th class="tk-v">${tf('ttBefore', { d: since })}</th><th class="tk-arrow"></th><th class="tk-v">${tf('ttAfter', { d: date })}</th></tr></thead>
    ${groups.map((g) => html`<tbody data-testid="change-task-${g.id}">${g.rows.map((c, i) => html`<tr data-testid="change-row" data-id="${c.id}" data-field="${c.field}">
      ${i === 0 ? html`<td class="tk-id" rowspan="${g.rows.length}"><a href="${taskHref(g.id, linkDate)}" data-testid="change-link-${g.id}">${g.id}</a></td>
      <td class="tk-title" rowspan="${g.rows.length}">${g.title}</td>` : ''}
      <td class="nowrap">${fieldLabel(c.field)}</td><td data-testid="change-before">${fieldValue(c.field, c.before)}</td><td class="tk-arrow" aria-hidden="true">→</td>
      <td data-testid="change-after">${fieldValue(c.field, c.after)}</td></tr>`)}</tbody>`)}</table></div>`;
}

// ---------------------------------------------------------------- 督办运行

export function escalateBody(scope: string, boardDate: string): Markup {
  return html`<p class="muted">${t('ttEscHint')}</p>
    <p class="row"><span>${tf('ttEscScope', { s: scope })}</span>${boardDate ? html`<span class="tk-note">${tf('ttEscNotBoardDate', { d: boardDate })}</span>` : ''}</p>
    <div class="row"><button type="button" class="primary" data-testid="escalate-run">${t('ttEscRun')}</button></div>
    <div id="escalate-out" data-testid="escalate-out" role="status"></div><div id="tk-dialog"></div>`;
}

export function escalateConfirm(scope: string): Markup {
  return html`<div class="modal" role="dialog" aria-modal="true" data-testid="escalate-confirm"><div class="card"><h3>${t('ttEscConfirmTitle')}</h3>
    <p>${tf('ttEscConfirm', { s: scope })}</p>
    <div class="row"><button type="button" class="primary" data-testid="escalate-confirm-do">${t('ttEscDo')}</button>
    <button type="button" data-testid="escalate-confirm-cancel">${t('cancel')}</button></div></div></div>`;
}

/** The steps of one task in the UI language, grouped by the deadline they concern (the task's, a target's, a milestone's). */
function steps(list: Escalated['steps']): Markup[] {
  const groups: { concerns: Escalated['steps'][number]['concerns']; deadline: string; steps: Escalated['steps'][number]['step'][] }[] = [];
  for (const s of list) {
    const g = groups.find((x) => x.concerns.id === s.concerns.id && x.deadline === s.deadline);
    if (g) g.steps.push(s.step);
    else groups.push({ concerns: s.concerns, deadline: s.deadline, steps: [s.step] });
  }
  return groups.map((g) => html`<span class="tk-step-group" data-concerns="${g.concerns.id}" data-deadline="${g.deadline}">${g.steps
    .map((st) => html`<span class="tk-step" data-step="${st.id}">${tx(st)}</span>`)}<span class="muted tk-step-for">${tx(g.concerns)} ${g.deadline}</span></span>`);
}

export function escalateResult(r: Escalated[], titles: Map<string, string>, at: string, linkDate: string): Markup {
  const when = html`<span class="muted">${tf('ttEscAt', { t: at })}</span>`;
  if (r.length === 0) return html`<p class="status ok" data-testid="escalate-nothing">${t('ttEscNothing')} ${when}</p>`;
  return html`<p class="status ok" data-testid="escalate-done" data-n="${r.length}">${tfn('ttEscDone', { n: r.length })} ${when}</p>
    <ul class="tk-esc-list" data-testid="escalate-list">${r.map((e) => html`<li data-testid="escalated-${e.task}">
      <a href="${taskHref(e.task, linkDate)}" data-testid="escalated-link-${e.task}"><b>${e.task}</b> ${titles.get(e.task) ?? ''}</a>
      <span class="muted">${t('ttEscSteps')}${getLang() === 'zh' ? '：' : ': '}</span>${steps(e.steps)}</li>`)}</ul>`;
}

// ---------------------------------------------------------------- 导入任务计划

export function importBody(): Markup {
  return html`<p class="muted">${t('ttImpHint')}</p>
    <p class="tk-tpl"><a class="button" href="${api.taskTemplateUrl}" download data-testid="timp-template">${t('ttImpTemplate')}</a>
      <span class="muted" data-testid="timp-template-hint">${t('ttImpTemplateHint')}</span></p>
    <form class="tk-imp" data-testid="tasks-import" onsubmit="return false">
      <label class="wide">${t('ttImpFile')}<input type="file" name="file" accept=".toml,.xlsx,application/toml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="timp-file"></label>
      <label>${t('ttImpScope')}<input name="scope" inputmode="numeric" pattern="\\d*" placeholder="${t('ttImpScopeHint')}" data-testid="timp-scope"></label>
      <label>${t('ttImpPrefix')}<input name="prefix" placeholder="${t('ttImpPrefixHint')}" data-testid="timp-prefix"></label>
      <div class="row wide"><button type="button" data-testid="timp-check">${t('ttImpCheck')}</button>
        <button type="button" class="primary" data-testid="timp-commit" disabled>${t('ttImpDo')}</button></div>
    </form>
    <div id="timp-out" data-testid="timp-out" role="status"></div>`;
}

export function importSummary(r: TaskImport, linkDate: string): Markup {
  const text = r.committed
    ? tfn('ttImpFiled', { n: r.tasks, f: r.file, s: r.scope })
    : tfn('ttImpChecked', { f: r.file, n: r.tasks, o: r.organisations, s: r.scope });
  // Filed: the ids link to the tasks.
  const shown = r.ids.slice(0, 40).map((id) => (r.committed ? html`<a href="${taskHref(id, linkDate)}" data-testid="timp-link-${id}">${id}</a>` : id));
  const ids = html`${list(shown)}${r.ids.length > 40 ? ' …' : ''}`;
  return html`<p class="status ok" data-testid="timp-summary" data-committed="${String(r.committed)}" data-tasks="${r.tasks}">${text}</p>
    <dl class="tk-dl" data-testid="timp-detail"><dt>${t('ttImpPlan')}</dt><dd>${r.title}</dd>
    ${r.source ? html`<dt>${t('ttImpSource')}</dt><dd>${r.source}</dd>` : ''}
    <dt>${t('ttImpIds')}</dt><dd data-testid="timp-ids">${ids}</dd></dl>`;
}

export function importProblems(ps: ImportProblem[]): Markup {
  const zh = getLang() === 'zh';
  return html`<p class="status error" data-testid="timp-error">${tfn('ttImpErrors', { n: ps.length })}</p>
    <div class="scroll-x"><table class="tk-table tk-imp-errors" data-testid="timp-errors"><thead><tr><th>${t('ttImpErrFile')}</th><th>${t('ttImpErrLine')}</th>
    <th>${t('ttImpErrItem')}</th><th>${t('ttImpErrField')}</th><th>${t('ttImpErrMsg')}</th></tr></thead><tbody>${ps.map((p) => html`<tr data-testid="timp-problem" data-line="${p.line ?? ''}" data-field="${p.field ?? ''}">
      <td>${p.file}</td><td class="num" data-testid="timp-line">${p.line ?? '–'}</td><td>${p.item ?? '–'}</td>
      <td data-testid="timp-field"><code>${p.field ?? '–'}</code></td><td>${zh ? p.zh : p.en}</td></tr>`)}</tbody></table></div>`;
}

// ---------------------------------------------------------------- 督办汇总

/** How a summary table is sorted: by its first column (`name`), a count or the mean progress; `''`: as the server lists it. */
export type SortKey = '' | 'name' | 'total' | Light | 'mean_progress';
export interface Sort { by: SortKey; desc: boolean }
export type SummaryTable = 'county' | 'unit';

export function summaryBody(): Markup {
  return html`<div id="summary-out" data-testid="summary-out" role="status"></div>`;
}

/** The level a code stands for when it is a city's or province's own (…00, …0000). */
function ownLevel(code: string): string {
  if (/^\d{2}0000$/.test(code)) return t('ttSumProvinceLevel');
  if (/^\d{4}00$/.test(code)) return t('ttSumCityLevel');
  return '';
}

const label = (table: SummaryTable, s: SummaryView): string => (table === 'county' ? s.key : s.name || s.key);

/** The rows in the order asked for (ties by key). */
export function sortRows(rows: SummaryView[], table: SummaryTable, s: Sort): SummaryView[] {
  if (!s.by) return rows;
  const by = s.by;
  const cmp = (a: SummaryView, b: SummaryView): number => (by === 'name' ? label(table, a).localeCompare(label(table, b), 'zh-CN') : a[by] - b[by]);
  return [...rows].sort((a, b) => (s.desc ? -cmp(a, b) : cmp(a, b)) || a.key.localeCompare(b.key));
}

/** The next sort when a column's head is clicked: the same column reversed, else counts most first and names A–Z. */
export function nextSort(cur: Sort, by: SortKey): Sort {
  if (cur.by === by) return { by, desc: !cur.desc };
  return { by, desc: by !== 'name' };
}

/** A sortable head: `text` names the column (for the button's label), `content` is shown (text is escaped, markup kept). */
function sortHead(table: SummaryTable, by: SortKey, text: string, content: Markup | string, cur: Sort, cls = ''): Markup {
  const on = cur.by === by;
  return html`<th class="${cls}" aria-sort="${on ? (cur.desc ? 'descending' : 'ascending') : 'none'}"><button type="button" class="tk-sort ${on ? 'on' : ''}" data-table="${table}" data-sort="${by}"
    aria-label="${tf('ttSumSortBy', { c: text })}" title="${tf('ttSumSortBy', { c: text })}">${content}<i aria-hidden="true">${on ? (cur.desc ? '▾' : '▴') : '↕'}</i></button></th>`;
}

/** A summary table (by county or by lead unit): name, total, the five lights, mean progress; each head sorts. */
function overviewTable(table: SummaryTable, rows: SummaryView[], cur: Sort, countyHref: (code: string) => string): Markup {
  const head = t(table === 'county' ? 'ttSumCounty' : 'ttSumUnit');
  const name = (s: SummaryView): Markup => {
    if (table === 'unit') return html`<td class="tk-sum-name">${s.name || s.key}</td>`;
    const level = s.name ? '' : ownLevel(s.key);
    return html`<td class="tk-sum-name"><a href="${countyHref(s.key)}" data-testid="sum-county-link-${s.key}"><b>${s.key}</b>${s.name ? ` ${s.name}` : ''}</a>${level ? html` <span class="muted">${level}</span>` : ''}</td>`;
  };
  return html`<div class="scroll-x"><table class="tk-sum tk-overview" data-testid="sum-by-${table}"><thead><tr>
    ${sortHead(table, 'name', head, head, cur)}${sortHead(table, 'total', t('tkTotal'), t('tkTotal'), cur, 'num')}
    ${LIGHTS.map((l) => sortHead(table, l, lightLabel(l), dot(l), cur, 'num'))}${sortHead(table, 'mean_progress', t('tkMean'), t('tkMean'), cur, 'num')}</tr></thead>
    <tbody>${sortRows(rows, table, cur).map((s) => html`<tr data-testid="sum-${table}-${s.key}" data-key="${s.key}" data-total="${s.total}" data-red="${s.red}">${name(s)}
      <td class="num"><b>${s.total}</b></td>${LIGHTS.map((l) => html`<td class="num ${s[l] > 0 ? `c-${l}` : 'zero'}">${s[l]}</td>`)}
      <td class="num">${pct(s.mean_progress)}</td></tr>`)}</tbody></table></div>`;
}

export interface SummaryLinks {
  /** The board of a county (or any jurisdiction code). */
  county(code: string): string;
  /** The board filtered by a light. */
  light(light: string): string;
}

/** 督办汇总: the counts per light as the board's chips, the tables by county and by lead unit. */
export function overviewView(ov: OverviewView, sorts: Record<SummaryTable, Sort>, links: SummaryLinks, big: number): Markup {
  const head = html`<p class="muted">${tf('ttSumHint', { s: ov.scope, d: ov.date })}</p>
    <p class="tk-count" data-testid="summary-total" data-total="${ov.total}" data-scope="${ov.scope}" data-date="${ov.date}">${tfn('ttSumTotal', { n: ov.total })} ${syntheticTag(ov.synthetic)}</p>
    ${ov.total > big ? html`<p class="tk-note" data-testid="summary-big">${tf('ttSumBig', { n: big })}</p>` : ''}`;
  if (ov.total === 0) return html`${head}<p class="tk-empty" data-testid="summary-empty">${t('ttSumEmpty')}</p>`;
  return html`${head}${lightChips(ov, links.light, '', 'sum-')}
    <div class="tk-two tk-sum-two">
      <section><h4>${t('ttSumByCounty')}</h4>${overviewTable('county', ov.by_county, sorts.county, links.county)}</section>
      <section><h4>${t('ttSumByUnit')}</h4>${overviewTable('unit', ov.by_unit, sorts.unit, links.county)}</section>
    </div>`;
}
