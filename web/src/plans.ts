// 报批程序: the read-only procedure board of plans (steps with done / ready / blocked, the
// statutory clocks in green / amber / red, consultation totals, materials).

import type { ClockState, PlanBoard, PlanStep, PlanSummary } from './api';
import { getLang, t } from './i18n';
import { esc } from './panels';

/** Colour class of a clock state: green on track or done, amber near due, red overdue. */
export function clockClass(s: ClockState | null): string {
  switch (s) {
    case 'done': case 'on_track': return 'clock-green';
    case 'near_due': case 'done_late': return 'clock-amber';
    case 'overdue': return 'clock-red';
    default: return 'clock-none';
  }
}

const CLOCK_ZH: Record<ClockState, [string, string]> = {
  done: ['已按期完成', 'done on time'], on_track: ['进行中', 'on track'], near_due: ['临期', 'near due'],
  overdue: ['已逾期', 'overdue'], done_late: ['逾期完成', 'done late'],
};
const clockText = (s: ClockState) => CLOCK_ZH[s][getLang() === 'zh' ? 0 : 1];

/** The list of plans (links to their boards). */
export function planList(plans: PlanSummary[], current: number | null): string {
  if (plans.length === 0) return `<p class="muted" data-testid="no-plans">${t('noPlans')}</p>`;
  return `<ul class="plans">${plans.map((p) => `<li class="${p.id === current ? 'sel' : ''}">
    <a href="#/plans/${p.id}" data-testid="plan-${p.id}"><strong>${esc(p.name)}</strong></a>
    <span class="muted">${esc(p.county)} · ${p.steps_done}/${p.steps_total} ${t('stepsDone')}</span>
    ${p.implementation ? `<span class="clock ${clockClass(p.implementation)}">${esc(clockText(p.implementation))}</span>` : ''}</li>`).join('')}</ul>`;
}

function stepItem(s: PlanStep, n: number): string {
  const name = getLang() === 'zh' ? s.zh : s.en;
  let body: string;
  if (s.state === 'done' && s.done) {
    const d = s.done.document;
    body = `<span class="mark">✓</span> ${t('doneBy')} ${esc(s.done.by)} · ${esc(s.done.at)}` +
      (d ? ` · ${t('document')}：${esc(d.name)} <code title="SHA-256">${esc(d.sha256.slice(0, 12))}…</code>` : '');
  } else if (s.state === 'ready') {
    body = `<span class="mark">○</span> ${t('stepReady')}`;
  } else {
    const missing = [
      ...s.missing_steps.map((x) => `${t('missingStep')}：${esc(x)}`),
      ...s.missing_materials.map((x) => `${t('missingMaterial')}：${esc(x)}`),
    ];
    body = `<span class="mark">✕</span> ${t('stepBlocked')}<ul class="missing">${missing.map((m) => `<li>${m}</li>`).join('')}</ul>`;
  }
  return `<li class="step step-${s.state}" data-testid="step-${s.id}" data-state="${s.state}">
    <div><strong>${n}. ${esc(name)}</strong> <span class="muted">${esc(s.actor)}</span></div>
    <div>${body}</div><div class="muted basis">${esc(s.basis)}</div></li>`;
}

/** The board of one plan. */
export function planBoard(b: PlanBoard): string {
  const c = b.clocks;
  const clocks = c
    ? `<div class="clocks" data-testid="clocks">
        <div class="clock ${clockClass(c.implementation)}" data-testid="clock-implementation">${t('clockImpl')}：${esc(c.implementation_due)} · ${esc(clockText(c.implementation))}${c.extension_months ? `（${t('extended')} ${c.extension_months}）` : ''}</div>
        <div class="clock ${clockClass(c.codes)}" data-testid="clock-codes">${t('clockCodes')}：${esc(c.codes_due)} · ${esc(clockText(c.codes))}</div></div>`
    : `<p class="muted" data-testid="clocks">${t('noClocks')}</p>`;
  const k = b.consultation;
  return `<h2>${esc(b.plan.name)} <span class="muted">#${b.plan.id} · ${esc(b.plan.county)} · ${esc(b.plan.template_name)} · ${t('version')} ${b.plan.version}</span></h2>
    <div class="card"><h3>${t('clocks')} <span class="muted">${t('asOf')} ${esc(b.today)}</span></h3>${clocks}</div>
    <div class="card"><h3>${t('procedureSteps')}</h3><ol class="steps" data-testid="steps">${b.steps.map((s, i) => stepItem(s, i + 1)).join('')}</ol></div>
    <div class="card"><h3>${t('consultation')}</h3><p data-testid="consultation">${t('meetings')} ${k.meetings} · ${t('participants')} ${k.participants} ·
      ${t('questionnaires')} ${k.questionnaires_returned}/${k.questionnaires_issued} · ${t('suggestions')} ${k.suggestions}（${t('adopted')} ${k.adopted}，${t('pending')} ${k.pending}）</p></div>
    <div class="card"><h3>${t('materials')}</h3>${b.materials.length ? `<table class="ind materials"><tbody>${b.materials.map((m) => `<tr><th>${esc(m.name)}</th><td>${esc(m.kind_zh ?? m.kind ?? '')}</td><td><code>${esc(m.sha256)}</code></td></tr>`).join('')}</tbody></table>` : `<p class="muted">${t('none')}</p>`}</div>`;
}
