// Rendering of the 评估 page (markup only, built with html``: every value escaped unless it is
// markup; stats_page.ts wires it): the before/after header, the figures sentence, the
// key-figures table, the chart containers, the stored statistics with the import form, and the
// crosswalk and recast forms. Tested in test/stats_view.test.ts.

import type { EvaluationView, ObservationOutcome, ObservationsView, PlanBoard, SideView, Stats } from './api';
import { html, type Markup } from './html';
import { getLang, kindName, t, tf } from './i18n';
import { natureText, num } from './stats_charts';

const zh = () => getLang() === 'zh';
/** Parentheses as each language writes them (text: escaped where it is interpolated). */
const paren = (x: string | number) => (zh() ? `（${x}）` : ` (${x})`);

/** The header of the comparison: county, dates, 示意, and for a plan whether it is applied. */
export function evalHeader(ev: EvaluationView, board: PlanBoard | null): Markup {
  const plan = board
    ? html`<p class="st-plan"><a href="#/plans/${board.plan.id}" data-testid="plan-board-link">${board.plan.name}</a> <span class="muted">#${board.plan.id}</span>
        <span class="badge-c ${ev.applied ? 'ok' : 'warn'}" data-testid="eval-mode">${ev.applied ? t('stApplied') : t('stSimulated')}</span></p>`
    : '';
  return html`<h2 data-testid="eval-head">${t('stCompare')}${t('colon')}${ev.county_name} <span class="muted">${ev.county}</span>
      <span class="st-dates" data-testid="eval-dates">${ev.before.date} → ${ev.after.date}</span>
      ${ev.synthetic ? html`<span class="tag" data-testid="synthetic-tag">${t('schematic')}</span>` : ''}</h2>${plan}`;
}

/** The county view's date form (kept in the URL's query). */
export function dateForm(from: string, to: string): Markup {
  return html`<form class="row st-dates-form" data-action="dates" data-testid="date-form">
    <label>${t('stFrom')} <input type="date" name="from" value="${from}" required></label>
    <label>${t('stTo')} <input type="date" name="to" value="${to}" required></label>
    <button type="submit" class="primary">${t('stUpdate')}</button></form>`;
}

export function sentence(ev: EvaluationView): Markup {
  return html`<blockquote class="st-sentence" data-testid="eval-sentence">${zh() ? ev.sentence_zh : ev.sentence_en}</blockquote>`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The key figures before and after, with the national averages. */
export function keyFigures(ev: EvaluationView): Markup {
  const b = ev.before.indicators;
  const a = ev.after.indicators;
  const kinds = [...new Set(['镇', '乡', '街道', ...Object.keys(b.by_kind), ...Object.keys(a.by_kind)])]
    .filter((k) => (b.by_kind[k] ?? 0) + (a.by_kind[k] ?? 0) > 0);
  const row = (label: string, f: (s: SideView) => string, national = '', cls = '') =>
    html`<tr class="${cls}"><th>${label}</th><td>${f(ev.before)}</td><td>${f(ev.after)}</td><td class="nat">${national}</td></tr>`;
  const stat = (label: string, pick: (s: SideView) => Stats, digits: number, national?: number) => [
    row(`${label} · ${t('stMean')}`, (s) => num(pick(s).mean, digits), national === undefined ? '' : num(national, digits)),
    row(`${label} · ${t('stMedian')}`, (s) => num(pick(s).median, digits), '', 'sub'),
    row(`${label} · ${t('stMin')}`, (s) => num(pick(s).min, digits), '', 'sub'),
    row(`${label} · ${t('stMax')}`, (s) => num(pick(s).max, digits), '', 'sub'),
  ];
  const dist = (f: (x: Stats) => number) => (s: SideView) => (s.seat_distance_km ? num(f(s.seat_distance_km), 2) : '—');
  return html`<div class="scroll-x"><table class="ind st-key" data-testid="key-figures">
    <thead><tr><th>${t('stFigure')}</th><th>${t('before')}<br><span class="muted">${ev.before.date}</span></th>
      <th>${t('after')}<br><span class="muted">${ev.after.date}</span></th><th>${t('stNational')}</th></tr></thead>
    <tbody>
    ${row(t('stUnits'), (s) => String(s.indicators.count))}
    ${kinds.map((k) => row(`${t('stOfKind')}${t('colon')}${kindName(k)}`, (s) => String(s.indicators.by_kind[k] ?? 0), '', 'sub'))}
    ${row(t('townShare'), (s) => pct(s.indicators.town_street_share))}
    ${stat(t('stPop'), (s) => s.indicators.population, 0, ev.national_population)}
    ${stat(t('stArea'), (s) => s.indicators.area_km2, 2, ev.national_area_km2)}
    ${row(t('stVillages'), (s) => String(s.villages))}
    ${row(`${t('stSeatDist')} · ${t('stMean')}`, dist((x) => x.mean))}
    ${row(`${t('stSeatDist')} · ${t('stMax')}`, dist((x) => x.max), '', 'sub')}
    </tbody></table></div>
    <p class="muted cite" data-testid="national-citation">${t('stNational')}${t('colon')}${ev.national_citation}</p>`;
}

/** Containers of the charts (filled by stats_page.ts). */
export function chartBoxes(ev: EvaluationView): Markup {
  const handover = ev.plan === null ? ''
    : ev.handover ? html`<div class="st-chart" data-testid="chart-handover"></div>`
      : html`<div class="st-chart st-empty muted" data-testid="chart-handover-none">${t('stNoHandover')}</div>`;
  const series = ev.series.length
    ? html`<div class="st-charts">${ev.series.map((s, i) => html`<div class="st-chart" data-testid="chart-series" data-indicator="${s.indicator}" data-i="${i}"></div>`)}</div>`
    : html`<p class="muted" data-testid="series-note">${ev.series_note ?? t('stNoSeries')}</p>`;
  return html`<div class="st-charts">
      <div class="st-chart" data-testid="chart-kinds"></div>
      <div class="st-chart" data-testid="chart-means"></div>
      <div class="st-chart wide" data-testid="chart-pop"></div>
      ${handover}
    </div>
    ${handoverNotes(ev)}
    <h3>${t('stSeries')}</h3>${series}`;
}

/** Under the handover chart: the quotas in words and whether 只增不减 holds. */
function handoverNotes(ev: EvaluationView): Markup | '' {
  const h = ev.handover;
  if (!h) return '';
  const q = h.quotas;
  const sv = h.services;
  // data-holds is "true" or "false" (String(): html`` leaves a bare false out).
  return html`<ul class="st-notes">
    <li data-testid="quota-note">${q.computed ? tf('stQuotasNote', { b: q.before, a: q.after, p: q.returned_to_pool }) : t('stQuotasNotComputed')}</li>
    <li data-testid="services-holds" data-holds="${String(sv.holds)}" class="${sv.holds ? 'ok' : 'error'}">${sv.holds ? t('stServicesHold') : tf('stServicesFail', { n: sv.pending })}
      <span class="muted">${tf('stServicesNote', { b: sv.points_before, a: sv.points_after, k: sv.kept, r: sv.renamed, u: sv.upgraded, m: sv.merged, c: sv.closed, n: sv.added })}</span></li></ul>`;
}

/** The plan's evaluation report and maps (those the plan has). */
export function docLinks(board: PlanBoard): Markup {
  const want: [string, string][] = [
    ['evaluation.docx', `${t('stReport')}${paren('Word')}`], ['evaluation.pdf', `${t('stReport')}${paren('PDF')}`],
    ['map-before.svg', `${t('stMapBefore')}${paren('SVG')}`], ['map-before.png', `${t('stMapBefore')}${paren('PNG')}`],
    ['map-after.svg', `${t('stMapAfter')}${paren('SVG')}`], ['map-after.png', `${t('stMapAfter')}${paren('PNG')}`],
  ];
  const have = new Set(board.documents.map((d) => d.id));
  const links = want.filter(([id]) => have.has(id));
  return html`<div class="card st-docs"><h3>${t('stDocs')}</h3>${links.length
    ? html`<ul class="docs inline">${links.map(([id, label]) => html`<li><a href="/api/plans/${board.plan.id}/documents/${id}" download data-testid="doc-${id}">${label}</a></li>`)}</ul>`
    : html`<p class="muted">${t('docsAfterApply')}</p>`}</div>`;
}

const years = (p: number[]) => (p.length === 0 ? '—' : p.length === 1 ? String(p[0]) : `${p[0]}–${p[p.length - 1]}${paren(p.length)}`);

/** The stored statistics and, for those who may import, the import form. */
export function observationsCard(obs: ObservationsView): Markup {
  const table = obs.indicators.length
    ? html`<div class="scroll-x"><table class="ind st-obs" data-testid="obs-table"><thead><tr><th>${t('stIndicator')}</th><th>${t('stUnit')}</th><th>${t('stNature')}</th>
        <th>${t('stYears')}</th><th>${t('stUnitsWith')}</th><th>${t('stFigures')}</th></tr></thead><tbody>
        ${obs.indicators.map((i) => html`<tr data-indicator="${i.name}"><th>${i.name}</th><td>${i.unit}</td><td>${natureText(i.nature_zh)}</td>
          <td>${years(i.periods)}</td><td>${i.units}</td><td>${i.figures}</td></tr>`)}</tbody></table></div>
        <p class="muted">${t('stFigures')} ${obs.figures} · ${t('stSources')}${t('colon')}${obs.sources.join(zh() ? '、' : ', ') || '—'}</p>`
    : html`<p class="muted" data-testid="obs-table">${t('stNoData')}</p>`;
  const form = obs.may_import
    ? html`<form class="act" data-action="obs-import" data-testid="obs-form"><h4>${t('stImport')}</h4>
        <div class="row"><input type="file" name="file" accept=".csv,.xlsx,.xls" required aria-label="${t('stFile')}" data-testid="obs-file">
        <button type="submit" value="check" data-testid="obs-check">${t('stCheck')}</button>
        <button type="submit" value="commit" class="primary" disabled data-testid="obs-import">${t('stDoImport')}</button></div>
        <p class="muted">${t('stImportHint')}</p><div id="obs-result" role="status"></div></form>`
    : html`<p class="muted" data-testid="obs-readonly">${t('stReadOnly')}</p>`;
  return html`<h2>${t('stData')}</h2>${table}${form}`;
}

/** What a check or import found. */
export function outcomeHtml(o: ObservationOutcome): Markup {
  const head = o.stored ? tf('stStored', { n: o.figures, r: o.replaced }) : tf('stCheckedOk', { n: o.figures });
  // data-stored is "true" or "false" (String(): html`` leaves a bare false out).
  return html`<div class="st-outcome" data-testid="obs-outcome" data-stored="${String(o.stored)}"><p class="ok">${head} <span class="muted">${o.file} · SHA-256 ${o.sha256.slice(0, 12)}…</span></p>
    <ul data-testid="obs-preview-indicators">${o.indicators.map((i) => html`<li><strong>${i.name}</strong>${paren(`${i.unit}${zh() ? '，' : ', '}${natureText(i.nature_zh)}`)} ${years(i.periods)} · ${t('stUnitsWith')} ${i.units} · ${t('stFigures')} ${i.figures}</li>`)}</ul>
    ${o.preview.length ? html`<details open><summary>${t('stFirstRows')}</summary><div class="scroll-x"><table class="ind preview"><thead><tr><th>${t('stCode')}</th><th>${t('stIndicator')}</th><th>${t('stYear')}</th><th>${t('stValue')}</th><th>${t('stUnit')}</th></tr></thead>
      <tbody>${o.preview.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table></div></details>` : ''}</div>`;
}

const weightSelect = () => html`<label>${t('stWeight')} <select name="weight">
  <option value="population">${t('wPopulation')}</option><option value="households">${t('wHouseholds')}</option>
  <option value="area">${t('wArea')}</option><option value="villages">${t('wVillages')}</option></select></label>`;
const formatSelect = () => html`<label>${t('stFormat')} <select name="format"><option value="xlsx">XLSX</option><option value="csv">CSV</option><option value="json">JSON</option></select></label>`;

/** The crosswalk and recast forms; links are filled from the inputs by stats_page.ts. */
export function crosswalkCard(from: string, to: string, hasData: boolean): Markup {
  return html`<h2>${t('stCrosswalkTitle')}</h2>
    <form class="act" data-link="crosswalk" data-testid="crosswalk-form"><h4>${t('stCrosswalk')}</h4><p class="muted">${t('stCrosswalkHint')}</p>
      <div class="row"><label>${t('stFrom')} <input type="date" name="from" value="${from}" required></label>
      <label>${t('stTo')} <input type="date" name="to" value="${to}" required></label>${weightSelect()}
      <label>${t('stDirection')} <select name="direction"><option value="forward">${t('dForward')}</option><option value="backward">${t('dBackward')}</option></select></label>
      ${formatSelect()}<a class="button primary" download data-testid="crosswalk-link">${t('stDownload')}</a></div></form>
    <form class="act" data-link="recast" data-testid="recast-stored-form"><h4>${t('stRecastStored')}</h4><p class="muted">${t('stRecastStoredHint')}</p>
      <div class="row"><label>${t('stOnDate')} <input type="date" name="to" value="${to}" required></label>${weightSelect()}${formatSelect()}
      ${hasData ? html`<a class="button primary" download data-testid="recast-link">${t('stDownload')}</a>` : html`<span class="muted">${t('stNoData')}</span>`}</div></form>
    <form class="act" data-action="recast-upload" data-testid="recast-form"><h4>${t('stRecastUpload')}</h4>
      <div class="row"><input type="file" name="file" accept=".csv,.xlsx,.xls" required aria-label="${t('stFile')}">
      <label>${t('stOnDate')} <input type="date" name="to" value="${to}" required></label>${weightSelect()}${formatSelect()}
      <button type="submit" class="primary">${t('stRecastDo')}</button></div><div id="recast-result" role="status"></div></form>`;
}
