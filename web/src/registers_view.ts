// 风险清单 and 群众诉求 rendering: pure HTML builders for #/risks and #/feedback (the wiring,
// loading and forms' submission live in registers_page.ts). Nothing here offers to delete or
// hide a record: both registers only grow (a correction adds a version).

import type { CountView, FeedbackImport, FeedbackRow, FeedbackStats, FeedbackView, RiskRow, RisksView } from './api';
import { getLang, t, tf, tx, type Key } from './i18n';
import { esc } from './panels';

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

/** `<option>`s of an id → label list (both languages: the Chinese label first). */
export const options = (list: [string, Key][], selected = '', blank?: string): string =>
  (blank !== undefined ? `<option value="">${esc(blank)}</option>` : '') +
  list.map(([id, k]) => `<option value="${id}" ${id === selected ? 'selected' : ''}>${esc(t(k))}</option>`).join('');

const colon = (): string => (getLang() === 'zh' ? '：' : ': ');
const today = (): string => new Date().toISOString().slice(0, 10);
const nowMinute = (): string => { const d = new Date(); const p = (n: number) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`; };

export function syntheticTag(on: boolean, note: Key): string {
  return on ? `<span class="tag" data-testid="synthetic" title="${esc(t(note))}">${t('tkSynthetic')}</span>` : '';
}

/** A form of the registers: `data-action` names what it does, `data-id` the record. */
function form(action: string, id: string, heading: string, body: string, primary = true): string {
  return `<form class="act tk-form reg-form" data-action="${action}" data-id="${esc(id)}" data-testid="form-${action}"><h4>${esc(heading)}</h4>
    ${body}<button type="submit" class="${primary ? 'primary' : ''}" data-testid="${action}-submit">${esc(heading)}</button></form>`;
}

const area = (name: string, label: string, testid: string, required = true, rows = 2): string =>
  `<label>${esc(label)}<textarea name="${name}" rows="${rows}" ${required ? 'required' : ''} data-testid="${testid}"></textarea></label>`;

// ---------------------------------------------------------------- 风险清单

export const levelBadge = (r: { level: { id: string; zh: string; en: string } }): string =>
  `<span class="rk-level rk-${esc(r.level.id)}" data-level="${esc(r.level.id)}">${esc(tx(r.level))}</span>`;
const overdueBadge = (on: boolean): string => (on ? ` <span class="rk-overdue" data-testid="overdue">${t('rkOverdue')}</span>` : '');

export function riskTable(v: RisksView, selected: string): string {
  if (v.risks.length === 0) return `<p class="muted" data-testid="risks-empty">${t('rkNone')}</p>`;
  return `<div class="scroll-x"><table class="tk-table rk-table" data-testid="risk-list"><thead><tr><th>${t('rkLevel')}</th><th>${t('tkId')}</th>
    <th>${t('rkCategory')}</th><th>${t('rkRiskTitle')}</th><th>${t('rkOwner')}</th><th>${t('rkDeadline')}</th><th>${t('rkStatus')}</th></tr></thead>
    <tbody>${v.risks.map((r) => `<tr class="tk-row rk-row ${r.id === selected ? 'sel' : ''} ${r.can_report || r.can_verify ? 'mine' : ''}" data-id="${esc(r.id)}" data-testid="risk-row-${esc(r.id)}" data-status="${esc(r.status.id)}">
      <td>${levelBadge(r)}</td><td class="tk-id nowrap"><a href="#/risks" data-id="${esc(r.id)}">${esc(r.id)}</a></td><td>${esc(tx(r.category))}</td>
      <td class="tk-title">${esc(r.title)}</td><td>${esc(r.owner)}</td><td class="nowrap">${esc(r.deadline)}${overdueBadge(r.overdue)}</td>
      <td class="rk-st" data-testid="risk-status-${esc(r.id)}">${esc(tx(r.status))}</td></tr>`).join('')}</tbody></table></div>`;
}

export function riskSummary(v: RisksView): string {
  if (v.table.length === 0) return '';
  const cell = (n: number, cls: string) => `<td class="num ${n > 0 ? cls : 'zero'}">${n}</td>`;
  return `<div class="scroll-x"><table class="tk-sum rk-sum" data-testid="risk-table"><thead><tr><th>${t('rkUnit')}</th><th>${t('rkLevel')}</th>
    ${(['rkTotal', 'rkOpen', 'rkReported', 'rkClosed', 'rkOverdue'] as Key[]).map((k) => `<th class="num">${t(k)}</th>`).join('')}</tr></thead>
    <tbody>${v.table.map((l) => `<tr data-unit="${esc(l.unit)}" data-level="${esc(l.level.id)}"><td>${esc(l.unit)}</td><td>${levelBadge(l)}</td>
      <td class="num">${l.total}</td>${cell(l.open, '')}${cell(l.reported, 'c-blue')}<td class="num" data-col="closed">${l.closed}</td>${cell(l.overdue, 'c-red')}</tr>`).join('')}</tbody>
</table></div>`;
}

function riskForms(r: RiskRow, office: boolean): string {
  const forms: string[] = [];
  if (r.can_report) {
    forms.push(form('update', r.id, t('rkFormUpdate'), area('text', t('rkText'), 'update-text', true, 3)));
    forms.push(form('resolved', r.id, t('rkFormResolved'), area('text', t('rkText'), 'resolved-text', true, 3)));
  }
  if (r.can_verify) {
    forms.push(form('close', r.id, t('rkFormClose'), area('note', t('rkNote'), 'close-note', false)));
    forms.push(form('return', r.id, t('rkFormReturn'), area('reason', t('rkReason'), 'return-reason', false, 3), false));
  }
  if (r.status.id !== 'closed' && (office || r.can_report)) {
    forms.push(form('measure', r.id, t('rkFormMeasure'), `${area('text', t('rkMeasureText'), 'measure-text')}
      <label>${t('rkOwnerCode')}<input name="owner" required value="${esc(r.owner_code)}" data-testid="measure-owner"></label>
      <label>${t('rkDue')}<input type="date" name="due" required data-testid="measure-due"></label>`, false));
  }
  if (office && r.status.id !== 'closed') {
    forms.push(form('relevel', r.id, t('rkFormRelevel'), `<label>${t('rkLevel')}<select name="level" data-testid="relevel-level">${options(LEVELS, r.level.id)}</select></label>
      ${area('reason', t('rkReason'), 'relevel-reason')}`, false));
  }
  return forms.length ? `<div class="tk-forms">${forms.join('')}</div>` : `<p class="muted" data-testid="risk-readonly">${t('rkReadOnly')}</p>`;
}

export function riskDetail(r: RiskRow | undefined, office: boolean): string {
  if (!r) return `<p class="muted">${t('rkPick')}</p>`;
  const dl = (k: Key, v: string) => (v ? `<dt>${t(k)}</dt><dd>${esc(v)}</dd>` : '');
  return `<div class="rk-detail" data-testid="risk-detail" data-id="${esc(r.id)}">
    <h3>${levelBadge(r)} <span class="tk-hid">${esc(r.id)}</span> ${esc(r.title)} ${syntheticTag(r.synthetic, 'rkSyntheticNote')}</h3>
    <p class="tk-meta"><span class="tk-status" data-testid="risk-status" data-status="${esc(r.status.id)}">${esc(tx(r.status))}</span>${overdueBadge(r.overdue)}
      <span>${t('rkCategory')}${colon()}${esc(tx(r.category))}</span><span>${t('rkOwner')}${colon()}${esc(r.owner)}</span>
      <span>${t('rkDeadline')}${colon()}${esc(r.deadline)}</span></p>
    ${r.status.id === 'reported' ? `<p class="tk-note" data-testid="risk-awaiting">${t('rkAwaiting')}</p>` : ''}
    <dl class="tk-dl">${dl('rkDescription', r.description)}${dl('rkIdentified', r.identified)}${dl('rkSupervisor', r.supervisor)}
      ${dl('rkUnits', r.units.join('、'))}${dl('rkDivisions', r.divisions.join('、'))}${dl('rkTasks', r.tasks.join('、'))}</dl>
    <div class="tk-detail">
      <div><h4>${t('rkMeasures')}</h4>${r.measures.length ? `<ol class="rk-measures" data-testid="risk-measures">${r.measures.map((m) => `<li>${esc(m.text)}
        <span class="muted">${esc(m.owner)} · ${t('rkDue')} ${esc(m.due)}</span></li>`).join('')}</ol>` : `<p class="muted">${t('rkNoMeasures')}</p>`}
      <h4>${t('rkHistory')}</h4>${r.history.length ? `<ol class="tk-history" data-testid="risk-history">${r.history.map((e) => `<li>
        <span class="at">${esc(e.at)}</span> <span class="who">${esc(e.org)} · ${esc(e.account)}</span><div class="what">${esc(tx(e))}</div></li>`).join('')}</ol>`
        : `<p class="muted">${t('rkNoHistory')}</p>`}</div>
      <div class="tk-actions"><h4>${t('rkActions')}</h4>${riskForms(r, office)}</div>
    </div></div>`;
}

export function newRiskForm(): string {
  return `<details class="card reg-new" data-testid="risk-new"><summary><h3>${t('rkFormNew')}</h3></summary>
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
export function bars(rows: CountView[], testid: string): string {
  if (rows.length === 0) return `<p class="muted">–</p>`;
  const max = Math.max(1, ...rows.map((r) => r.count));
  return `<div class="fb-bars" data-testid="${testid}">${rows.map((r) => `<div class="fb-bar" data-key="${esc(r.key)}"><span class="l" title="${esc(r.name)}">${esc(r.name)}</span>
    <span class="b"><i style="width:${(100 * r.count) / max}%"></i></span><span class="n">${r.count}</span></div>`).join('')}</div>`;
}

/** Vertical SVG columns by ISO week (labels: the week number; every other one when crowded). */
export function weekColumns(rows: CountView[]): string {
  if (rows.length === 0) return `<p class="muted">–</p>`;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const W = 14, gap = 4, H = 70, top = 12, pad = 8, w = Math.max(200, pad + rows.length * (W + gap));
  const every = rows.length > 30 ? 4 : rows.length > 16 ? 2 : 1;
  return `<svg class="fb-weeks" data-testid="fb-by-week" viewBox="0 0 ${w} ${top + H + 16}" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${t('fbByWeek')}">
    <line x1="0" x2="${pad + rows.length * (W + gap)}" y1="${top + H}" y2="${top + H}" class="axis"/>
    ${rows.map((r, i) => { const h = (H * r.count) / max; const x = pad + i * (W + gap); const cx = x + W / 2; return `<g data-key="${esc(r.key)}"><rect x="${x}" y="${top + H - h}" width="${W}" height="${h}" rx="1.5"/>
      <text x="${cx}" y="${top + H - h - 2}" text-anchor="middle" class="n">${r.count}</text>
      ${i % every === 0 ? `<text x="${cx}" y="${top + H + 11}" text-anchor="middle" class="wk">${esc(r.name.replace(/^\d{4}-/, ''))}</text>` : ''}<title>${esc(r.name)}: ${r.count}</title></g>`; }).join('')}</svg>`;
}

/** The name of a count: topic and satisfaction ids in the current language, else the server's. */
const countName = (list: [string, Key][]) => (c: CountView): CountView => {
  const k = list.find(([id]) => id === c.key)?.[1];
  return k ? { ...c, name: t(k) } : c;
};

export function feedbackStats(s: FeedbackStats): string {
  const fig = (label: Key, value: string, testid: string, cls = '') => `<div class="fb-fig ${cls}"><b data-testid="${testid}">${esc(value)}</b><span>${t(label)}</span></div>`;
  return `<div class="fb-figs">${fig('fbTotal', String(s.total), 'fb-total')}${fig('fbReplied', String(s.replied), 'fb-replied')}
    ${fig('fbMean', hours(s.mean_response_hours), 'fb-mean')}${fig('fbMedian', hours(s.median_response_hours), 'fb-median')}
    ${fig('fbOverdueOpen', String(s.overdue_open.length), 'fb-overdue', s.overdue_open.length ? 'warn' : '')}${fig('fbRepliedLate', String(s.replied_late.length), 'fb-late')}</div>
    <div class="fb-charts">
      <div><h4>${t('fbByTopic')}</h4>${bars(s.by_topic.map(countName(TOPICS)), 'fb-by-topic')}</div>
      <div><h4>${t('fbByWeek')}</h4>${weekColumns(s.by_week)}</div>
      <div><h4>${t('fbByUnit')}</h4>${bars(s.by_unit, 'fb-by-unit')}${s.satisfaction.length ? `<h4>${t('fbSatisfaction')}</h4>${bars(s.satisfaction.map(countName(SATISFACTION)), 'fb-satisfaction')}` : ''}</div>
    </div>`;
}

export const fbStatus = (r: FeedbackRow): 'replied' | 'overdue' | 'open' => (r.reply !== null ? 'replied' : r.overdue ? 'overdue' : 'open');
const FB_STATUS_KEY: Record<string, Key> = { replied: 'fbStReplied', overdue: 'fbStOverdue', open: 'fbStOpen' };

function versionTable(r: FeedbackRow): string {
  return `<div class="scroll-x"><table class="tk-cp fb-versions" data-testid="fb-versions-${esc(r.id)}"><thead><tr><th class="nowrap">${t('fbVersion')}</th><th>${t('fbAt')}</th><th>${t('fbAccount')}</th>
    <th>${t('fbOrg')}</th><th>${t('fbAction')}</th><th>${t('fbReason')}</th></tr></thead><tbody>${r.versions.map((x) => `<tr data-version="${x.version}">
    <td class="num">${x.version}</td><td class="nowrap">${esc(x.at)}</td><td>${esc(x.account)}</td><td>${esc(x.org)}</td><td class="nowrap">${esc(x.action)}</td>
    <td>${esc(x.reason)}</td></tr>`).join('')}</tbody></table></div>`;
}

function feedbackForms(r: FeedbackRow, manage: boolean): string {
  const forms: string[] = [];
  if (r.can_reply) forms.push(form('reply', r.id, t('fbFormReply'), area('text', t('fbReply'), 'reply-text', true, 3)));
  if (manage) {
    forms.push(form('assign', r.id, t('fbFormAssign'), `<label>${t('fbDepartment')}<input name="department" required list="fb-units" value="${esc(r.assigned_code ?? '')}" data-testid="assign-department"></label>
      <label>${t('fbDeadline')}<input type="date" name="deadline" required value="${esc(r.deadline ?? '')}" data-testid="assign-deadline"></label>`, false));
    forms.push(form('follow_up', r.id, t('fbFormFollow'), `<label>${t('fbSatisfaction')}<select name="satisfaction" data-testid="follow-satisfaction">${options(SATISFACTION)}</select></label>
      ${area('note', t('fbNote'), 'follow-note', false)}`, false));
    forms.push(form('correct', r.id, t('fbFormCorrect'), `<p class="tk-note" data-testid="correct-note">${t('fbCorrectNote')}</p>
      <label>${t('fbTopic')}<select name="topic" data-testid="correct-topic">${options(TOPICS, '', t('fbKeep'))}</select></label>
      <label>${t('fbDivision')}<input name="division" placeholder="${esc(r.division ?? '')}" data-testid="correct-division"></label>
      <label>${t('fbUnit')}<input name="unit" list="fb-units" placeholder="${esc(r.unit ?? '')}" data-testid="correct-unit"></label>
      ${area('reason', t('fbReason'), 'correct-reason')}`, false));
  }
  return forms.length ? `<div class="tk-forms fb-forms">${forms.join('')}</div>` : '';
}

export function feedbackItem(r: FeedbackRow, manage: boolean, open: boolean): string {
  const st = fbStatus(r);
  const dl = (k: Key, v: string | null) => (v ? `<dt>${t(k)}</dt><dd>${esc(v)}</dd>` : '');
  return `<details class="fb-item st-${st}" data-testid="fb-item-${esc(r.id)}" data-id="${esc(r.id)}" data-status="${st}" ${open ? 'open' : ''}>
    <summary><span class="nowrap">${esc(r.received)}</span><span>${esc(tx(r.channel))}</span><span>${esc(tx(r.topic))}</span>
      <span class="c">${esc(r.content)}</span><span>${esc(r.assigned ?? '–')}</span>
      <span class="fb-st fb-st-${st}" data-testid="fb-status-${esc(r.id)}">${t(FB_STATUS_KEY[st] ?? 'fbStOpen')}</span></summary>
    <div class="fb-body"><div>
      <dl class="tk-dl">${r.reference ? `<dt>${t('fbReference')}</dt><dd>${esc(r.reference)} ${r.synthetic ? syntheticTag(true, 'fbSyntheticNote') : ''}</dd>` : ''}${dl('fbContent', r.content)}${dl('fbDivision', r.division)}${dl('fbUnit', r.unit)}
        ${dl('fbAssigned', r.assigned ? `${r.assigned}（${r.assigned_code ?? ''}）` : null)}${dl('fbDeadline', r.deadline)}
        ${dl('fbReply', r.reply)}${dl('fbRepliedAt', r.replied_at)}${dl('fbSatisfaction', r.satisfaction ? tx(r.satisfaction) : null)}</dl>
      <h4>${t('fbVersions')} <span class="muted">${r.versions.length}</span></h4>${versionTable(r)}</div>
      ${feedbackForms(r, manage)}</div></details>`;
}

export function feedbackList(v: FeedbackView, open: Set<string>): string {
  if (v.items.length === 0) return `<p class="muted" data-testid="fb-empty">${t('fbNone')}</p>`;
  const units = v.stats.by_unit;
  return `<datalist id="fb-units">${units.map((u) => `<option value="${esc(u.key)}">${esc(u.name)}</option>`).join('')}</datalist>
    <div class="fb-list" data-testid="fb-list"><div class="fb-head"><span>${t('fbReceived')}</span><span>${t('fbChannel')}</span><span>${t('fbTopic')}</span>
    <span>${t('fbContent')}</span><span>${t('fbAssigned')}</span><span>${t('fbStatus')}</span></div>
    ${v.items.map((r) => feedbackItem(r, v.can_manage, open.has(r.id))).join('')}</div>`;
}

export function newFeedbackForm(scope: string): string {
  return `<details class="card reg-new" data-testid="fb-new"><summary><h3>${t('fbFormNew')}</h3></summary>
    <form class="act tk-form reg-form grid-form" data-action="new-feedback" data-id="" data-testid="form-new-feedback">
      <label>${t('fbChannel')}<select name="channel">${options(CHANNELS)}</select></label>
      <label>${t('fbReceived')}<input name="received" required pattern="\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}" value="${esc(nowMinute())}" data-testid="new-fb-received"></label>
      <label>${t('fbReference')}<input name="reference"></label>
      <label>${t('fbTopic')}<select name="topic">${options(TOPICS)}</select></label>
      <label>${t('fbDivision')}<input name="division" placeholder="${esc(scope)}101"></label>
      <label>${t('fbUnit')}<input name="unit" list="fb-units"></label>
      <label class="wide">${t('fbContent')}<textarea name="content" rows="2" required data-testid="new-fb-content"></textarea></label>
      <button type="submit" class="primary" data-testid="new-feedback-submit">${t('fbFormNew')}</button></form></details>`;
}

export function importForm(): string {
  return `<details class="card reg-new" data-testid="fb-import" open><summary><h3>${t('fbImport')}</h3></summary>
    <form class="tk-form fb-import" data-testid="form-import" onsubmit="return false">
      <p class="muted">${t('fbImportHint')}</p>
      <label>${t('fbImportFile')}<input type="file" name="file" accept=".csv,.xlsx,text/csv" data-testid="import-file"></label>
      <div class="row"><button type="button" data-testid="import-check">${t('fbCheck')}</button>
        <button type="button" class="primary" data-testid="import-commit" disabled>${t('fbDoImport')}</button></div>
      <div id="import-result" data-testid="import-result" role="status"></div></form></details>`;
}

export function importResult(r: FeedbackImport): string {
  const text = r.committed
    ? tf('fbImported', { f: r.file, n: r.new_items, a: r.already })
    : tf('fbChecked', { f: r.file, rows: r.rows, n: r.new_items, a: r.already, i: r.topics_inferred });
  return `<p class="status ok" data-testid="import-summary" data-new="${r.new_items}" data-committed="${r.committed}">${esc(text)}</p>
    ${r.warnings.length ? `<p class="muted">${t('fbWarnings')}</p><ul class="fb-warn" data-testid="import-warnings">${r.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}`;
}

export { today };
