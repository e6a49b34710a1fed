// 风险清单 and 群众诉求 rendering: pure builders, with html`` (every value escaped unless it is markup),
// for #/risks and #/feedback (the wiring, loading and forms' submission live in registers_page.ts). Nothing here offers to delete or
// hide a record: both registers only grow (a correction adds a version).

import type { CountView, FeedbackImport, FeedbackRow, FeedbackStats, FeedbackView, RiskRow, RisksView } from './api';
import { html, type Markup } from './html';
import { getLang, t, tf, tx, type Key } from './i18n';

export const CATEGORIES: [string, Key][] = [
  ['cadres', 'catCadres'], ['petitions', 'catPetitions'], ['project_owners', 'catProjectOwners'], ['market_entities', 'catMarketEntities'],
  ['assets_debts', 'catAssetsDebts'], ['public_services', 'catPublicServices'], ['other', 'catOther'],
];
export const LEVELS: [string, Key][] = [['major', 'lvMajor'], ['significant', 'lvSignificant'], ['general', 'lvGeneral']];
export const CHANNELS: [string, Key][] = [['hotline12345', 'chHotline'], ['online', 'chOnline'], ['letter', 'chLetter'], ['visit', 'chVisit']];
export const TOPICS: [string, Key][] = [
  ['policies', 'tpPolicies'], ['services', 'tpServices'], ['education_health', 'tpEducationHealth'], ['transport', 'tpTransport'],
  ['division', 'tpDivision'], ['other', 'tpOther'],
];
export const SATISFACTION: [string, Key][] = [['satisfied', 'saSatisfied'], ['fair', 'saFair'], ['unsatisfied', 'saUnsatisfied'], ['unreachable', 'saUnreachable']];

/** html`<option>`s of an id → label list (both languages: the Chinese label first). */
export const options = (list: [string, Key][], selected = '', blank?: string): Markup =>
  html`${blank !== undefined ? html`<option value="">${blank}</option>` : ''}${list.map(([id, k]) => html`<option value="${id}" ${id === selected ? 'selected' : ''}>${t(k)}</option>`)}`;

const colon = (): string => (getLang() === 'zh' ? '：' : ': ');
const today = (): string => new Date().toISOString().slice(0, 10);
const nowMinute = (): string => { const d = new Date(); const p = (n: number) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`; };

export function syntheticTag(on: boolean, note: Key): Markup | '' {
  return on ? html`<span class="tag" data-testid="synthetic" title="${t(note)}">${t('tkSynthetic')}</span>` : '';
}

/** A form of the registers: `data-action` names what it does, `data-id` the record. */
function form(action: string, id: string, heading: string, body: Markup, primary = true): Markup {
  return html`<form class="act tk-form reg-form" data-action="${action}" data-id="${id}" data-testid="form-${action}"><h4>${heading}</h4>
    ${body}<button type="submit" class="${primary ? 'primary' : ''}" data-testid="${action}-submit">${heading}</button></form>`;
}

const area = (name: string, label: string, testid: string, required = true, rows = 2): Markup =>
  html`<label>${label}<textarea name="${name}" rows="${rows}" ${required ? 'required' : ''} data-testid="${testid}"></textarea></label>`;

// ---------------------------------------------------------------- 风险清单

export const levelBadge = (r: { level: { id: string; zh: string; en: string } }): Markup =>
  html`<span class="rk-level rk-${r.level.id}" data-level="${r.level.id}">${tx(r.level)}</span>`;
const overdueBadge = (on: boolean): Markup | '' => (on ? html` <span class="rk-overdue" data-testid="overdue">${t('rkOverdue')}</span>` : '');

export function riskTable(v: RisksView, selected: string): Markup {
  if (v.risks.length === 0) return html`<p class="muted" data-testid="risks-empty">${t('rkNone')}</p>`;
  return html`<div class="scroll-x"><table class="tk-table rk-table" data-testid="risk-list"><thead><tr><th>${t('rkLevel')}</th><th>${t('tkId')}</th>
    <th>${t('rkCategory')}</th><th>${t('rkRiskTitle')}</th><th>${t('rkOwner')}</th><th>${t('rkDeadline')}</th><th>${t('rkStatus')}</th></tr></thead>
    <tbody>${v.risks.map((r) => html`<tr class="tk-row rk-row ${r.id === selected ? 'sel' : ''} ${r.can_report || r.can_verify ? 'mine' : ''}" data-id="${r.id}" data-testid="risk-row-${r.id}" data-status="${r.status.id}">
      <td>${levelBadge(r)}</td><td class="tk-id nowrap"><a href="#/risks" data-id="${r.id}">${r.id}</a></td><td>${tx(r.category)}</td>
      <td class="tk-title">${r.title}</td><td>${r.owner}</td><td class="nowrap">${r.deadline}${overdueBadge(r.overdue)}</td>
      <td class="rk-st" data-testid="risk-status-${r.id}">${tx(r.status)}</td></tr>`)}</tbody></table></div>`;
}

export function riskSummary(v: RisksView): Markup {
  if (v.table.length === 0) return html``;
  const cell = (n: number, cls: string) => html`<td class="num ${n > 0 ? cls : 'zero'}">${n}</td>`;
  return html`<div class="scroll-x"><table class="tk-sum rk-sum" data-testid="risk-table"><thead><tr><th>${t('rkUnit')}</th><th>${t('rkLevel')}</th>
    ${(['rkTotal', 'rkOpen', 'rkReported', 'rkClosed', 'rkOverdue'] as Key[]).map((k) => html`<th class="num">${t(k)}</th>`)}</tr></thead>
    <tbody>${v.table.map((l) => html`<tr data-unit="${l.unit}" data-level="${l.level.id}"><td>${l.unit}</td><td>${levelBadge(l)}</td>
      <td class="num">${l.total}</td>${cell(l.open, '')}${cell(l.reported, 'c-blue')}<td class="num" data-col="closed">${l.closed}</td>${cell(l.overdue, 'c-red')}</tr>`)}</tbody>
</table></div>`;
}

function riskForms(r: RiskRow, office: boolean): Markup {
  const forms: Markup[] = [];
  if (r.can_report) {
    forms.push(form('update', r.id, t('rkFormUpdate'), area('text', t('rkText'), 'update-text', true, 3)));
    forms.push(form('resolved', r.id, t('rkFormResolved'), area('text', t('rkText'), 'resolved-text', true, 3)));
  }
  if (r.can_verify) {
    forms.push(form('close', r.id, t('rkFormClose'), area('note', t('rkNote'), 'close-note', false)));
    forms.push(form('return', r.id, t('rkFormReturn'), area('reason', t('rkReason'), 'return-reason', false, 3), false));
  }
  if (r.status.id !== 'closed' && (office || r.can_report)) {
    forms.push(form('measure', r.id, t('rkFormMeasure'), html`${area('text', t('rkMeasureText'), 'measure-text')}
      <label>${t('rkOwnerCode')}<input name="owner" required value="${r.owner_code}" data-testid="measure-owner"></label>
      <label>${t('rkDue')}<input type="date" name="due" required data-testid="measure-due"></label>`, false));
  }
  if (office && r.status.id !== 'closed') {
    forms.push(form('relevel', r.id, t('rkFormRelevel'), html`<label>${t('rkLevel')}<select name="level" data-testid="relevel-level">${options(LEVELS, r.level.id)}</select></label>
      ${area('reason', t('rkReason'), 'relevel-reason')}`, false));
  }
  return forms.length ? html`<div class="tk-forms">${forms}</div>` : html`<p class="muted" data-testid="risk-readonly">${t('rkReadOnly')}</p>`;
}

export function riskDetail(r: RiskRow | undefined, office: boolean): Markup {
  if (!r) return html`<p class="muted">${t('rkPick')}</p>`;
  const dl = (k: Key, v: string) => (v ? html`<dt>${t(k)}</dt><dd>${v}</dd>` : '');
  return html`<div class="rk-detail" data-testid="risk-detail" data-id="${r.id}">
    <h3>${levelBadge(r)} <span class="tk-hid">${r.id}</span> ${r.title} ${syntheticTag(r.synthetic, 'rkSyntheticNote')}</h3>
    <p class="tk-meta"><span class="tk-status" data-testid="risk-status" data-status="${r.status.id}">${tx(r.status)}</span>${overdueBadge(r.overdue)}
      <span>${t('rkCategory')}${colon()}${tx(r.category)}</span><span>${t('rkOwner')}${colon()}${r.owner}</span>
      <span>${t('rkDeadline')}${colon()}${r.deadline}</span></p>
    ${r.status.id === 'reported' ? html`<p class="tk-note" data-testid="risk-awaiting">${t('rkAwaiting')}</p>` : ''}
    <dl class="tk-dl">${dl('rkDescription', r.description)}${dl('rkIdentified', r.identified)}${dl('rkSupervisor', r.supervisor)}
      ${dl('rkUnits', r.units.join('、'))}${dl('rkDivisions', r.divisions.join('、'))}${dl('rkTasks', r.tasks.join('、'))}</dl>
    <div class="tk-detail">
      <div><h4>${t('rkMeasures')}</h4>${r.measures.length ? html`<ol class="rk-measures" data-testid="risk-measures">${r.measures.map((m) => html`<li>${m.text}
        <span class="muted">${m.owner} · ${t('rkDue')} ${m.due}</span></li>`)}</ol>` : html`<p class="muted">${t('rkNoMeasures')}</p>`}
      <h4>${t('rkHistory')}</h4>${r.history.length ? html`<ol class="tk-history" data-testid="risk-history">${r.history.map((e) => html`<li>
        <span class="at">${e.at}</span> <span class="who">${e.org} · ${e.account}</span><div class="what">${tx(e)}</div></li>`)}</ol>`
        : html`<p class="muted">${t('rkNoHistory')}</p>`}</div>
      <div class="tk-actions"><h4>${t('rkActions')}</h4>${riskForms(r, office)}</div>
    </div></div>`;
}

export function newRiskForm(): Markup {
  return html`<details class="card reg-new" data-testid="risk-new"><summary><h3>${t('rkFormNew')}</h3></summary>
    <form class="act tk-form reg-form grid-form" data-action="new-risk" data-id="" data-testid="form-new-risk">
      <label>${t('rkNewTitle')}<input name="title" required data-testid="new-risk-title"></label>
      <label>${t('rkCategory')}<select name="category" data-testid="new-risk-category">${options(CATEGORIES)}</select></label>
      <label>${t('rkLevel')}<select name="level" data-testid="new-risk-level">${options(LEVELS, 'general')}</select></label>
      <label>${t('rkOwnerCode')}<input name="owner" required placeholder="130634-finance" data-testid="new-risk-owner"></label>
      <label>${t('rkDeadline')}<input type="date" name="deadline" required data-testid="new-risk-deadline"></label>
      <label>${t('rkNewUnits')}<input name="units"></label>
      <label>${t('rkNewDivisions')}<input name="divisions"></label>
      <label>${t('rkNewTasks')}<input name="tasks"></label>
      <label class="wide">${t('rkDescription')}<textarea name="description" rows="2"></textarea></label>
      <button type="submit" class="primary" data-testid="new-risk-submit">${t('rkFormNew')}</button></form></details>`;
}

// ---------------------------------------------------------------- 群众诉求

const hours = (h: number | null): string => (h === null ? '–' : tf('fbHours', { n: Math.round(h * 10) / 10 }));

/** Horizontal HTML bars (label, bar, count). */
export function bars(rows: CountView[], testid: string): Markup {
  if (rows.length === 0) return html`<p class="muted">–</p>`;
  const max = Math.max(1, ...rows.map((r) => r.count));
  return html`<div class="fb-bars" data-testid="${testid}">${rows.map((r) => html`<div class="fb-bar" data-key="${r.key}"><span class="l" title="${r.name}">${r.name}</span>
    <span class="b"><i style="width:${(100 * r.count) / max}%"></i></span><span class="n">${r.count}</span></div>`)}</div>`;
}

/** Vertical SVG columns by ISO week (labels: the week number; every other one when crowded). */
export function weekColumns(rows: CountView[]): Markup {
  if (rows.length === 0) return html`<p class="muted">–</p>`;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const W = 14, gap = 4, H = 70, top = 12, pad = 8, w = Math.max(200, pad + rows.length * (W + gap));
  const every = rows.length > 30 ? 4 : rows.length > 16 ? 2 : 1;
  return html`<svg class="fb-weeks" data-testid="fb-by-week" viewBox="0 0 ${w} ${top + H + 16}" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${t('fbByWeek')}">
    <line x1="0" x2="${pad + rows.length * (W + gap)}" y1="${top + H}" y2="${top + H}" class="axis"/>
    ${rows.map((r, i) => { const h = (H * r.count) / max; const x = pad + i * (W + gap); const cx = x + W / 2; return html`<g data-key="${r.key}"><rect x="${x}" y="${top + H - h}" width="${W}" height="${h}" rx="1.5"/>
      <text x="${cx}" y="${top + H - h - 2}" text-anchor="middle" class="n">${r.count}</text>
      ${i % every === 0 ? html`<text x="${cx}" y="${top + H + 11}" text-anchor="middle" class="wk">${r.name.replace(/^\d{4}-/, '')}</text>` : ''}<title>${r.name}: ${r.count}</title></g>`; })}</svg>`;
}

/** The name of a count: topic and satisfaction ids in the current language, else the server's. */
const countName = (list: [string, Key][]) => (c: CountView): CountView => {
  const k = list.find(([id]) => id === c.key)?.[1];
  return k ? { ...c, name: t(k) } : c;
};

export function feedbackStats(s: FeedbackStats): Markup {
  const fig = (label: Key, value: string, testid: string, cls = '') => html`<div class="fb-fig ${cls}"><b data-testid="${testid}">${value}</b><span>${t(label)}</span></div>`;
  return html`<div class="fb-figs">${fig('fbTotal', String(s.total), 'fb-total')}${fig('fbReplied', String(s.replied), 'fb-replied')}
    ${fig('fbMean', hours(s.mean_response_hours), 'fb-mean')}${fig('fbMedian', hours(s.median_response_hours), 'fb-median')}
    ${fig('fbOverdueOpen', String(s.overdue_open.length), 'fb-overdue', s.overdue_open.length ? 'warn' : '')}${fig('fbRepliedLate', String(s.replied_late.length), 'fb-late')}</div>
    <div class="fb-charts">
      <div><h4>${t('fbByTopic')}</h4>${bars(s.by_topic.map(countName(TOPICS)), 'fb-by-topic')}</div>
      <div><h4>${t('fbByWeek')}</h4>${weekColumns(s.by_week)}</div>
      <div><h4>${t('fbByUnit')}</h4>${bars(s.by_unit, 'fb-by-unit')}${s.satisfaction.length ? html`<h4>${t('fbSatisfaction')}</h4>${bars(s.satisfaction.map(countName(SATISFACTION)), 'fb-satisfaction')}` : ''}</div>
    </div>`;
}

export const fbStatus = (r: FeedbackRow): 'replied' | 'overdue' | 'open' => (r.reply !== null ? 'replied' : r.overdue ? 'overdue' : 'open');
const FB_STATUS_KEY: Record<string, Key> = { replied: 'fbStReplied', overdue: 'fbStOverdue', open: 'fbStOpen' };

function versionTable(r: FeedbackRow): Markup {
  return html`<div class="scroll-x"><table class="tk-cp fb-versions" data-testid="fb-versions-${r.id}"><thead><tr><th class="nowrap">${t('fbVersion')}</th><th>${t('fbAt')}</th><th>${t('fbAccount')}</th>
    <th>${t('fbOrg')}</th><th>${t('fbAction')}</th><th>${t('fbReason')}</th></tr></thead><tbody>${r.versions.map((x) => html`<tr data-version="${x.version}">
    <td class="num">${x.version}</td><td class="nowrap">${x.at}</td><td>${x.account}</td><td>${x.org}</td><td class="nowrap">${x.action}</td>
    <td>${x.reason}</td></tr>`)}</tbody></table></div>`;
}

function feedbackForms(r: FeedbackRow, manage: boolean): Markup | '' {
  const forms: Markup[] = [];
  if (r.can_reply) forms.push(form('reply', r.id, t('fbFormReply'), area('text', t('fbReply'), 'reply-text', true, 3)));
  if (manage) {
    forms.push(form('assign', r.id, t('fbFormAssign'), html`<label>${t('fbDepartment')}<input name="department" required list="fb-units" value="${r.assigned_code ?? ''}" data-testid="assign-department"></label>
      <label>${t('fbDeadline')}<input type="date" name="deadline" required value="${r.deadline ?? ''}" data-testid="assign-deadline"></label>`, false));
    forms.push(form('follow_up', r.id, t('fbFormFollow'), html`<label>${t('fbSatisfaction')}<select name="satisfaction" data-testid="follow-satisfaction">${options(SATISFACTION)}</select></label>
      ${area('note', t('fbNote'), 'follow-note', false)}`, false));
    forms.push(form('correct', r.id, t('fbFormCorrect'), html`<p class="tk-note" data-testid="correct-note">${t('fbCorrectNote')}</p>
      <label>${t('fbTopic')}<select name="topic" data-testid="correct-topic">${options(TOPICS, '', t('fbKeep'))}</select></label>
      <label>${t('fbDivision')}<input name="division" placeholder="${r.division ?? ''}" data-testid="correct-division"></label>
      <label>${t('fbUnit')}<input name="unit" list="fb-units" placeholder="${r.unit ?? ''}" data-testid="correct-unit"></label>
      ${area('reason', t('fbReason'), 'correct-reason')}`, false));
  }
  return forms.length ? html`<div class="tk-forms fb-forms">${forms}</div>` : '';
}

export function feedbackItem(r: FeedbackRow, manage: boolean, open: boolean): Markup {
  const st = fbStatus(r);
  const dl = (k: Key, v: string | null) => (v ? html`<dt>${t(k)}</dt><dd>${v}</dd>` : '');
  return html`<details class="fb-item st-${st}" data-testid="fb-item-${r.id}" data-id="${r.id}" data-status="${st}" ${open ? 'open' : ''}>
    <summary><span class="nowrap">${r.received}</span><span>${tx(r.channel)}</span><span>${tx(r.topic)}</span>
      <span class="c">${r.content}</span><span>${r.assigned ?? '–'}</span>
      <span class="fb-st fb-st-${st}" data-testid="fb-status-${r.id}">${t(FB_STATUS_KEY[st] ?? 'fbStOpen')}</span></summary>
    <div class="fb-body"><div>
      <dl class="tk-dl">${r.reference ? html`<dt>${t('fbReference')}</dt><dd>${r.reference} ${r.synthetic ? syntheticTag(true, 'fbSyntheticNote') : ''}</dd>` : ''}${dl('fbContent', r.content)}${dl('fbDivision', r.division)}${dl('fbUnit', r.unit)}
        ${dl('fbAssigned', r.assigned ? `${r.assigned}（${r.assigned_code ?? ''}）` : null)}${dl('fbDeadline', r.deadline)}
        ${dl('fbReply', r.reply)}${dl('fbRepliedAt', r.replied_at)}${dl('fbSatisfaction', r.satisfaction ? tx(r.satisfaction) : null)}</dl>
      <h4>${t('fbVersions')} <span class="muted">${r.versions.length}</span></h4>${versionTable(r)}</div>
      ${feedbackForms(r, manage)}</div></details>`;
}

export function feedbackList(v: FeedbackView, open: Set<string>): Markup {
  if (v.items.length === 0) return html`<p class="muted" data-testid="fb-empty">${t('fbNone')}</p>`;
  const units = v.stats.by_unit;
  return html`<datalist id="fb-units">${units.map((u) => html`<option value="${u.key}">${u.name}</option>`)}</datalist>
    <div class="fb-list" data-testid="fb-list"><div class="fb-head"><span>${t('fbReceived')}</span><span>${t('fbChannel')}</span><span>${t('fbTopic')}</span>
    <span>${t('fbContent')}</span><span>${t('fbAssigned')}</span><span>${t('fbStatus')}</span></div>
    ${v.items.map((r) => feedbackItem(r, v.can_manage, open.has(r.id)))}</div>`;
}

export function newFeedbackForm(scope: string): Markup {
  return html`<details class="card reg-new" data-testid="fb-new"><summary><h3>${t('fbFormNew')}</h3></summary>
    <form class="act tk-form reg-form grid-form" data-action="new-feedback" data-id="" data-testid="form-new-feedback">
      <label>${t('fbChannel')}<select name="channel">${options(CHANNELS)}</select></label>
      <label>${t('fbReceived')}<input name="received" required pattern="\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}" value="${nowMinute()}" data-testid="new-fb-received"></label>
      <label>${t('fbReference')}<input name="reference"></label>
      <label>${t('fbTopic')}<select name="topic">${options(TOPICS)}</select></label>
      <label>${t('fbDivision')}<input name="division" placeholder="${scope}101"></label>
      <label>${t('fbUnit')}<input name="unit" list="fb-units"></label>
      <label class="wide">${t('fbContent')}<textarea name="content" rows="2" required data-testid="new-fb-content"></textarea></label>
      <button type="submit" class="primary" data-testid="new-feedback-submit">${t('fbFormNew')}</button></form></details>`;
}

export function importForm(): Markup {
  return html`<details class="card reg-new" data-testid="fb-import" open><summary><h3>${t('fbImport')}</h3></summary>
    <form class="tk-form fb-import" data-testid="form-import" onsubmit="return false">
      <p class="muted">${t('fbImportHint')}</p>
      <label>${t('fbImportFile')}<input type="file" name="file" accept=".csv,.xlsx,text/csv" data-testid="import-file"></label>
      <div class="row"><button type="button" data-testid="import-check">${t('fbCheck')}</button>
        <button type="button" class="primary" data-testid="import-commit" disabled>${t('fbDoImport')}</button></div>
      <div id="import-result" data-testid="import-result" role="status"></div></form></details>`;
}

export function importResult(r: FeedbackImport): Markup {
  const text = r.committed
    ? tf('fbImported', { f: r.file, n: r.new_items, a: r.already })
    : tf('fbChecked', { f: r.file, rows: r.rows, n: r.new_items, a: r.already, i: r.topics_inferred });
  return html`<p class="status ok" data-testid="import-summary" data-new="${r.new_items}" data-committed="${String(r.committed)}">${text}</p>
    ${r.warnings.length ? html`<p class="muted">${t('fbWarnings')}</p><ul class="fb-warn" data-testid="import-warnings">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}`;
}

export { today };
