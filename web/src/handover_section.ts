// 实施交接: one section (事项) — header, basis, the checklist with its 完成 forms, what keeps it
// open, 销号, and the section kind's own work: ledger items with their dispositions (资产、债权债务),
// the cadre roster with placements and talks, service points with their outcomes, the rules
// review (制度废改立), the quota table. Rendering only, with html`` (every value escaped unless it
// is markup): main.ts wires the forms (`data-action`).

import type { UserInfo, AssetRow, CadreRow, DebtRow, HandoverView, ItemDisposition, PointRow, RouteView, SectionDetail, ServiceOutcome } from './api';
import { html, type Markup } from './html';
import { getLang, t, tx, type Key } from './i18n';
import { C, CM, LIST, LP, RP, isMine, light, syntheticBanner, unitLabel, yuan } from './handover';
import { deptName } from './plans_view';

const zh = () => getLang() === 'zh';
const today = () => new Date().toISOString().slice(0, 10);
const rname = (routes: RouteView[], id: string) => { const r = routes.find((x) => x.id === id); return r ? (zh() ? r.zh : r.en) : id; };
const routeOptions = (routes: RouteView[]) => routes.map((r) => html`<option value="${r.id}">${zh() ? r.zh : r.en}</option>`);

/** Paging and filter state of the ledger tables. */
export interface LedgerState { assetOffset: number; debtOffset: number; onlyUndecided: boolean }
export const PAGE = 100;

const SERVICE_TYPE: Record<string, [string, string]> = {
  service_centre: ['便民服务中心', 'service centre'], village_service: ['村便民服务室', 'village service room'],
  health_centre: ['卫生院', 'health centre'], village_clinic: ['村卫生室', 'village clinic'], primary_school: ['小学', 'primary school'],
  middle_school: ['中学', 'middle school'], kindergarten: ['幼儿园', 'kindergarten'], post: ['邮政网点', 'post office'], bank: ['金融网点', 'bank branch'],
};
const OUTCOME: [ServiceOutcome['outcome'], Key][] = [
  ['pending', 'ocPending'], ['kept', 'ocKept'], ['renamed', 'ocRenamed'], ['upgraded', 'ocUpgraded'], ['merged_into', 'ocMerged'], ['closed', 'ocClosed'],
];
const RULE_ACTION: [string, Key][] = [['kept', 'raKept'], ['revised', 'raRevised'], ['repealed', 'raRepealed'], ['new', 'raNew']];

function dispText(d: ItemDisposition, routes: RouteView[]): Markup {
  switch (d.as) {
    case 'unassigned': return html`<span class="muted">${t('hvUnassigned')}</span>`;
    case 'transferred': return html`${t('hvTransferred')} → ${d.to}`;
    case 'disposed': return html`${t('hvDisposed')}${C()}${rname(routes, d.route)}${d.note ? `${LP()}${d.note}${RP()}` : ''}`;
    case 'written_off': return html`${t('hvWrittenOff')}${C()}${d.approval}`;
  }
}

function dispForm(ledger: 'assets' | 'debts', id: string, routes: RouteView[]): Markup {
  return html`<form class="disp assign" data-as="transferred" data-action="assign" data-ledger="${ledger}" data-id="${id}" data-testid="assign-${id}">
    <select name="as" aria-label="${t('hvDisposition')}"><option value="transferred">${t('hvTransferred')}</option><option value="disposed">${t('hvDisposed')}</option>
      <option value="written_off">${t('hvWrittenOff')}</option><option value="unassigned">${t('hvUnassigned')}</option></select>
    <select name="route" class="as as-disposed" aria-label="${t('hvRoute')}">${routeOptions(routes)}</select>
    <input name="text" class="as as-disposed as-written_off" placeholder="${t('hvDispNote')}" aria-label="${t('hvDispNote')}">
    <button type="submit">${t('hvSave')}</button></form>`;
}

function pager(which: 'assets' | 'debts', offset: number, total: number): Markup {
  const end = Math.min(total, offset + PAGE);
  return html`<div class="row pager"><span class="muted" data-testid="${which}-range">${total ? offset + 1 : 0}–${end} / ${total} ${t('hvRows')}</span>
    <button type="button" data-page="${which}" data-offset="${Math.max(0, offset - PAGE)}" ${offset === 0 ? 'disabled' : ''}>${t('hvPrev')}</button>
    <button type="button" data-page="${which}" data-offset="${offset + PAGE}" ${end >= total ? 'disabled' : ''}>${t('hvNext')}</button></div>`;
}

function ledgerPart(v: HandoverView, d: SectionDetail, st: LedgerState, act: boolean): Markup {
  const routes = d.routes;
  const debtRoutes = v.routes.debt;
  const a = d.assets;
  const b = d.debts;
  const assetRow = (r: AssetRow) => html`<tr data-testid="asset-${r.id}"><td>${r.id}</td><td>${r.name}</td><td>${r.category}</td><td>${r.owner}</td>
    <td class="num">${yuan(r.original_value)}</td><td class="num">${yuan(r.net_value)}</td><td data-testid="disp-${r.id}">${dispText(r.disposition, routes)}</td>
    ${act ? html`<td>${dispForm('assets', r.id, routes)}</td>` : ''}</tr>`;
  const debtRow = (r: DebtRow) => html`<tr data-testid="debt-${r.id}"><td>${r.id}</td><td>${r.kind}</td><td>${r.counterparty}</td><td>${r.owner}</td>
    <td class="num">${yuan(r.amount)}</td><td data-testid="disp-${r.id}">${dispText(r.disposition, debtRoutes)}</td>
    ${act ? html`<td>${dispForm('debts', r.id, debtRoutes)}</td>` : ''}</tr>`;
  const tools = html`<div class="row"><label><input type="checkbox" id="only-undecided" data-testid="only-undecided" ${st.onlyUndecided ? 'checked' : ''}> ${t('hvOnlyUndecided')}</label>
    ${act ? html`<form class="inline" data-action="transfer_rest"><button type="submit" data-testid="transfer-rest">${t('hvTransferRest')}</button></form>` : ''}
    <span class="muted">${t('hvTo')} ${unitLabel(d.section.to)}</span></div>`;
  return html`<div class="card" data-testid="assets"><h3>${t('hvAssets')} <span class="tag">${t('hvFigures')}</span></h3>${tools}
      ${a ? html`${pager('assets', st.assetOffset, a.total)}<div class="scroll"><table class="ind items"><thead><tr><th>${t('hvId')}</th><th>${t('hvName')}</th><th>${t('hvCategory')}</th>
        <th>${t('hvOwner')}</th><th>${t('hvOriginal')}</th><th>${t('hvNet')}</th><th>${t('hvDisposition')}</th>${act ? html`<th></th>` : ''}</tr></thead>
        <tbody>${a.rows.map(assetRow)}</tbody></table></div>` : ''}</div>
    <div class="card" data-testid="debts"><h3>${t('hvDebts')} <span class="tag">${t('hvFigures')}</span></h3>
      ${b ? html`${pager('debts', st.debtOffset, b.total)}<div class="scroll"><table class="ind items"><thead><tr><th>${t('hvId')}</th><th>${t('hvCategory')}</th><th>${t('hvCounterparty')}</th>
        <th>${t('hvOwner')}</th><th>${t('hvAmount')}</th><th>${t('hvDisposition')}</th>${act ? html`<th></th>` : ''}</tr></thead>
        <tbody>${b.rows.map(debtRow)}</tbody></table></div>` : ''}</div>`;
}

function cadrePart(v: HandoverView, d: SectionDetail, act: boolean): Markup {
  const routes = v.routes.placement;
  const rows = (d.cadres ?? []).map((c: CadreRow) => {
    const p = c.placement;
    const forms = act ? html`<td><form class="disp" data-action="place" data-cadre="${c.cadre.id}" data-testid="place-${c.cadre.id}">
        <select name="route" aria-label="${t('hvPlacement')}">${routeOptions(routes)}</select>
        <input name="destination" placeholder="${t('hvDestination')}" aria-label="${t('hvDestination')}" size="10">
        <input name="post" placeholder="${t('hvNewPost')}" aria-label="${t('hvNewPost')}" size="8">
        <label><input type="checkbox" name="leader"> ${t('hvLeader')}</label>
        <input type="date" name="date" value="${today()}" aria-label="${t('date')}"><button type="submit">${t('hvPlace')}</button></form>
      <form class="disp" data-action="talk" data-cadre="${c.cadre.id}" data-testid="talk-${c.cadre.id}">
        <input type="date" name="date" value="${today()}" aria-label="${t('date')}">
        <input name="by" required placeholder="${t('hvTalkBy')}" aria-label="${t('hvTalkBy')}" size="10">
        <input name="note" placeholder="${t('note')}" aria-label="${t('note')}" size="10"><button type="submit">${t('hvTalk')}</button></form></td>` : '';
    return html`<tr data-testid="cadre-${c.cadre.id}"><td>${c.cadre.id}</td><td>${c.cadre.unit}</td><td>${c.cadre.post}</td><td>${c.cadre.leader ? '✓' : ''}</td>
      <td data-testid="cadre-name-${c.cadre.id}">${v.sees_personal ? c.cadre.name : html`<span class="muted">${t('hvHidden')}</span>`}</td>
      <td class="num">${c.talks}</td>
      <td data-testid="placement-${c.cadre.id}">${p ? html`${rname(routes, p.route)}${p.destination ? ` → ${p.destination}` : ''}${p.post ? `${LP()}${p.post}${p.leader ? `${CM()}${t('hvLeader')}` : ''}${RP()}` : ''} <span class="muted">${p.date}</span>` : html`<span class="muted">${t('hvUnassigned')}</span>`}</td>
      ${forms}</tr>`;
  });
  const posts = html`<div class="row"><span>${t('hvPosts')}${LP()}${unitLabel(d.section.to)}${RP()}${C()}<strong data-testid="posts">${d.posts ?? t('hvNotSet')}</strong></span>
    ${act ? html`<form class="inline" data-action="posts" data-unit="${d.section.to.code}"><input type="number" name="posts" min="0" required value="${d.posts ?? ''}" aria-label="${t('hvPosts')}" data-testid="posts-input" size="4">
      <button type="submit">${t('hvPostsSet')}</button></form>` : ''}</div>`;
  const absorb = act && d.posts !== null && d.posts !== undefined ? html`<form class="inline" data-action="absorb" data-unit="${d.section.to.code}" data-testid="absorb">
      <strong>${t('hvAbsorb')}</strong>
      <input type="number" name="count" min="1" required placeholder="${t('hvCount')}" aria-label="${t('hvCount')}" size="4">
      <input type="date" name="date" value="${today()}" required aria-label="${t('date')}">
      <input name="note" required placeholder="${t('hvHow')}" aria-label="${t('hvHow')}" size="14">
      <button type="submit">${t('hvSave')}</button></form>` : '';
  return html`<div class="card" data-testid="roster"><h3>${t('hvRoster')} <span class="tag">${t('hvFigures')}</span></h3>${posts}${absorb}
    <p class="muted">${t('hvPersonalNote')}</p>
    <div class="scroll"><table class="ind items"><thead><tr><th>${t('hvId')}</th><th>${t('hvUnit')}</th><th>${t('hvPost')}</th><th>${t('hvLeader')}</th><th>${t('hvName')}</th>
      <th>${t('hvTalks')}</th><th>${t('hvPlacement')}</th>${act ? html`<th></th>` : ''}</tr></thead><tbody>${rows}</tbody></table></div></div>`;
}

function outcomeText(o: PointRow['outcome']): Markup {
  const label = t((OUTCOME.find((x) => x[0] === o.outcome) ?? ['pending', 'ocPending'])[1]);
  switch (o.outcome) {
    case 'renamed': return html`${label} → ${o.name}`;
    case 'upgraded': return html`${label} → ${o.name}${LP()}${o.note}${RP()}`;
    case 'merged_into': return html`${label} ${o.point}${LP()}${o.distance_km} km${RP()}`;
    case 'closed': return html`${label}${C()}${o.reason}${o.approval ? `${LP()}${o.approval}${RP()}` : ''}`;
    case 'pending': return html`<span class="muted">${label}</span>`;
    default: return html`${label}`;
  }
}

function servicePart(d: SectionDetail, act: boolean): Markup {
  const rows = (d.services ?? []).map((r: PointRow) => {
    const p = r.point;
    const ty = SERVICE_TYPE[p.kind] ?? [p.kind, p.kind];
    const form = act ? html`<td><form class="disp outcome" data-action="outcome" data-point="${p.id}" data-outcome="kept" data-testid="outcome-${p.id}">
        <select name="outcome" aria-label="${t('hvOutcome')}">${OUTCOME.filter((o) => o[0] !== 'pending').map((o) => html`<option value="${o[0]}">${t(o[1])}</option>`)}</select>
        <input name="name" class="oc oc-renamed oc-upgraded" placeholder="${t('hvNewName')}" aria-label="${t('hvNewName')}" size="12">
        <input name="note" class="oc oc-upgraded" placeholder="${t('hvWhatChanges')}" aria-label="${t('hvWhatChanges')}" size="10">
        <input name="point" class="oc oc-merged_into" placeholder="${t('hvIntoPoint')}" aria-label="${t('hvIntoPoint')}" size="12">
        <input name="distance_km" type="number" step="0.1" min="0" class="oc oc-merged_into" placeholder="${t('hvDistance')}" aria-label="${t('hvDistance')}" size="5">
        <input name="reason" class="oc oc-closed" placeholder="${t('hvReason')}" aria-label="${t('hvReason')}" size="10">
        <input name="approval" class="oc oc-closed" placeholder="${t('hvApproval')}" aria-label="${t('hvApproval')}" size="10">
        <button type="submit">${t('hvSave')}</button></form></td>` : '';
    return html`<tr data-testid="point-${p.id}"><td>${p.id}</td><td>${ty[zh() ? 0 : 1]}</td><td>${p.name}${p.at_seat ? html` <span class="badge-c">${t('hvAtSeat')}</span>` : ''}</td>
      <td data-testid="point-outcome-${p.id}">${outcomeText(r.outcome)}</td>${form}</tr>`;
  });
  const kinds = [...new Set((d.services ?? []).map((r) => r.point.kind))];
  const add = act && kinds.length > 0 ? html`<form class="inline" data-action="add_point" data-township="${d.section.from.code}" data-testid="add-point">
      <strong>${t('hvAddPoint')}</strong>
      <select name="kind" aria-label="${t('hvKind')}">${kinds.map((k) => html`<option value="${k}">${(SERVICE_TYPE[k] ?? [k, k])[zh() ? 0 : 1]}</option>`)}</select>
      <input name="id" required placeholder="${t('hvId')}" aria-label="${t('hvId')}" size="10">
      <input name="name" required placeholder="${t('hvName')}" aria-label="${t('hvName')}" size="16">
      <input name="village" placeholder="${t('hvVillageCode')}" aria-label="${t('hvVillageCode')}" size="12">
      <label><input type="checkbox" name="at_seat"> ${t('hvAtSeat')}</label>
      <button type="submit">${t('hvAdd')}</button></form>` : '';
  return html`<div class="card" data-testid="points"><h3>${t('hvPoints')} <span class="tag">${t('hvFigures')}</span></h3>
    <div class="scroll"><table class="ind items"><thead><tr><th>${t('hvId')}</th><th>${t('hvKind')}</th><th>${t('hvName')}</th><th>${t('hvOutcome')}</th>${act ? html`<th></th>` : ''}</tr></thead>
    <tbody>${rows}</tbody></table></div>${add}</div>${accessPart(d)}`;
}

const km = (x: number | null | undefined) => (x === null || x === undefined ? html`<span class="muted">${t('hvNoneServing')}</span>` : html`${x.toFixed(1)} km`);

/** Each village's distance to the nearest point of each type, before and after (longer after: marked). */
function accessPart(d: SectionDetail): Markup | '' {
  const rows = d.access ?? [];
  if (rows.length === 0) return '';
  const body = rows.map((a) => {
    const worse = a.before_km !== null && a.before_km !== undefined && (a.after_km === null || a.after_km === undefined || a.after_km > a.before_km + 0.05);
    return html`<tr class="${worse ? 'worse' : ''}" data-testid="access-${a.village}-${a.kind}"><td>${a.name}<span class="muted">${LP()}${a.village}${RP()}</span></td>
      <td>${zh() ? a.kind_name.zh : a.kind_name.en}</td><td class="num">${km(a.before_km)}</td><td class="num">${km(a.after_km)}</td></tr>`;
  });
  return html`<div class="card" data-testid="access"><h3>${t('hvAccess')} <span class="tag">${t('hvFigures')}</span></h3>
    <p class="muted">${t('hvAccessNote')}</p>
    <div class="scroll"><table class="ind items"><thead><tr><th>${t('hvVillage')}</th><th>${t('hvKind')}</th><th>${t('hvBeforeKm')}</th><th>${t('hvAfterKm')}</th></tr></thead>
    <tbody>${body}</tbody></table></div></div>`;
}

function rulesPart(d: SectionDetail, act: boolean): Markup {
  const s = d.section;
  const rules = d.rules ?? [];
  const label = (a: string) => t((RULE_ACTION.find((x) => x[0] === a) ?? ['kept', 'raKept'])[1]);
  const list = rules.length
    ? html`<table class="ind items" data-testid="rules"><thead><tr><th>${t('hvUnit')}</th><th>${t('hvRuleTitle')}</th><th>${t('hvRuleAction')}</th><th>${t('hvReason')}</th><th>${t('date')}</th></tr></thead>
      <tbody>${rules.map((r) => html`<tr><td>${r.unit}</td><td>${r.title}</td><td>${label(r.action)}</td><td>${r.reason}</td><td>${r.date}</td></tr>`)}</tbody></table>`
    : html`<p class="muted" data-testid="rules">${t('hvNoRules')}</p>`;
  const form = act ? html`<form class="act" data-action="rule" data-testid="rule-form"><div class="row">
      <select name="unit" aria-label="${t('hvUnit')}"><option value="${s.from.code}">${s.from.name}${LP()}${s.from.code}${RP()}</option><option value="${s.to.code}">${s.to.name}${LP()}${s.to.code}${RP()}</option></select>
      <input name="title" required placeholder="${t('hvRuleTitle')}" aria-label="${t('hvRuleTitle')}">
      <select name="action" aria-label="${t('hvRuleAction')}">${RULE_ACTION.map((a) => html`<option value="${a[0]}">${t(a[1])}</option>`)}</select>
      <input name="reason" required placeholder="${t('hvReason')}" aria-label="${t('hvReason')}">
      <input type="date" name="date" value="${today()}" aria-label="${t('date')}"><button type="submit">${t('hvRecord')}</button></div></form>` : '';
  return html`<div class="card"><h3>${t('hvRules')}</h3>${list}${form}</div>`;
}

function quotaPart(v: HandoverView, act: boolean): Markup {
  const q = v.quotas;
  const table = q
    ? html`<p>${q.policy} ${q.synthetic ? html`<span class="tag">${t('hvFigures')}</span>` : ''} · ${t('hvQuotaBeforeAfter')}${C()}<strong>${q.total_before} → ${q.total_after}</strong>
        · ${t('hvReturnedPool')} <strong>${q.returned_to_pool}</strong> · ${t('hvAvgMaxMin')} ${q.average_after.toFixed(1)} / ${q.max_after} / ${q.min_after}</p>
      <div class="scroll"><table class="ind items" data-testid="quota-table"><thead><tr><th>${t('hvName')}</th><th>${t('hvPredecessors')}</th><th>${t('before')}</th>
        <th>${t('hvBasic')}</th><th>${t('hvIncrease')}</th><th>${t('hvPriority')}</th><th>${t('after')}</th><th>${t('hvPriorityReasons')}</th></tr></thead>
      <tbody>${q.lines.map((l) => html`<tr data-testid="quota-${l.code}"><td>${l.name} <span class="muted">${l.code}</span></td><td>${l.predecessors.join(LIST())}</td>
        <td class="num">${l.before}</td><td class="num">${l.basic}</td><td class="num">${l.increase}</td><td class="num">${l.priority}</td>
        <td class="num"><strong>${l.after}</strong>${l.bounded ? html` <span class="muted" title="${t('hvBounded')}">*</span>` : ''}</td><td>${l.priority_reasons.join(LIST())}</td></tr>`)}
        <tr><th>${t('hvTotal')}</th><td></td><td class="num">${q.total_before}</td><td></td><td></td><td></td><td class="num"><strong>${q.total_after}</strong></td><td></td></tr></tbody></table></div>
      <p class="muted">* ${t('hvBounded')}</p>`
    : html`<p class="muted" data-testid="quota-table">${t('hvNotComputed')}</p>`;
  return html`<div class="card"><h3>${t('hvQuotaTable')}</h3>${table}
    ${act ? html`<form class="inline" data-action="compute_quotas"><button type="submit" data-testid="compute-quotas">${t('hvCompute')}</button></form>` : ''}</div>`;
}

function checklistPart(d: SectionDetail, act: boolean): Markup {
  const s = d.section;
  const rows = s.checklist.map((c) => {
    const key = `${c.item}-${c.unit}`;
    const state = c.done
      ? html`<span class="ok">✓</span> <span data-testid="check-by-${key}">${c.done.by} · ${c.done.date}</span>${c.done.note ? ` · ${c.done.note}` : ''}`
      : act ? html`<form class="disp" data-action="check" data-item="${c.item}" data-unit="${c.unit}">
          <input name="note" placeholder="${t('hvNote')}" aria-label="${t('hvNote')}" data-testid="check-note-${key}" size="28">
          <button type="submit" class="primary" data-testid="check-done-${key}">${t('hvDone')}</button></form>`
        : html`<span class="muted">${t('hvOpen')}</span>`;
    return html`<tr data-testid="check-${key}" data-done="${c.done ? 'true' : 'false'}"><td>${zh() ? c.zh : c.en}</td><td>${c.unit}</td><td>${state}</td></tr>`;
  });
  return html`<div class="card" data-testid="checklist"><h3>${t('hvChecklist')}</h3><table class="ind items"><thead><tr><th>${t('hvItem')}</th><th>${t('hvUnit')}</th><th>${t('hvDoneBy')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;
}

/** The page of one section. */
export function sectionPage(v: HandoverView, d: SectionDetail, st: LedgerState, user: UserInfo | undefined): Markup {
  const s = d.section;
  // A closed section is read-only for everyone; say so only to those whose section it is not.
  const readOnly = s.closed ? (user?.department ? !isMine(s, user) : user?.role !== 'county_editor') : !s.may_act;
  const act = s.may_act && !s.closed;
  const l = light(s);
  const also = s.also.length ? ` · ${t('hvAlso')}${C()}${s.also.map(deptName).join(LIST())}` : '';
  const canClose = act && s.open_work.length === 0;
  let kind: Markup | '' = '';
  if (s.kind === 'state_assets' || s.kind === 'collective_assets') kind = ledgerPart(v, d, st, act);
  else if (s.kind === 'cadres') kind = cadrePart(v, d, act);
  else if (s.kind === 'services' || s.kind === 'health' || s.kind === 'education') kind = servicePart(d, act);
  else if (s.kind === 'records') kind = rulesPart(d, act);
  else if (s.kind === 'quotas') kind = quotaPart(v, act);
  return html`<h2 data-testid="section-title">${tx(s.title)} <span class="clock ${l.cls}" data-testid="section-state" data-state="${l.state}">${l.text}</span>
      <a href="#/plans/${v.plan}/handover" class="link small" data-testid="back-overview">${t('hvBackOverview')}</a></h2>
    <p data-testid="section-header">${t('hvFromTo')}${C()}${unitLabel(s.from)} → ${unitLabel(s.to)} · ${t('hvDepartment')}${C()}<strong>${tx(s.department_name)}</strong>${also}
      · ${t('hvDue')}${C()}${s.due} <span class="muted">${s.id}</span></p>
    ${s.closed ? html`<p class="closed-note" data-testid="closed-by">${t('hvClosedBy')} ${s.closed.by} · ${s.closed.date}</p>` : ''}
    ${syntheticBanner(v.synthetic)}
    ${!readOnly ? '' : html`<p class="muted" data-testid="read-only">${t('hvReadOnly')}</p>`}
    <p id="act-msg" class="status" data-testid="act-msg" role="status"></p>
    ${s.citations.length ? html`<div class="card"><h3>${t('hvCitations')}</h3><ul class="cites">${s.citations.map((c) => html`<li>${c}</li>`)}</ul></div>` : ''}
    ${checklistPart(d, act)}
    <div class="card" data-testid="open-work"><h3>${t('hvOpenWork')}</h3>
      ${s.open_work.length ? html`<ul>${s.open_work.map((w) => html`<li>${tx(w)}</li>`)}</ul>` : html`<p class="muted">${s.closed ? t('hvClosed') : t('hvNothingOpen')}</p>`}
      ${act ? html`<button type="button" class="primary" id="close-section" data-testid="close-section" ${canClose ? '' : 'disabled'}>${t('hvCloseSection')}</button>` : ''}</div>
    ${kind}
    <div id="dialog"></div>`;
}

/** The confirmation before 销号. */
export function closeDialog(): Markup {
  return html`<div class="modal" role="dialog" data-testid="confirm-dialog"><div class="card"><h3>${t('hvCloseSection')}</h3><p>${t('hvCloseConfirm')}</p>
    <div class="row"><button type="button" class="primary" id="confirm-close" data-testid="confirm-close">${t('hvConfirm')}</button>
    <button type="button" id="cancel-close" data-testid="cancel-close">${t('cancel')}</button></div></div></div>`;
}
