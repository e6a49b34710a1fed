// 报批程序: the procedure board of a plan and, for the role that may act, its actions —
// consultation, materials, steps, department opinions (部门意见), returns for revision
// (退回修改), revision, approval, apply — and downloads of every stored material and every
// generated document. Rendering only, with html`` (every value escaped unless it is markup):
// the actions are wired in main.ts (one delegated submit handler).

import type { ClockState, PlanBoard, PlanStep, PlanSummary, ScenarioSummary } from './api';
import { html, type Markup } from './html';
import { getLang, t, tx, type Key } from './i18n';

/** Colour class of a clock state: green on track or done, amber near due, red overdue. */
export function clockClass(s: ClockState | null): string {
  switch (s) {
    case 'done': case 'on_track': return 'clock-green';
    case 'near_due': case 'done_late': return 'clock-amber';
    case 'overdue': return 'clock-red';
    default: return 'clock-none';
  }
}

const CLOCK_TEXT: Record<ClockState, [string, string]> = {
  done: ['已按期完成', 'done on time'], on_track: ['进行中', 'on track'], near_due: ['临期', 'near due'],
  overdue: ['已逾期', 'overdue'], done_late: ['逾期完成', 'done late'],
};
const zh = () => getLang() === 'zh';
/** Punctuation as each language writes it: colon, comma, and text in brackets. */
const C = () => (zh() ? '：' : ': ');
const CM = () => (zh() ? '，' : ', ');
const paren = (s: string | Markup) => (zh() ? html`（${s}）` : html` (${s})`);
const clockText = (s: ClockState) => CLOCK_TEXT[s][zh() ? 0 : 1];

const STAGE: Record<PlanSummary['stage'], [string, string]> = {
  county: ['县级办理中', 'with the county'], city: ['待市级审核', 'awaiting city review'],
  province: ['待省级审批', 'awaiting provincial approval'], returned: ['已退回修改', 'returned for revision'],
  approved: ['已批复，待实施', 'approved, to be applied'], applied: ['已实施', 'applied'],
};

/** Department ids → names (the server's `quhua_workflow::org::Department`). */
const DEPARTMENTS: Record<string, [string, string]> = {
  civil_affairs: ['民政局', 'Civil Affairs Bureau'], staffing: ['编办', 'Staffing Office'],
  organisation: ['组织部', 'Organisation Department'], finance: ['财政局', 'Finance Bureau'],
  state_assets: ['国资办', 'State Assets Office'], agriculture: ['农业农村局', 'Agriculture and Rural Affairs Bureau'],
  natural_resources: ['自然资源和规划局', 'Natural Resources and Planning Bureau'],
  development_reform: ['发展和改革局', 'Development and Reform Bureau'],
  housing: ['住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'],
  education: ['教育和体育局', 'Education and Sports Bureau'], health: ['卫生健康局', 'Health Commission'],
  government_services: ['行政审批局', 'Administrative Approval Bureau'], justice: ['司法局', 'Justice Bureau'],
  ethnic_affairs: ['民族宗教事务局', 'Ethnic and Religious Affairs Bureau'], public_security: ['公安局', 'Public Security Bureau'],
  statistics: ['统计局', 'Statistics Bureau'], archives: ['档案馆', 'Archives'],
};
export const deptName = (d: string) => (DEPARTMENTS[d] ?? [d, d])[zh() ? 0 : 1];

/** Material kinds a county uploads (条例 art. 13 and the steps' own outputs). */
const MATERIALS: [string, string, string][] = [
  ['application', '申请书', 'application'], ['basic_facts', '基本情况', 'basic facts'],
  ['risk_report', '风险评估报告', 'risk assessment report'], ['expert_report', '专家论证报告', 'expert review report'],
  ['consultation_summary', '征求意见情况', 'public consultation summary'], ['map_before', '变更前的行政区划图', 'map before the change'],
  ['map_scheme', '变更方案示意图', 'scheme map'], ['legality_opinion', '合法性审查意见', 'legality review opinion'],
  ['decision_minutes', '集体决策纪要', 'collective decision minutes'], ['npc_resolution', '人大常委会决议', "people's congress resolution"],
];
const materialName = (k: string | null) => {
  const m = MATERIALS.find((x) => x[0] === k);
  return m ? m[zh() ? 1 : 2] : (k === 'approval_document' ? t('approvalDoc') : k === 'department_opinions' ? t('deptOpinions') : k ?? '');
};

/** The list of plans (links to their boards). */
export function planList(plans: PlanSummary[], current: number | null): Markup {
  if (plans.length === 0) return html`<p class="muted" data-testid="no-plans">${t('noPlans')}</p>`;
  return html`<ul class="plans">${plans.map((p) => html`<li class="${p.id === current ? 'sel' : ''}">
    <a href="#/plans/${p.id}" data-testid="plan-${p.id}"><strong>${p.name}</strong></a>
    <span class="muted">${p.county} · ${p.steps_done}/${p.steps_total} ${t('stepsDone')}</span>
    <span class="stage stage-${p.stage}" data-testid="stage-${p.id}">${STAGE[p.stage][zh() ? 0 : 1]}</span>
    ${p.implementation ? html`<span class="clock ${clockClass(p.implementation)}">${clockText(p.implementation)}</span>` : ''}</li>`)}</ul>`;
}

const today = () => new Date().toISOString().slice(0, 10);
const dateInput = (name: string) => html`<label>${t('date')} <input type="date" name="${name}" value="${today()}" required></label>`;

function stepItem(b: PlanBoard, s: PlanStep, n: number): Markup {
  const name = zh() ? s.zh : s.en;
  let body: Markup;
  if (s.state === 'done' && s.done) {
    const d = s.done.document;
    body = html`<span class="mark">✓</span> ${t('doneBy')} ${s.done.by} · ${s.done.at}${d ? html` · ${t('document')}${C()}<a href="/api/plans/${b.plan.id}/materials/${d.sha256}" download>${d.name}</a>` : ''}`;
  } else if (s.state === 'ready') {
    body = html`<span class="mark">○</span> ${t('stepReady')}`;
  } else {
    const missing = [
      ...(zh() ? s.missing_steps : s.missing_steps_en).map((x) => `${t('missingStep')}${C()}${x}`),
      ...(zh() ? s.missing_materials : s.missing_materials_en).map((x) => `${t('missingMaterial')}${C()}${x}`),
      ...s.missing_opinions.map((d) => `${t('missingOpinion')}${C()}${deptName(d)}`),
    ];
    body = html`<span class="mark">✕</span> ${t('stepBlocked')}<ul class="missing">${missing.map((m) => html`<li>${m}</li>`)}</ul>`;
  }
  const form = s.can_complete
    ? html`<form class="row act" data-action="step" data-step="${s.id}" data-testid="complete-${s.id}">
        ${dateInput('date')}<label>${t('evidence')} <input type="file" name="file"></label>
        <input name="note" placeholder="${t('note')}" aria-label="${t('note')}">
        <button class="primary" type="submit">${s.role === 'city' ? t('passUp') : t('completeStep')}</button></form>`
    : '';
  return html`<li class="step step-${s.state}" data-testid="step-${s.id}" data-state="${s.state}">
    <div><strong>${n}. ${name}</strong> <span class="muted">${zh() ? s.actor : s.actor_en}</span></div>
    <div>${body}</div>${form}<div class="muted basis">${zh() ? s.basis : s.basis_en}</div></li>`;
}

/** The levels a consultation meeting is held at (the value sent is the Chinese name). */
const LEVELS: [string, string][] = [['县', 'county'], ['乡镇', 'township'], ['村', 'village']];

function actionsCard(b: PlanBoard, scenarios: ScenarioSummary[]): Markup {
  const p = b.permissions;
  const parts: Markup[] = [];
  const open = b.returns.find((r) => r.resolved === null);
  if (open) {
    parts.push(html`<div class="returned" data-testid="open-return"><strong>${t('returnedBy')} ${open.by} · ${open.at}</strong><p>${open.comments}</p></div>`);
  }
  if (p.return_plan) {
    parts.push(html`<form class="act" data-action="return" data-testid="return-form"><h4>${t('returnPlan')}</h4>
      <textarea name="comments" required placeholder="${t('returnComments')}" aria-label="${t('returnComments')}"></textarea>
      <div class="row">${dateInput('date')}<button type="submit">${t('returnPlan')}</button></div></form>`);
  }
  if (p.approve) {
    parts.push(html`<form class="act" data-action="approve" data-testid="approve-form"><h4>${t('approve')}</h4>
      <div class="row"><label>${t('docNo')} <input name="document_no" required placeholder="冀政字〔2026〕88号"></label>
      ${dateInput('date')}<label>${t('effective')} <input type="date" name="effective" value="${today()}" required></label></div>
      ${b.approve_with.length ? html`<fieldset class="batch" data-testid="approve-with"><legend>${t('approveAlso')}</legend>
        ${b.approve_with.map((o) => html`<label><input type="checkbox" name="also" value="${o.id}" data-testid="also-${o.id}"> ${o.name} #${o.id}</label>`)}</fieldset>` : ''}
      <div class="row"><label>${t('approvalDoc')} <input type="file" name="file"></label><button class="primary" type="submit">${t('approve')}</button></div></form>`);
  }
  if (p.revise) {
    const opts = scenarios.map((s) => html`<option value="${s.id}">${s.name}${paren(`#${s.id} · ${t('version')} ${s.version}`)}</option>`);
    parts.push(html`<form class="act" data-action="revise" data-testid="revise-form"><h4>${t('revise')}</h4>
      <div class="row"><select name="scenario_id" aria-label="${t('scenarios')}">${opts}</select>
      <input name="note" placeholder="${t('reviseNote')}" aria-label="${t('reviseNote')}">${dateInput('date')}<button type="submit">${t('revise')}</button></div>
      <p class="muted">${t('reviseHint')}</p></form>`);
  }
  if (p.opinion) {
    parts.push(html`<form class="act" data-action="opinion" data-testid="opinion-form"><h4>${t('recordOpinion')}${paren(deptName(p.opinion))}</h4>
      <textarea name="text" required placeholder="${t('opinionText')}" aria-label="${t('opinionText')}"></textarea>
      <div class="row"><label><input type="checkbox" name="agrees" checked> ${t('agrees')}</label>${dateInput('date')}<button class="primary" type="submit">${t('recordOpinion')}</button></div></form>`);
  }
  if (p.apply) {
    parts.push(html`<form class="act" data-action="apply"><h4>${t('apply')}</h4><p class="muted">${t('applyHint')}</p>
      <button class="primary" type="submit" data-testid="apply">${t('apply')}</button></form>`);
  }
  if (p.edit) {
    const kinds = MATERIALS.map((m) => html`<option value="${m[0]}">${zh() ? m[1] : m[2]}</option>`);
    parts.push(html`<form class="act" data-action="materials" data-testid="material-form"><h4>${t('attachMaterial')}</h4>
      <div class="row"><select name="kind" aria-label="${t('kind')}">${kinds}</select><input type="file" name="file" required aria-label="${t('file')}">
      ${dateInput('date')}<button type="submit">${t('upload')}</button></div><p class="muted">${t('uploadHint')}</p></form>`);
    parts.push(html`<form class="act" data-action="meeting" data-testid="meeting-form"><h4>${t('recordMeeting')}</h4>
      <div class="row"><select name="level" aria-label="${t('level')}">${LEVELS.map(([v, en]) => html`<option value="${v}">${zh() ? v : en}</option>`)}</select>
      <input name="place" required placeholder="${t('place')}" aria-label="${t('place')}">
      <input name="participants" placeholder="${t('participantKinds')}" aria-label="${t('participantKinds')}">
      <input name="count" type="number" min="1" required placeholder="${t('people')}" aria-label="${t('people')}">${dateInput('date')}
      <button type="submit">${t('record')}</button></div></form>`);
    parts.push(html`<form class="act" data-action="questionnaire"><h4>${t('recordQuestionnaire')}</h4>
      <div class="row"><input name="issued" type="number" min="0" required placeholder="${t('issued')}" aria-label="${t('issued')}">
      <input name="returned" type="number" min="0" required placeholder="${t('returnedQ')}" aria-label="${t('returnedQ')}">
      <input name="in_favour" type="number" min="0" required placeholder="${t('inFavour')}" aria-label="${t('inFavour')}">${dateInput('date')}
      <button type="submit">${t('record')}</button></div></form>`);
    parts.push(html`<form class="act" data-action="suggestion"><h4>${t('recordSuggestion')}</h4>
      <div class="row"><input name="from" required placeholder="${t('fromWhom')}" aria-label="${t('fromWhom')}">
      <select name="disposition" aria-label="${t('disposition')}"><option value="adopted">${t('dispAdopted')}</option><option value="partly">${t('dispPartly')}</option>
      <option value="not_adopted">${t('dispNot')}</option><option value="pending">${t('dispPending')}</option></select></div>
      <textarea name="text" required placeholder="${t('suggestionText')}" aria-label="${t('suggestionText')}"></textarea>
      <div class="row"><input name="reason" placeholder="${t('reason')}" aria-label="${t('reason')}">${dateInput('date')}<button type="submit">${t('record')}</button></div></form>`);
  }
  if (parts.length === 0) parts.push(html`<p class="muted" data-testid="no-actions">${t('noActions')}</p>`);
  return html`<div class="card" data-testid="actions"><h3>${t('yourActions')}</h3>${parts}<p id="act-msg" class="status" data-testid="act-msg" role="status"></p></div>`;
}

const ASSEMBLY_KINDS: [string, string][] = [
  ['representatives_meeting', 'asmRepresentatives'],
  ['villagers_meeting', 'asmVillagers'],
  ['villagers_meeting_households', 'asmHouseholds'],
];

/** 村民会议表决: each village a village adjustment concerns, its latest assembly and whether
 * it agreed; with the county's form to record one (empty for a township plan). */
export function assemblyCard(b: PlanBoard): Markup | '' {
  if (b.village_assent.length === 0) return '';
  const rows = b.village_assent.map((a) => {
    const r = a.record;
    const name = r ? r.village_name : a.village;
    const status = a.agreed
      ? html`<span class="badge-c ok">${t('asmAgreed')}</span>`
      : html`<span class="badge-c warn">${a.why_not ? tx(a.why_not) : t('asmNone')}</span>`;
    return html`<tr data-testid="assent-${a.village}" data-agreed="${a.agreed ? 'yes' : 'no'}"><th>${name}</th>
      <td>${r ? `${r.date} · ${t(ASSEMBLY_KINDS.find((k) => k[0] === r.kind)?.[1] as Key ?? 'asmVillagers')}` : ''}</td>
      <td>${r ? `${r.present}/${r.entitled}` : ''}</td><td>${r ? `${r.votes_for}/${r.votes_against}/${r.abstentions}` : ''}</td><td>${status}</td></tr>`;
  });
  const form = b.permissions.record_assembly
    ? html`<form class="act" data-action="assembly" data-testid="assembly-form"><h4>${t('asmRecord')}</h4>
      <div class="row"><select name="village" aria-label="${t('asmVillage')}">${b.village_assent.map((a) => html`<option value="${a.village}">${a.record ? a.record.village_name : a.village}</option>`)}</select>
      <select name="kind" aria-label="${t('asmKind')}">${ASSEMBLY_KINDS.map(([v, k]) => html`<option value="${v}">${t(k as Key)}</option>`)}</select>${dateInput('date')}</div>
      <div class="row"><label>${t('asmEntitled')} <input name="entitled" type="number" min="1" required></label>
      <label>${t('asmPresent')} <input name="present" type="number" min="0" required></label>
      <label>${t('asmFor')} <input name="votes_for" type="number" min="0" required></label>
      <label>${t('asmAgainst')} <input name="votes_against" type="number" min="0" value="0"></label>
      <label>${t('asmAbstain')} <input name="abstentions" type="number" min="0" value="0"></label>
      <button class="primary" type="submit">${t('record')}</button></div>
      <p class="muted">${t('asmHint')}</p></form>`
    : '';
  const agreed = b.village_assent.filter((a) => a.agreed).length;
  return html`<div class="card" data-testid="assemblies"><h3>${t('asmTitle')} <span class="muted">${agreed}/${b.village_assent.length} ${t('asmAgreedCount')}</span></h3>
    <table class="ind"><thead><tr><th>${t('asmVillage')}</th><th>${t('asmMeeting')}</th><th>${t('asmPresent')}/${t('asmEntitled')}</th><th>${t('asmFor')}/${t('asmAgainst')}/${t('asmAbstain')}</th><th>${t('asmResult')}</th></tr></thead>
    <tbody>${rows}</tbody></table>${form}</div>`;
}

/** The board of one plan, with the actions the logged-in account may take. */
export function planBoard(b: PlanBoard, scenarios: ScenarioSummary[] = []): Markup {
  const c = b.clocks;
  const clocks = c
    ? html`<div class="clocks" data-testid="clocks">
        <div class="clock ${clockClass(c.implementation)}" data-testid="clock-implementation">${t('clockImpl')}${C()}${c.implementation_due} · ${clockText(c.implementation)}${c.extension_months ? paren(`${t('extended')} ${c.extension_months}`) : ''}</div>
        <div class="clock ${clockClass(c.codes)}" data-testid="clock-codes">${t('clockCodes')}${C()}${c.codes_due} · ${clockText(c.codes)}</div></div>`
    : html`<p class="muted" data-testid="clocks">${t('noClocks')}</p>`;
  const k = b.consultation;
  const a = b.plan.approval;
  const materials = b.materials.length
    ? html`<table class="ind materials"><tbody>${b.materials.map((m) => html`<tr><th><a href="/api/plans/${b.plan.id}/materials/${m.sha256}" download data-testid="material-link">${m.name}</a></th>
        <td>${materialName(m.kind)}</td><td>${m.added_by} · ${m.added_at}</td><td><code title="SHA-256">${m.sha256.slice(0, 12)}…</code></td></tr>`)}</tbody></table>`
    : html`<p class="muted">${t('none')}</p>`;
  const opinions = b.opinions.length
    ? html`<ul class="opinions">${b.opinions.map((o) => html`<li data-testid="opinion-${o.department}"><strong>${deptName(o.department)}</strong>${C()}${o.text}${paren(`${o.agrees ? t('agrees') : t('objects')}${CM()}${o.by} · ${o.at}`)}</li>`)}</ul>`
    : html`<p class="muted">${t('none')}</p>`;
  const docs = b.documents.length
    ? html`<ul class="docs" data-testid="documents">${b.documents.map((d) => html`<li><a href="/api/plans/${b.plan.id}/documents/${d.id}" download data-testid="doc-${d.id}">${zh() ? d.zh : d.en}</a></li>`)}</ul>`
    : html`<p class="muted">${t('docsAfterApply')}</p>`;
  const returns = b.returns.length
    ? html`<ul class="returns">${b.returns.map((r) => html`<li>${r.at} ${r.by}${C()}${r.comments} ${r.resolved ? html`<span class="muted">${paren(`${t('resubmitted')} ${r.resolved}`)}</span>` : html`<span class="tag">${t('returnOpen')}</span>`}</li>`)}</ul>`
    : null;
  const activity = html`<ol class="activity" data-testid="activity">${b.activity.map((x) => html`<li><span class="muted">${x.at}</span> ${x.by} · ${zh() ? x.zh : x.en}</li>`)}</ol>`;
  return html`<h2>${b.plan.name} <span class="muted">#${b.plan.id} · ${b.plan.county} · ${zh() ? b.plan.template_name : b.plan.template_name_en} · ${t('version')} ${b.plan.version}</span>
      <span class="stage stage-${b.plan.stage}" data-testid="stage">${STAGE[b.plan.stage][zh() ? 0 : 1]}</span></h2>
    ${a ? html`<p data-testid="approval">${t('approvalNo')}${C()}<strong>${a.document_no}</strong> · ${a.date} · ${t('effective')} ${a.effective}${b.plan.applied ? html` · ${t('appliedOn')} ${b.plan.applied}` : ''}</p>` : ''}
    <p class="row">${(b.plan.stage === 'approved' || b.plan.stage === 'applied') && b.plan.template !== 'village' ? html`<a href="#/plans/${b.plan.id}/handover" class="button primary" data-testid="handover-link">${t('handover')}</a>` : ''}
      <a href="#/plans/${b.plan.id}/evaluation" class="button" data-testid="evaluation-link">${t('stPlanEvalLink')}</a></p>
    ${actionsCard(b, scenarios)}
    ${assemblyCard(b)}
    <div class="card"><h3>${t('clocks')} <span class="muted">${t('asOf')} ${b.today}</span></h3>${clocks}</div>
    <div class="card"><h3>${t('procedureSteps')}</h3><ol class="steps" data-testid="steps">${b.steps.map((s, i) => stepItem(b, s, i + 1))}</ol></div>
    <div class="card"><h3>${t('documents')}</h3>${docs}</div>
    <div class="card"><h3>${t('consultation')}</h3><p data-testid="consultation">${t('meetings')} ${k.meetings} · ${t('participants')} ${k.participants} ·
      ${t('questionnaires')} ${k.questionnaires_returned}/${k.questionnaires_issued} · ${t('suggestions')} ${k.suggestions}${paren(`${t('adopted')} ${k.adopted}${CM()}${t('pending')} ${k.pending}`)}</p></div>
    <div class="card"><h3>${t('deptOpinions')}</h3>${opinions}</div>
    <div class="card"><h3>${t('materials')}</h3>${materials}</div>
    ${returns ? html`<div class="card"><h3>${t('returnsHistory')}</h3>${returns}</div>` : ''}
    <div class="card"><h3>${t('activityLog')}</h3>${activity}</div>`;
}
