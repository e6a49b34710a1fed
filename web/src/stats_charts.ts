// ECharts options of the 评估 page: counts by kind, means against the national averages,
// population per township, the handover's quotas and service points, and one line chart per
// stored indicator series. A ChartSet owns the instances: resize with the window and for print.

import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EvaluationView, HandoverFigures, SeriesView } from './api';
import { getLang, kindName, t } from './i18n';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

type Option = echarts.EChartsCoreOption;

const GREY = '#9e9e9e';
const BLUE = '#2b83ba';
const RED = '#d7191c';
const TEXT = { fontSize: 13, fontWeight: 'bold' as const, color: '#222' };

/** Axis numbers: 万 in Chinese, k in English, for large values. */
function big(v: number): string {
  if (Math.abs(v) >= 10000) return getLang() === 'zh' ? `${+(v / 10000).toFixed(1)}万` : `${+(v / 1000).toFixed(0)}k`;
  return `${+v.toFixed(2)}`;
}

/** Numbers in tooltips and labels. */
export function num(v: number, digits = 0): string {
  return v.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

const legend = () => ({ bottom: 0, data: [t('before'), t('after')], textStyle: { fontSize: 12 } });
const base = (title: string): Option => ({
  title: { text: title, left: 'center', top: 4, textStyle: TEXT },
  tooltip: { trigger: 'axis', confine: true },
  animation: false,
  textStyle: { fontFamily: 'inherit' },
});

/** A kind (乡 / 镇 / 街道, as the server names it) in the current language. */
/** (a) Units by kind, before and after. */
export function kindsOption(ev: EvaluationView): Option {
  const b = ev.before.indicators.by_kind;
  const a = ev.after.indicators.by_kind;
  const order = ['镇', '乡', '街道'];
  const kinds = [...new Set([...order, ...Object.keys(b), ...Object.keys(a)])].filter((k) => (b[k] ?? 0) + (a[k] ?? 0) > 0);
  const total = t('hvTotal');
  const cats = [...kinds.map(kindName), total];
  return {
    ...base(t('stChartKinds')),
    legend: legend(),
    grid: { left: 8, right: 16, top: 36, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: cats },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('before'), type: 'bar', data: [...kinds.map((k) => b[k] ?? 0), ev.before.indicators.count], itemStyle: { color: GREY }, label: { show: true, position: 'top' } },
      { name: t('after'), type: 'bar', data: [...kinds.map((k) => a[k] ?? 0), ev.after.indicators.count], itemStyle: { color: BLUE }, label: { show: true, position: 'top' } },
    ],
  };
}

/** A bar series of before/after on one grid, with the national average as a dashed line. */
function vsNational(grid: number, values: [number, number], national: number, digits: number): object {
  return {
    type: 'bar', xAxisIndex: grid, yAxisIndex: grid, barWidth: '45%',
    data: [{ value: values[0], itemStyle: { color: GREY } }, { value: values[1], itemStyle: { color: BLUE } }],
    label: { show: true, position: 'top', formatter: (p: { value: number }) => num(p.value, digits) },
    markLine: {
      symbol: 'none', silent: true, lineStyle: { color: RED, type: 'dashed', width: 2 },
      label: { formatter: `${t('stNationalShort')} ${num(national, digits)}`, position: 'insideMiddleTop', color: RED, fontSize: 11 },
      data: [{ yAxis: national }],
    },
  };
}

/** (b) Mean population and mean area, before and after, against the national averages. */
export function meansOption(ev: EvaluationView): Option {
  const cats = [t('before'), t('after')];
  const pb = ev.before.indicators.population.mean;
  const pa = ev.after.indicators.population.mean;
  const ab = ev.before.indicators.area_km2.mean;
  const aa = ev.after.indicators.area_km2.mean;
  const axisMax = (v: number[]) => Math.ceil(Math.max(...v) * 1.15);
  return {
    ...base(t('stChartMeans')),
    tooltip: { trigger: 'item', confine: true },
    title: [
      { text: t('stChartMeans'), left: 'center', top: 4, textStyle: TEXT },
      { text: t('stMeanPop'), left: '25%', top: 28, textAlign: 'center', textStyle: { fontSize: 12, fontWeight: 'normal', color: '#444' } },
      { text: t('stMeanArea'), left: '75%', top: 28, textAlign: 'center', textStyle: { fontSize: 12, fontWeight: 'normal', color: '#444' } },
    ],
    grid: [
      { left: '4%', width: '40%', top: 56, bottom: 10, containLabel: true },
      { left: '56%', width: '40%', top: 56, bottom: 10, containLabel: true },
    ],
    xAxis: [{ type: 'category', data: cats, gridIndex: 0 }, { type: 'category', data: cats, gridIndex: 1 }],
    yAxis: [
      { type: 'value', gridIndex: 0, max: axisMax([pb, pa, ev.national_population]), axisLabel: { formatter: big } },
      { type: 'value', gridIndex: 1, max: axisMax([ab, aa, ev.national_area_km2]), axisLabel: { formatter: big } },
    ],
    series: [
      { name: t('stMeanPop'), ...vsNational(0, [pb, pa], ev.national_population, 0) },
      { name: t('stMeanArea'), ...vsNational(1, [ab, aa], ev.national_area_km2, 1) },
    ],
  };
}

/** (c) Population of every township before and after, each sorted largest first. */
export function populationOption(ev: EvaluationView): Option {
  const sorted = (units: EvaluationView['before']['units']) =>
    units.filter((u) => u.population !== null).map((u) => ({ name: u.name, value: u.population ?? 0 })).sort((x, y) => y.value - x.value);
  const b = sorted(ev.before.units);
  const a = sorted(ev.after.units);
  const n = Math.max(b.length, a.length);
  return {
    ...base(t('stChartPop')),
    legend: legend(),
    tooltip: {
      trigger: 'axis', confine: true,
      formatter: (ps: { seriesName: string; data?: { name: string; value: number }; marker: string; axisValue: string }[]) =>
        `${t('stRank')} ${ps[0]?.axisValue ?? ''}<br>` + ps.filter((p) => p.data).map((p) => `${p.marker}${p.seriesName}${t('colon')}${p.data?.name ?? ''} ${num(p.data?.value ?? 0)}`).join('<br>'),
    },
    grid: { left: 8, right: 16, top: 36, bottom: 44, containLabel: true },
    xAxis: { type: 'category', data: Array.from({ length: n }, (_, i) => String(i + 1)), name: t('stRank'), nameLocation: 'middle', nameGap: 20, axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', axisLabel: { formatter: big } },
    series: [
      { name: t('before'), type: 'bar', data: b, itemStyle: { color: GREY } },
      {
        name: t('after'), type: 'bar', data: a, itemStyle: { color: BLUE },
        markLine: {
          symbol: 'none', silent: true, lineStyle: { color: RED, type: 'dashed', width: 2 },
          label: { formatter: `${t('stNational')} ${num(ev.national_population)}`, position: 'insideEndTop', color: RED, fontSize: 11 },
          data: [{ yAxis: ev.national_population }],
        },
      },
    ],
  };
}

/** (d) The handover's staffing quotas and service points, before and after. */
export function handoverOption(h: HandoverFigures): Option {
  const q = h.quotas;
  const s = h.services;
  const cats = [t('before'), t('after')];
  const bar = (grid: number, values: [number, number]) => ({
    type: 'bar', xAxisIndex: grid, yAxisIndex: grid, barWidth: '45%', label: { show: true, position: 'top' },
    data: [{ value: values[0], itemStyle: { color: GREY } }, { value: values[1], itemStyle: { color: BLUE } }],
  });
  return {
    ...base(''),
    tooltip: { trigger: 'item', confine: true },
    title: [
      { text: t('stChartQuotas'), left: '25%', top: 4, textAlign: 'center', textStyle: TEXT },
      { text: t('stChartServices'), left: '75%', top: 4, textAlign: 'center', textStyle: TEXT },
    ],
    grid: [
      { left: '4%', width: '40%', top: 40, bottom: 10, containLabel: true },
      { left: '56%', width: '40%', top: 40, bottom: 10, containLabel: true },
    ],
    xAxis: [{ type: 'category', data: cats, gridIndex: 0 }, { type: 'category', data: cats, gridIndex: 1 }],
    yAxis: [{ type: 'value', gridIndex: 0, minInterval: 1 }, { type: 'value', gridIndex: 1, minInterval: 1 }],
    series: [
      { name: t('stChartQuotas'), ...bar(0, [q.before, q.after]) },
      { name: t('stChartServices'), ...bar(1, [s.points_before, s.points_after]) },
    ],
  };
}

/** The nature (总量/均量) in the current language. */
export const natureText = (zh: string) => (getLang() === 'zh' ? zh : zh === '均量' ? t('stAverage') : zh === '总量' ? t('stTotal') : zh);

/** (e) One stored indicator's yearly series on the boundaries after. */
export function seriesOption(s: SeriesView): Option {
  const unit = s.unit ? `${s.unit}，` : '';
  const title = getLang() === 'zh' ? `${s.indicator}（${unit}${s.nature_zh}）` : `${s.indicator} (${s.unit ? `${s.unit}, ` : ''}${natureText(s.nature_zh)})`;
  const digits = s.nature_zh === '均量' ? 1 : 0;
  return {
    ...base(title),
    tooltip: {
      trigger: 'axis', confine: true,
      formatter: (ps: { axisValue: string; value: number; dataIndex: number }[]) => {
        const p = ps[0];
        if (!p) return '';
        const pt = s.points[p.dataIndex];
        return `${p.axisValue}${t('colon')}${num(p.value, digits)} ${s.unit}<br>${t('stUnitsWith')} ${pt?.units ?? ''}`;
      },
    },
    grid: { left: 8, right: 20, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: s.points.map((p) => String(p.period)), boundaryGap: false },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: big } },
    series: [{ name: s.indicator, type: 'line', data: s.points.map((p) => p.value), itemStyle: { color: BLUE }, symbolSize: 6, lineStyle: { width: 2 } }],
  };
}

/** The charts of a page: created into containers, resized with the window and for print. */
export interface ChartSet {
  add(el: HTMLElement, option: Option): void;
  clear(): void;
  dispose(): void;
}

export function createChartSet(): ChartSet {
  let charts: echarts.ECharts[] = [];
  const resize = () => charts.forEach((c) => c.resize());
  // Printing: draw at the printed width (A4 portrait less margins); the CSS scales any canvas
  // still wider than the page.
  const beforePrint = () => charts.forEach((c) => c.resize({ width: 640 }));
  const print = window.matchMedia('print');
  const onPrint = (e: MediaQueryListEvent) => (e.matches ? beforePrint() : resize());
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', resize);
  print.addEventListener('change', onPrint);
  return {
    add(el, option) {
      const c = echarts.init(el, undefined, { renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio || 1) });
      c.setOption(option, true);
      charts.push(c);
    },
    clear() { charts.forEach((c) => c.dispose()); charts = []; },
    dispose() {
      window.removeEventListener('resize', resize);
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', resize);
      print.removeEventListener('change', onPrint);
      charts.forEach((c) => c.dispose());
      charts = [];
    },
  };
}
