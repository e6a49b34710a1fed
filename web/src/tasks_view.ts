// 挂图作战 rendering: pure HTML/SVG builders for the task board (#/tasks), one task (#/tasks/ID)
// and the inbox (#/inbox). Wiring (loading, forms, the map) lives in tasks_page.ts.

import type { BoardView, CheckpointView, DivisionLight, EventView, InboxView, InboxKind, LightCount, SummaryView, TaskRow, TaskView } from './api';
import { api } from './api';
import { getLang, t, tf, tx, type Key } from './i18n';
import { esc } from './panels';

export const LIGHTS = ['red', 'yellow', 'blue', 'green', 'done'] as const;
export type Light = typeof LIGHTS[number];
export const LIGHT_COLOR: Record<string, string> = { red: '#d7191c', yellow: '#f0b400', blue: '#2b83ba', green: '#1a9641', done: '#8c8c8c' };
const LIGHT_KEY: Record<Light, Key> = { red: 'tkRed', yellow: 'tkYellow', blue: 'tkBlue', green: 'tkGreen', done: 'tkDone' };

export const lightLabel = (id: string): string => (id in LIGHT_KEY ? t(LIGHT_KEY[id as Light]) : id);
export const dot = (light: string, testid = ''): string =>
  `<span class="tk-dot tk-${esc(light)}" title="${esc(lightLabel(light))}"${testid ? ` data-testid="${testid}" data-light="${esc(light)}"` : ''}></span>`;
export const pct = (x: number): string => `${Math.round(Math.max(0, Math.min(1, x)) * 100)}%`;
export const title = (r: { title: string; title_en: string }): string => (getLang() === 'en' && r.title_en ? r.title_en : r.title);
const status = (r: TaskRow): string => (getLang() === 'zh' ? r.status_zh : r.status_en);
export const taskHref = (id: string, date = ''): string => `#/tasks/${encodeURIComponent(id)}${date ? `?date=${date}` : ''}`;

export function syntheticTag(on: boolean): string {
  return on ? `<span class="tag" data-testid="synthetic" title="${esc(t('tkSyntheticNote'))}">${t('tkSynthetic')}</span>` : '';
}

/** The coloured chips: one per light with its count (a link toggling the light filter); `prefix` prefixes the test ids. */
export function lightChips(b: { lights: LightCount[] }, href: (light: string) => string, active: string, prefix = ''): string {
  const count = new Map(b.lights.map((l) => [l.light.id, l.count]));
  return `<div class="tk-chips" data-testid="${prefix}light-chips">${LIGHTS.map((l) => `<a class="tk-chip tk-${l} ${active === l ? 'on' : ''}" href="${href(active === l ? '' : l)}"
    data-testid="${prefix}light-${l}" data-count="${count.get(l) ?? 0}"><b class="n">${count.get(l) ?? 0}</b><span>${esc(lightLabel(l))}</span></a>`).join('')}</div>`;
}

/** The filter form: date, group, unit, light; `clear` is where 清除筛选 leads. */
export function filterForm(b: BoardView, q: { date: string; group: string; unit: string; light: string }, clear = '#/tasks'): string {
  const opt = (v: string, label: string, cur: string) => `<option value="${esc(v)}" ${v === cur ? 'selected' : ''}>${esc(label)}</option>`;
  return `<form class="tk-filters" data-testid="tk-filters">
    <label>${t('tkAsOf')} <input type="date" name="date" value="${esc(q.date || b.date)}" data-testid="tk-date"></label>
    <label>${t('tkGroup')} <select name="group" data-testid="tk-group">${opt('', t('tkAll'), q.group)}${b.groups.map((g) => opt(g, g, q.group)).join('')}</select></label>
    <label>${t('tkUnit')} <select name="unit" data-testid="tk-unit">${opt('', t('tkAll'), q.unit)}${b.units.map(([c, n]) => opt(c, n, q.unit)).join('')}</select></label>
    <label>${t('tkLight')} <select name="light" data-testid="tk-light">${opt('', t('tkAll'), q.light)}${LIGHTS.map((l) => opt(l, lightLabel(l), q.light)).join('')}</select></label>
    <button type="submit" class="primary" data-testid="tk-apply">${t('tkShow')}</button>
    <a href="${esc(clear)}" class="button" data-testid="tk-clear">${t('tkClear')}</a>
  </form>`;
}

function progressBar(progress: number, schedule: number): string {
  const behind = progress + 1e-9 < schedule;
  return `<div class="tk-bar ${behind ? 'behind' : ''}" title="${t('tkSchedule')} ${pct(schedule)}"><span style="width:${pct(progress)}"></span><i style="left:${pct(schedule)}"></i></div>
    <span class="tk-pct">${pct(progress)}</span>`;
}

/** The tree table of tasks (indented by level); the acting organisation's tasks marked. */
export function taskTable(b: BoardView, date: string): string {
  if (b.rows.length === 0) return `<p class="muted" data-testid="tk-empty">${t('tkNoRows')}</p>`;
  const depth: Record<string, number> = { task: 0, subtask: 1, item: 2 };
  return `<div class="scroll-x"><table class="tk-table" data-testid="task-table"><thead><tr>
    <th></th><th>${t('tkId')}</th><th>${t('tkTask')}</th><th>${t('tkLead')}</th><th>${t('tkDue')}</th><th>${t('tkProgress')}</th><th>${t('tkStatus')}</th></tr></thead>
    <tbody>${b.rows.map((r) => `<tr class="tk-row lv-${esc(r.level)} ${r.mine ? 'mine' : ''}" data-testid="task-row-${esc(r.id)}" data-id="${esc(r.id)}" data-light="${esc(r.light)}" data-mine="${r.mine}" data-divisions="${esc(r.divisions.join(' '))}">
      <td>${dot(r.light)}${r.subtree_light !== r.light ? `<span class="tk-sub" title="${esc(lightLabel(r.subtree_light))}">${dot(r.subtree_light)}</span>` : ''}</td>
      <td class="tk-id"><a href="${taskHref(r.id, date)}">${esc(r.id)}</a></td>
      <td class="tk-title" style="padding-left:${6 + 18 * (depth[r.level] ?? 0)}px">${esc(title(r))}${r.mine ? ` <span class="tk-mine" data-testid="mine-${esc(r.id)}">${t('tkMine')}</span>` : ''}</td>
      <td>${esc(r.lead)}</td><td class="nowrap">${esc(r.due)}</td>
      <td class="tk-prog">${progressBar(r.progress, r.schedule)}</td>
      <td class="nowrap" data-testid="row-status-${esc(r.id)}">${esc(status(r))}</td></tr>`).join('')}</tbody></table></div>`;
}

export interface Bar { id: string; label: string; start: string; end: string; light: string; progress: number; marks: { date: string; label: string; met: boolean }[] }

const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** A Gantt-style SVG: one bar per task from start to due, the date's line, milestones as diamonds. */
export function timeline(bars: Bar[], asOf: string, date = ''): string {
  if (bars.length === 0) return '';
  const days = bars.flatMap((b) => [day(b.start), day(b.end), ...b.marks.map((m) => day(m.date))]).concat(day(asOf)).filter(Number.isFinite);
  const lo = Math.min(...days) - 15;
  const hi = Math.max(...days) + 15;
  const W = 1000, L = 190, R = 10, H = 18, top = 22;
  const x = (d: string) => L + ((day(d) - lo) / (hi - lo)) * (W - L - R);
  const height = top + bars.length * H + 6;
  const y0 = new Date(lo * 86_400_000).getUTCFullYear();
  const y1 = new Date(hi * 86_400_000).getUTCFullYear();
  const years: string[] = [];
  for (let y = y0 + 1; y <= y1; y++) {
    const xx = x(`${y}-01-01`);
    years.push(`<line x1="${xx}" x2="${xx}" y1="${top - 4}" y2="${height}" class="grid"/><text x="${xx + 3}" y="${top - 8}" class="yr">${y}</text>`);
  }
  const rows = bars.map((b, i) => {
    const y = top + i * H;
    const x0 = x(b.start), x1 = Math.max(x(b.end), x0 + 2);
    return `<g class="tl-row" data-testid="tl-${esc(b.id)}"><a href="${taskHref(b.id, date)}"><text x="4" y="${y + 12}" class="lbl" clip-path="url(#tl-clip)">${esc(b.id)} ${esc(b.label)}</text></a>
      <rect x="${x0}" y="${y + 3}" width="${x1 - x0}" height="${H - 7}" rx="2" fill="${LIGHT_COLOR[b.light] ?? '#999'}" fill-opacity="0.28" stroke="${LIGHT_COLOR[b.light] ?? '#999'}"/>
      <rect x="${x0}" y="${y + 3}" width="${(x1 - x0) * Math.max(0, Math.min(1, b.progress))}" height="${H - 7}" rx="2" fill="${LIGHT_COLOR[b.light] ?? '#999'}"/>
      ${b.marks.map((m) => { const mx = x(m.date), my = y + H / 2 - 1; return `<path d="M${mx} ${my - 5}L${mx + 5} ${my}L${mx} ${my + 5}L${mx - 5} ${my}Z" class="ms ${m.met ? 'met' : ''}"><title>${esc(m.label)} ${esc(m.date)}</title></path>`; }).join('')}
      <title>${esc(b.label)}: ${esc(b.start)} – ${esc(b.end)} · ${pct(b.progress)}</title></g>`;
  }).join('');
  const tx0 = x(asOf);
  const right = tx0 > W * 0.75;
  return `<svg class="tk-timeline" data-testid="timeline" viewBox="0 0 ${W} ${height}" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${t('tkTimeline')}">
    <defs><clipPath id="tl-clip"><rect x="0" y="0" width="${L - 8}" height="${height}"/></clipPath></defs>
    ${years.join('')}${rows}
    <line x1="${tx0}" x2="${tx0}" y1="${top - 16}" y2="${height}" class="today" data-testid="timeline-today"/>
    <text x="${right ? tx0 - 4 : tx0 + 3}" y="${top - 14}" text-anchor="${right ? 'end' : 'start'}" class="today-t">${t('tkTodayLine')} ${esc(asOf)}</text></svg>`;
}

/** A summary table (by unit or by group). */
export function summaryTable(rows: SummaryView[], head: string, testid: string): string {
  return `<div class="scroll-x"><table class="tk-sum" data-testid="${testid}"><thead><tr><th>${esc(head)}</th>${LIGHTS.map((l) => `<th title="${esc(lightLabel(l))}">${dot(l)}</th>`).join('')}
    <th>${t('tkTotal')}</th><th>${t('tkMean')}</th></tr></thead><tbody>${rows.map((s) => `<tr data-key="${esc(s.key)}"><td>${esc(s.name)}</td>
    ${LIGHTS.map((l) => `<td class="num ${s[l] > 0 ? `c-${l}` : 'zero'}">${s[l]}</td>`).join('')}<td class="num">${s.total}</td><td class="num">${pct(s.mean_progress)}</td></tr>`).join('')}</tbody></table></div>`;
}

/** The divisions' lights when the jurisdiction has no boundaries. */
export function divisionGrid(divs: DivisionLight[]): string {
  return `<p class="muted" data-testid="no-geometry">${t('tkNoGeometry')}</p>
    <div class="tk-grid" data-testid="division-grid">${divs.map((d) => `<div class="tk-cell tk-${esc(d.light)}" data-testid="division-${esc(d.code)}" data-light="${esc(d.light)}" title="${esc(lightLabel(d.light))}">
      <strong>${esc(d.name || d.code)}</strong>${d.name ? `<span>${esc(d.code)}</span>` : ''}<span>${tf('tkTasksN', { n: d.tasks })}</span></div>`).join('')}</div>`;
}

export function legend(): string {
  return `<div class="tk-legend">${LIGHTS.map((l) => `<span>${dot(l)}${esc(lightLabel(l))}</span>`).join('')}<span><i class="sw none"></i>${t('tkNotConcerned')}</span></div>`;
}

// ---------------------------------------------------------------- one task

const num = (v: number | null): string => (v === null ? '–' : v.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }));
const KIND_KEY: Record<string, Key> = { task: 'tkKindTask', target: 'tkKindTarget', milestone: 'tkKindMilestone' };

const colon = (): string => (getLang() === 'zh' ? '：' : ': ');

export function taskHeader(v: TaskView, date: string): string {
  const r = v.row;
  return `<div class="tk-head"><h2>${dot(r.light, 'task-light')} <span class="tk-hid">${esc(r.id)}</span> ${esc(title(r))} ${syntheticTag(r.synthetic)}</h2>
    <p class="tk-meta"><span class="tk-badge tk-${esc(r.light)}" data-testid="task-light-label">${esc(lightLabel(r.light))}</span>
      <span class="tk-status" data-testid="task-status" data-status="${esc(r.status)}">${esc(status(r))}</span>
      <span>${t('tkLead')}${colon()}${esc(r.lead)}</span><span>${t('tkDue')}${colon()}${esc(r.due)}</span>
      <span>${t('tkProgress').replace(/（.*|\s\(.*/, '')}${colon()}${pct(r.progress)} / ${t('tkSchedule')} ${pct(r.schedule)}</span></p>
    <dl class="tk-dl">
      <dt>${t('tkDescription')}</dt><dd>${esc(v.description)}</dd>
      ${v.basis ? `<dt>${t('tkBasis')}</dt><dd>${esc(v.basis)}</dd>` : ''}
      ${v.participants ? `<dt>${t('tkParticipants')}</dt><dd>${esc(v.participants)}</dd>` : ''}
      <dt>${t('tkSupervisor')}</dt><dd>${esc(v.supervisor)}</dd>
      ${r.parent ? `<dt>${t('tkParent')}</dt><dd><a href="${taskHref(r.parent, date)}" data-testid="task-parent">${esc(r.parent)}</a></dd>` : ''}
      ${v.children.length ? `<dt>${t('tkChildren')}</dt><dd>${v.children.map((c) => `<a href="${taskHref(c, date)}">${esc(c)}</a>`).join('、')}</dd>` : ''}
    </dl>
    ${v.reported_by && r.status === 'reported' ? `<p class="tk-note" data-testid="task-reported">${esc(tf('tkReportedBy', { a: v.reported_by }))}</p>` : ''}
    ${v.pending_extension !== null ? `<p class="tk-note" data-testid="task-pending-ext">${esc(tf('tkPendingExt', { n: v.pending_extension }))}</p>` : ''}
    ${v.escalations_due.length ? `<p class="tk-note warn" data-testid="task-esc-due">${esc(tf('tkEscDue', { s: escDue(v) }))}</p>` : ''}</div>`;
}

/** The escalation steps due, each with the deadline it concerns, in the UI language. */
function escDue(v: TaskView): string {
  const zh = getLang() === 'zh';
  return v.escalations_due
    .map((s) => (zh ? `${s.step.zh}（${s.concerns.zh} ${s.deadline}）` : `${s.step.en} (${s.concerns.en} ${s.deadline})`))
    .join(zh ? '、' : '; ');
}

export function checkpointTable(cps: CheckpointView[]): string {
  return `<div class="scroll-x"><table class="tk-cp" data-testid="checkpoints"><thead><tr><th>${t('tkKind')}</th><th>${t('tkTask')}</th><th>${t('tkTarget')}</th>
    <th>${t('tkReached')}</th><th>${t('tkDeadline')}</th><th>${t('tkProgress')}</th></tr></thead><tbody>${cps.map((c) => `<tr data-testid="cp-${esc(c.kind)}-${esc(c.id)}">
    <td>${t(KIND_KEY[c.kind] ?? 'tkKindTask')}</td><td>${esc(c.label)}${c.met ? ` <span class="ok">${esc(tf('tkMet', { d: c.met }))}</span>` : ''}</td>
    <td class="num">${c.value === null ? '' : `${num(c.value)} ${esc(c.unit)}`}${c.baseline !== null ? `<br><span class="muted">${t('before')} ${num(c.baseline)}</span>` : ''}</td>
    <td class="num">${c.reached === null ? '' : `${num(c.reached)} ${esc(c.unit)}`}</td><td class="nowrap">${esc(c.deadline)}</td>
    <td class="tk-prog">${progressBar(c.fraction, c.expected)}</td></tr>`).join('')}</tbody></table></div>`;
}

export function historyList(id: string, h: EventView[]): string {
  if (h.length === 0) return `<p class="muted">${t('tkNoHistory')}</p>`;
  return `<ol class="tk-history" data-testid="history">${h.map((e) => `<li class="ev-${esc(e.kind)}" data-testid="event-${e.seq}" data-kind="${esc(e.kind)}">
    <span class="at">${esc(e.at)}</span> <span class="who">${esc(e.org)} · ${esc(e.account)}</span>
    <div class="what">${esc(getLang() === 'zh' ? e.zh : e.en)}</div>
    ${e.files.length ? `<ul class="files">${e.files.map(([name, sha]) => `<li><a href="${api.evidenceUrl(id, sha)}" download="${esc(name)}" data-testid="evidence-link" data-sha="${esc(sha)}">${esc(name)}</a></li>`).join('')}</ul>` : ''}</li>`).join('')}</ol>`;
}

/** The report form (progress or done): a value per target, milestones, text, evidence. */
function reportForm(kind: 'progress' | 'done', v: TaskView): string {
  const targets = v.checkpoints.filter((c) => c.kind === 'target');
  const milestones = v.checkpoints.filter((c) => c.kind === 'milestone');
  return `<form class="act tk-form" data-action="${kind}" data-testid="form-${kind}"><h4>${t(kind === 'done' ? 'tkFormDone' : 'tkFormProgress')}</h4>
    ${targets.map((c) => `<label>${esc(tf('tkValue', { l: c.label, u: c.unit || '–' }))}
      <input type="number" step="any" name="value:${esc(c.id)}" value="${c.reached ?? ''}" data-testid="${kind}-value-${esc(c.id)}"></label>`).join('')}
    ${milestones.length ? `<fieldset><legend>${t('tkMilestonesMet')}</legend>${milestones.map((c) => `<label class="inline"><input type="checkbox" name="milestone" value="${esc(c.id)}" ${c.met ? 'checked disabled' : ''}> ${esc(c.label)}</label>`).join('')}</fieldset>` : ''}
    <label>${t('tkText')}<textarea name="text" rows="3" required data-testid="${kind}-text"></textarea></label>
    <label>${t('tkEvidence')}<input type="file" name="file" multiple data-testid="${kind}-file"></label>
    <button type="submit" class="primary" data-testid="${kind}-submit">${t(kind === 'done' ? 'tkFormDone' : 'tkFormProgress')}</button></form>`;
}

/** The action forms the account may use (`can`). */
export function actionForms(v: TaskView): string {
  const c = v.can;
  const forms: string[] = [];
  if (c.report) {
    forms.push(reportForm('progress', v), reportForm('done', v));
    const cps = v.checkpoints.filter((x) => x.kind !== 'task' && !x.met);
    forms.push(`<form class="act tk-form" data-action="extend" data-testid="form-extend"><h4>${t('tkFormExtend')}</h4>
      <label>${t('tkNewDate')}<input type="date" name="new_date" required data-testid="extend-date"></label>
      <label>${t('tkCheckpoint')}<select name="checkpoint"><option value="">${t('tkWholeTask')}</option>${cps.map((x) => `<option value="${esc(x.id)}">${esc(x.label)}</option>`).join('')}</select></label>
      <label>${t('tkReason')}<textarea name="reason" rows="2" required data-testid="extend-reason"></textarea></label>
      <label>${t('tkProgressSoFar')}<textarea name="progress" rows="2"></textarea></label>
      <button type="submit" class="primary" data-testid="extend-submit">${t('tkFormExtend')}</button></form>`);
  }
  if (c.verify) {
    forms.push(`<form class="act tk-form" data-action="close" data-testid="form-close"><h4>${t('tkFormClose')}</h4>
      <label>${t('tkNote')}<textarea name="note" rows="2" data-testid="close-note"></textarea></label>
      <button type="submit" class="primary" data-testid="close-submit">${t('tkFormClose')}</button></form>`);
    forms.push(`<form class="act tk-form" data-action="return" data-testid="form-return"><h4>${t('tkFormReturn')}</h4>
      <label>${t('tkReasons')}<textarea name="reasons" rows="3" data-testid="return-reasons"></textarea></label>
      <button type="submit" data-testid="return-submit">${t('tkFormReturn')}</button></form>`);
  }
  if (c.decide_extension) {
    forms.push(`<form class="act tk-form" data-action="decide_extension" data-testid="form-decide"><h4>${t('tkFormDecide')}</h4>
      <label>${t('tkDecideNote')}<textarea name="note" rows="2" data-testid="decide-note"></textarea></label>
      <div class="row"><button type="submit" name="approved" value="true" class="primary" data-testid="decide-approve">${t('tkApprove')}</button>
      <button type="submit" name="approved" value="false" data-testid="decide-refuse">${t('tkRefuse')}</button></div></form>`);
  }
  if (c.escalate && v.escalations_due.length) {
    forms.push(`<form class="act tk-form" data-action="escalate" data-testid="form-escalate"><h4>${t('tkFormEscalate')}</h4>
      <p>${esc(escDue(v))}</p><button type="submit" data-testid="escalate-submit">${t('tkEscalateDo')}</button></form>`);
  }
  return forms.length ? `<div class="tk-forms">${forms.join('')}</div>` : `<p class="muted" data-testid="task-readonly">${t('tkReadOnly')}</p>`;
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

export function inboxView(ib: InboxView, date: string): string {
  const head = `<h2>${t('tkInboxTitle')} <span class="muted">${esc(tf('tkInboxFor', { o: ib.org_name || ib.org || '', d: ib.date }))}</span></h2>
    <form class="tk-filters" data-testid="inbox-date"><label>${t('tkAsOf')} <input type="date" name="date" value="${esc(date || ib.date)}"></label>
    <button type="submit" class="primary">${t('tkShow')}</button></form>`;
  if (ib.items.length === 0) return `${head}<p class="muted" data-testid="inbox-empty">${t('tkInboxEmpty')}</p>`;
  const kinds = INBOX_ORDER.filter((k) => ib.items.some((i) => i.kind === k));
  return head + kinds.map((k) => {
    const items = ib.items.filter((i) => i.kind === k);
    return `<section class="card tk-inbox" data-testid="inbox-${k}"><h3>${t(INBOX_KEY[k])} <span class="muted">${items.length}</span></h3><ul>${items.map((i) => `<li data-testid="inbox-item-${esc(i.task)}">
      <a href="${taskHref(i.task, date)}" data-testid="inbox-link-${k}-${esc(i.task)}"><b>${esc(i.task)}</b> ${esc(i.title)}</a>
      <span class="muted">${esc(tx(i))} · ${t('tkDue')} ${esc(i.due)} · ${esc(tf('tkSince', { d: i.since }))}</span></li>`).join('')}</ul></section>`;
  }).join('');
}
