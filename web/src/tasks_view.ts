// 挂图作战 rendering: pure HTML/SVG builders for the task board (#/tasks), one task (#/tasks/ID)
// and the inbox (#/inbox), with html`` (every value escaped unless it is markup), tested with
// node's test runner (test/tasks_view.test.ts). Wiring (loading, forms, the map) lives in tasks_page.ts.

import type { BoardView, CheckpointView, DivisionLight, EventView, InboxView, InboxKind, LightCount, SummaryView, TaskRow, TaskView } from './api';
import { api } from './api';
import { getLang, t, tf, tx, type Key } from './i18n';
import { html, type Markup } from './html';

export const LIGHTS = ['red', 'yellow', 'blue', 'green', 'done'] as const;
export type Light = typeof LIGHTS[number];
export const LIGHT_COLOR: Record<string, string> = { red: '#d7191c', yellow: '#f0b400', blue: '#2b83ba', green: '#1a9641', done: '#8c8c8c' };
const LIGHT_KEY: Record<Light, Key> = { red: 'tkRed', yellow: 'tkYellow', blue: 'tkBlue', green: 'tkGreen', done: 'tkDone' };

export const lightLabel = (id: string): string => (id in LIGHT_KEY ? t(LIGHT_KEY[id as Light]) : id);
export const dot = (light: string, testid = ''): Markup =>
  html`<span class="tk-dot tk-${light}" title="${lightLabel(light)}"${testid ? html` data-testid="${testid}" data-light="${light}"` : ''}></span>`;
export const pct = (x: number): string => `${Math.round(Math.max(0, Math.min(1, x)) * 100)}%`;
export const title = (r: { title: string; title_en: string }): string => (getLang() === 'en' && r.title_en ? r.title_en : r.title);
const status = (r: TaskRow): string => (getLang() === 'zh' ? r.status_zh : r.status_en);
export const taskHref = (id: string, date = ''): string => `#/tasks/${encodeURIComponent(id)}${date ? `?date=${date}` : ''}`;

export function syntheticTag(on: boolean): Markup | '' {
  return on ? html`<span class="tag" data-testid="synthetic" title="${t('tkSyntheticNote')}">${t('tkSynthetic')}</span>` : '';
}

/** The coloured chips: one per light with its count (a link toggling the light filter); `prefix` prefixes the test ids. */
export function lightChips(b: { lights: LightCount[] }, href: (light: string) => string, active: string, prefix = ''): Markup {
  const count = new Map(b.lights.map((l) => [l.light.id, l.count]));
  return html`<div class="tk-chips" data-testid="${prefix}light-chips">${LIGHTS.map((l) => html`<a class="tk-chip tk-${l} ${active === l ? 'on' : ''}" href="${href(active === l ? '' : l)}"
    data-testid="${prefix}light-${l}" data-count="${count.get(l) ?? 0}"><b class="n">${count.get(l) ?? 0}</b><span>${lightLabel(l)}</span></a>`)}</div>`;
}

/** The filter form: date, group, unit, light; `clear` is where 清除筛选 leads. */
export function filterForm(b: BoardView, q: { date: string; group: string; unit: string; light: string }, clear = '#/tasks'): Markup {
  const opt = (v: string, label: string, cur: string) => html`<option value="${v}" ${v === cur ? 'selected' : ''}>${label}</option>`;
  return html`<form class="tk-filters" data-testid="tk-filters">
    <label>${t('tkAsOf')} <input type="date" name="date" value="${q.date || b.date}" data-testid="tk-date"></label>
    <label>${t('tkGroup')} <select name="group" data-testid="tk-group">${opt('', t('tkAll'), q.group)}${b.groups.map((g) => opt(g, g, q.group))}</select></label>
    <label>${t('tkUnit')} <select name="unit" data-testid="tk-unit">${opt('', t('tkAll'), q.unit)}${b.units.map(([c, n]) => opt(c, n, q.unit))}</select></label>
    <label>${t('tkLight')} <select name="light" data-testid="tk-light">${opt('', t('tkAll'), q.light)}${LIGHTS.map((l) => opt(l, lightLabel(l), q.light))}</select></label>
    <button type="submit" class="primary" data-testid="tk-apply">${t('tkShow')}</button>
    <a href="${clear}" class="button" data-testid="tk-clear">${t('tkClear')}</a>
  </form>`;
}

function progressBar(progress: number, schedule: number): Markup {
  const behind = progress + 1e-9 < schedule;
  return html`<div class="tk-bar ${behind ? 'behind' : ''}" title="${t('tkSchedule')} ${pct(schedule)}"><span style="width:${pct(progress)}"></span><i style="left:${pct(schedule)}"></i></div>
    <span class="tk-pct">${pct(progress)}</span>`;
}

/** The tree table of tasks (indented by level); the acting organisation's tasks marked. */
export function taskTable(b: BoardView, date: string): Markup {
  if (b.rows.length === 0) return html`<p class="muted" data-testid="tk-empty">${t('tkNoRows')}</p>`;
  const depth: Record<string, number> = { task: 0, subtask: 1, item: 2 };
  return html`<div class="scroll-x"><table class="tk-table" data-testid="task-table"><thead><tr>
    <th></th><th>${t('tkId')}</th><th>${t('tkTask')}</th><th>${t('tkLead')}</th><th>${t('tkDue')}</th><th>${t('tkProgress')}</th><th>${t('tkStatus')}</th></tr></thead>
    <tbody>${b.rows.map((r) => html`<tr class="tk-row lv-${r.level} ${r.mine ? 'mine' : ''}" data-testid="task-row-${r.id}" data-id="${r.id}" data-light="${r.light}" data-mine="${String(r.mine)}" data-divisions="${r.divisions.join(' ')}">
      <td>${dot(r.light)}${r.subtree_light !== r.light ? html`<span class="tk-sub" title="${lightLabel(r.subtree_light)}">${dot(r.subtree_light)}</span>` : ''}</td>
      <td class="tk-id"><a href="${taskHref(r.id, date)}">${r.id}</a></td>
      <td class="tk-title" style="padding-left:${6 + 18 * (depth[r.level] ?? 0)}px">${title(r)}${r.mine ? html` <span class="tk-mine" data-testid="mine-${r.id}">${t('tkMine')}</span>` : ''}</td>
      <td>${r.lead}</td><td class="nowrap">${r.due}</td>
      <td class="tk-prog">${progressBar(r.progress, r.schedule)}</td>
      <td class="nowrap" data-testid="row-status-${r.id}">${status(r)}</td></tr>`)}</tbody></table></div>`;
}

export interface Bar { id: string; label: string; start: string; end: string; light: string; progress: number; marks: { date: string; label: string; met: boolean }[] }

const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** A Gantt-style SVG: one bar per task from start to due, the date's line, milestones as diamonds. */
export function timeline(bars: Bar[], asOf: string, date = ''): Markup | '' {
  if (bars.length === 0) return '';
  const days = bars.flatMap((b) => [day(b.start), day(b.end), ...b.marks.map((m) => day(m.date))]).concat(day(asOf)).filter(Number.isFinite);
  const lo = Math.min(...days) - 15;
  const hi = Math.max(...days) + 15;
  const W = 1000, L = 190, R = 10, H = 18, top = 22;
  const x = (d: string) => L + ((day(d) - lo) / (hi - lo)) * (W - L - R);
  const height = top + bars.length * H + 6;
  const y0 = new Date(lo * 86_400_000).getUTCFullYear();
  const y1 = new Date(hi * 86_400_000).getUTCFullYear();
  const years: Markup[] = [];
  for (let y = y0 + 1; y <= y1; y++) {
    const xx = x(`${y}-01-01`);
    years.push(html`<line x1="${xx}" x2="${xx}" y1="${top - 4}" y2="${height}" class="grid"/><text x="${xx + 3}" y="${top - 8}" class="yr">${y}</text>`);
  }
  const rows = bars.map((b, i) => {
    const y = top + i * H;
    const x0 = x(b.start), x1 = Math.max(x(b.end), x0 + 2);
    return html`<g class="tl-row" data-testid="tl-${b.id}"><a href="${taskHref(b.id, date)}"><text x="4" y="${y + 12}" class="lbl" clip-path="url(#tl-clip)">${b.id} ${b.label}</text></a>
      <rect x="${x0}" y="${y + 3}" width="${x1 - x0}" height="${H - 7}" rx="2" fill="${LIGHT_COLOR[b.light] ?? '#999'}" fill-opacity="0.28" stroke="${LIGHT_COLOR[b.light] ?? '#999'}"/>
      <rect x="${x0}" y="${y + 3}" width="${(x1 - x0) * Math.max(0, Math.min(1, b.progress))}" height="${H - 7}" rx="2" fill="${LIGHT_COLOR[b.light] ?? '#999'}"/>
      ${b.marks.map((m) => { const mx = x(m.date), my = y + H / 2 - 1; return html`<path d="M${mx} ${my - 5}L${mx + 5} ${my}L${mx} ${my + 5}L${mx - 5} ${my}Z" class="ms ${m.met ? 'met' : ''}"><title>${m.label} ${m.date}</title></path>`; })}
      <title>${b.label}: ${b.start} – ${b.end} · ${pct(b.progress)}</title></g>`;
  });
  const tx0 = x(asOf);
  const right = tx0 > W * 0.75;
  return html`<svg class="tk-timeline" data-testid="timeline" viewBox="0 0 ${W} ${height}" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${t('tkTimeline')}">
    <defs><clipPath id="tl-clip"><rect x="0" y="0" width="${L - 8}" height="${height}"/></clipPath></defs>
    ${years}${rows}
    <line x1="${tx0}" x2="${tx0}" y1="${top - 16}" y2="${height}" class="today" data-testid="timeline-today"/>
    <text x="${right ? tx0 - 4 : tx0 + 3}" y="${top - 14}" text-anchor="${right ? 'end' : 'start'}" class="today-t">${t('tkTodayLine')} ${asOf}</text></svg>`;
}

/** A summary table (by unit or by group). */
export function summaryTable(rows: SummaryView[], head: string, testid: string): Markup {
  return html`<div class="scroll-x"><table class="tk-sum" data-testid="${testid}"><thead><tr><th>${head}</th>${LIGHTS.map((l) => html`<th title="${lightLabel(l)}">${dot(l)}</th>`)}
    <th>${t('tkTotal')}</th><th>${t('tkMean')}</th></tr></thead><tbody>${rows.map((s) => html`<tr data-key="${s.key}"><td>${s.name}</td>
    ${LIGHTS.map((l) => html`<td class="num ${s[l] > 0 ? `c-${l}` : 'zero'}">${s[l]}</td>`)}<td class="num">${s.total}</td><td class="num">${pct(s.mean_progress)}</td></tr>`)}</tbody></table></div>`;
}

/** The divisions' lights when the jurisdiction has no boundaries. */
export function divisionGrid(divs: DivisionLight[]): Markup {
  return html`<p class="muted" data-testid="no-geometry">${t('tkNoGeometry')}</p>
    <div class="tk-grid" data-testid="division-grid">${divs.map((d) => html`<div class="tk-cell tk-${d.light}" data-testid="division-${d.code}" data-light="${d.light}" title="${lightLabel(d.light)}">
      <strong>${d.name || d.code}</strong>${d.name ? html`<span>${d.code}</span>` : ''}<span>${tf('tkTasksN', { n: d.tasks })}</span></div>`)}</div>`;
}

export function legend(): Markup {
  return html`<div class="tk-legend">${LIGHTS.map((l) => html`<span>${dot(l)}${lightLabel(l)}</span>`)}<span><i class="sw none"></i>${t('tkNotConcerned')}</span></div>`;
}

// ---------------------------------------------------------------- one task

const num = (v: number | null): string => (v === null ? '–' : v.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }));
const KIND_KEY: Record<string, Key> = { task: 'tkKindTask', target: 'tkKindTarget', milestone: 'tkKindMilestone' };

const colon = (): string => (getLang() === 'zh' ? '：' : ': ');

export function taskHeader(v: TaskView, date: string): Markup {
  const r = v.row;
  return html`<div class="tk-head"><h2>${dot(r.light, 'task-light')} <span class="tk-hid">${r.id}</span> ${title(r)} ${syntheticTag(r.synthetic)}</h2>
    <p class="tk-meta"><span class="tk-badge tk-${r.light}" data-testid="task-light-label">${lightLabel(r.light)}</span>
      <span class="tk-status" data-testid="task-status" data-status="${r.status}">${status(r)}</span>
      <span>${t('tkLead')}${colon()}${r.lead}</span><span>${t('tkDue')}${colon()}${r.due}</span>
      <span>${t('tkProgress').replace(/（.*|\s\(.*/, '')}${colon()}${pct(r.progress)} / ${t('tkSchedule')} ${pct(r.schedule)}</span></p>
    <dl class="tk-dl">
      <dt>${t('tkDescription')}</dt><dd>${v.description}</dd>
      ${v.basis ? html`<dt>${t('tkBasis')}</dt><dd>${v.basis}</dd>` : ''}
      ${v.participants ? html`<dt>${t('tkParticipants')}</dt><dd>${v.participants}</dd>` : ''}
      <dt>${t('tkSupervisor')}</dt><dd>${v.supervisor}</dd>
      ${r.parent ? html`<dt>${t('tkParent')}</dt><dd><a href="${taskHref(r.parent, date)}" data-testid="task-parent">${r.parent}</a></dd>` : ''}
      ${v.children.length ? html`<dt>${t('tkChildren')}</dt><dd>${v.children.map((c, i) => html`${i ? '、' : ''}<a href="${taskHref(c, date)}">${c}</a>`)}</dd>` : ''}
    </dl>
    ${v.reported_by && r.status === 'reported' ? html`<p class="tk-note" data-testid="task-reported">${tf('tkReportedBy', { a: v.reported_by })}</p>` : ''}
    ${v.pending_extension !== null ? html`<p class="tk-note" data-testid="task-pending-ext">${tf('tkPendingExt', { n: v.pending_extension })}</p>` : ''}
    ${v.escalations_due.length ? html`<p class="tk-note warn" data-testid="task-esc-due">${tf('tkEscDue', { s: escDue(v) })}</p>` : ''}</div>`;
}

/** The escalation steps due, each with the deadline it concerns, in the UI language (text, escaped where shown). */
function escDue(v: TaskView): string {
  const zh = getLang() === 'zh';
  return v.escalations_due
    .map((s) => (zh ? `${s.step.zh}（${s.concerns.zh} ${s.deadline}）` : `${s.step.en} (${s.concerns.en} ${s.deadline})`))
    .join(zh ? '、' : '; ');
}

export function checkpointTable(cps: CheckpointView[]): Markup {
  return html`<div class="scroll-x"><table class="tk-cp" data-testid="checkpoints"><thead><tr><th>${t('tkKind')}</th><th>${t('tkTask')}</th><th>${t('tkTarget')}</th>
    <th>${t('tkReached')}</th><th>${t('tkDeadline')}</th><th>${t('tkProgress')}</th></tr></thead><tbody>${cps.map((c) => html`<tr data-testid="cp-${c.kind}-${c.id}">
    <td>${t(KIND_KEY[c.kind] ?? 'tkKindTask')}</td><td>${c.label}${c.met ? html` <span class="ok">${tf('tkMet', { d: c.met })}</span>` : ''}</td>
    <td class="num">${c.value === null ? '' : `${num(c.value)} ${c.unit}`}${c.baseline !== null ? html`<br><span class="muted">${t('before')} ${num(c.baseline)}</span>` : ''}</td>
    <td class="num">${c.reached === null ? '' : `${num(c.reached)} ${c.unit}`}</td><td class="nowrap">${c.deadline}</td>
    <td class="tk-prog">${progressBar(c.fraction, c.expected)}</td></tr>`)}</tbody></table></div>`;
}

export function historyList(id: string, h: EventView[]): Markup {
  if (h.length === 0) return html`<p class="muted">${t('tkNoHistory')}</p>`;
  return html`<ol class="tk-history" data-testid="history">${h.map((e) => html`<li class="ev-${e.kind}" data-testid="event-${e.seq}" data-kind="${e.kind}">
    <span class="at">${e.at}</span> <span class="who">${e.org} · ${e.account}</span>
    <div class="what">${getLang() === 'zh' ? e.zh : e.en}</div>
    ${e.files.length ? html`<ul class="files">${e.files.map(([name, sha]) => html`<li><a href="${api.evidenceUrl(id, sha)}" download="${name}" data-testid="evidence-link" data-sha="${sha}">${name}</a></li>`)}</ul>` : ''}</li>`)}</ol>`;
}

/** The report form (progress or done): a value per target, milestones, text, evidence. */
function reportForm(kind: 'progress' | 'done', v: TaskView): Markup {
  const targets = v.checkpoints.filter((c) => c.kind === 'target');
  const milestones = v.checkpoints.filter((c) => c.kind === 'milestone');
  return html`<form class="act tk-form" data-action="${kind}" data-testid="form-${kind}"><h4>${t(kind === 'done' ? 'tkFormDone' : 'tkFormProgress')}</h4>
    ${targets.map((c) => html`<label>${tf('tkValue', { l: c.label, u: c.unit || '–' })}
      <input type="number" step="any" name="value:${c.id}" value="${c.reached ?? ''}" data-testid="${kind}-value-${c.id}"></label>`)}
    ${milestones.length ? html`<fieldset><legend>${t('tkMilestonesMet')}</legend>${milestones.map((c) => html`<label class="inline"><input type="checkbox" name="milestone" value="${c.id}" ${c.met ? 'checked disabled' : ''}> ${c.label}</label>`)}</fieldset>` : ''}
    <label>${t('tkText')}<textarea name="text" rows="3" required data-testid="${kind}-text"></textarea></label>
    <label>${t('tkEvidence')}<input type="file" name="file" multiple data-testid="${kind}-file"></label>
    <button type="submit" class="primary" data-testid="${kind}-submit">${t(kind === 'done' ? 'tkFormDone' : 'tkFormProgress')}</button></form>`;
}

/** The action forms the account may use (`can`). */
export function actionForms(v: TaskView): Markup {
  const c = v.can;
  const forms: Markup[] = [];
  if (c.report) {
    forms.push(reportForm('progress', v), reportForm('done', v));
    const cps = v.checkpoints.filter((x) => x.kind !== 'task' && !x.met);
    forms.push(html`<form class="act tk-form" data-action="extend" data-testid="form-extend"><h4>${t('tkFormExtend')}</h4>
      <label>${t('tkNewDate')}<input type="date" name="new_date" required data-testid="extend-date"></label>
      <label>${t('tkCheckpoint')}<select name="checkpoint"><option value="">${t('tkWholeTask')}</option>${cps.map((x) => html`<option value="${x.id}">${x.label}</option>`)}</select></label>
      <label>${t('tkReason')}<textarea name="reason" rows="2" required data-testid="extend-reason"></textarea></label>
      <label>${t('tkProgressSoFar')}<textarea name="progress" rows="2"></textarea></label>
      <button type="submit" class="primary" data-testid="extend-submit">${t('tkFormExtend')}</button></form>`);
  }
  if (c.verify) {
    forms.push(html`<form class="act tk-form" data-action="close" data-testid="form-close"><h4>${t('tkFormClose')}</h4>
      <label>${t('tkNote')}<textarea name="note" rows="2" data-testid="close-note"></textarea></label>
      <button type="submit" class="primary" data-testid="close-submit">${t('tkFormClose')}</button></form>`);
    forms.push(html`<form class="act tk-form" data-action="return" data-testid="form-return"><h4>${t('tkFormReturn')}</h4>
      <label>${t('tkReasons')}<textarea name="reasons" rows="3" data-testid="return-reasons"></textarea></label>
      <button type="submit" data-testid="return-submit">${t('tkFormReturn')}</button></form>`);
  }
  if (c.decide_extension) {
    forms.push(html`<form class="act tk-form" data-action="decide_extension" data-testid="form-decide"><h4>${t('tkFormDecide')}</h4>
      <label>${t('tkDecideNote')}<textarea name="note" rows="2" data-testid="decide-note"></textarea></label>
      <div class="row"><button type="submit" name="approved" value="true" class="primary" data-testid="decide-approve">${t('tkApprove')}</button>
      <button type="submit" name="approved" value="false" data-testid="decide-refuse">${t('tkRefuse')}</button></div></form>`);
  }
  if (c.escalate && v.escalations_due.length) {
    forms.push(html`<form class="act tk-form" data-action="escalate" data-testid="form-escalate"><h4>${t('tkFormEscalate')}</h4>
      <p>${escDue(v)}</p><button type="submit" data-testid="escalate-submit">${t('tkEscalateDo')}</button></form>`);
  }
  return forms.length ? html`<div class="tk-forms">${forms}</div>` : html`<p class="muted" data-testid="task-readonly">${t('tkReadOnly')}</p>`;
}

/** The task's own timeline: the task and its targets/milestones. */
export function taskBars(v: TaskView): Bar[] {
  const r = v.row;
  return [{
    id: r.id, label: title(r), start: r.start, end: r.due, light: r.light, progress: r.progress,
    marks: v.checkpoints.filter((c) => c.kind !== 'task').map((c) => ({ date: c.deadline, label: c.label, met: c.met !== null })),
  }];
}

// ---------------------------------------------------------------- inbox

const INBOX_ORDER: InboxKind[] = ['overdue', 'escalated', 'returned', 'to_verify', 'to_decide', 'behind', 'due_soon'];
const INBOX_KEY: Record<InboxKind, Key> = {
  overdue: 'ibOverdue', escalated: 'ibEscalated', returned: 'ibReturned', due_soon: 'ibDueSoon', behind: 'ibBehind', to_verify: 'ibToVerify', to_decide: 'ibToDecide',
};

export function inboxView(ib: InboxView, date: string): Markup {
  const head = html`<h2>${t('tkInboxTitle')} <span class="muted">${tf('tkInboxFor', { o: ib.org_name || ib.org || '', d: ib.date })}</span></h2>
    <form class="tk-filters" data-testid="inbox-date"><label>${t('tkAsOf')} <input type="date" name="date" value="${date || ib.date}"></label>
    <button type="submit" class="primary">${t('tkShow')}</button></form>`;
  if (ib.items.length === 0) return html`${head}<p class="muted" data-testid="inbox-empty">${t('tkInboxEmpty')}</p>`;
  const kinds = INBOX_ORDER.filter((k) => ib.items.some((i) => i.kind === k));
  return html`${head}${kinds.map((k) => {
    const items = ib.items.filter((i) => i.kind === k);
    return html`<section class="card tk-inbox" data-testid="inbox-${k}"><h3>${t(INBOX_KEY[k])} <span class="muted">${items.length}</span></h3><ul>${items.map((i) => html`<li data-testid="inbox-item-${i.task}">
      <a href="${taskHref(i.task, date)}" data-testid="inbox-link-${k}-${i.task}"><b>${i.task}</b> ${i.title}</a>
      <span class="muted">${tx(i)} · ${t('tkDue')} ${i.due} · ${tf('tkSince', { d: i.since })}</span></li>`)}</ul></section>`;
  })}`;
}
