// ECharts: population and area distributions before/after, and counts by kind.

import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Evaluation, Base } from './api';
import { getLang, kindName, t } from './i18n';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

function bins(values: number[], width: number): { labels: string[]; edges: number[] } {
  const max = Math.max(width, ...values);
  const edges: number[] = [];
  for (let x = 0; x <= max; x += width) edges.push(x);
  // 万 (ten thousands) in Chinese, thousands (k) in English.
  const fmt = (v: number) => (width < 10000 ? `${v}` : getLang() === 'zh' ? `${v / 10000}万` : `${v / 1000}k`);
  return { edges, labels: edges.map((e) => `${fmt(e)}–${fmt(e + width)}`) };
}

function histogram(values: number[], edges: number[], width: number): number[] {
  const out = edges.map(() => 0);
  for (const v of values) {
    const i = Math.min(edges.length - 1, Math.floor(v / width));
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

function barOption(title: string, labels: string[], before: number[], after: number[]): echarts.EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: [t('before'), t('after')] },
    grid: { left: 36, right: 12, top: 30, bottom: 48 },
    xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('before'), type: 'bar', data: before, itemStyle: { color: '#b0b0b0' } },
      { name: t('after'), type: 'bar', data: after, itemStyle: { color: '#2b83ba' } },
    ],
    animation: false,
  };
}

/** Three charts in `host`; call `update` after each evaluation. */
export function createCharts(host: HTMLElement): { update(base: Base, ev: Evaluation): void; dispose(): void } {
  host.innerHTML = '';
  const mk = () => {
    const d = document.createElement('div');
    d.className = 'chart';
    host.appendChild(d);
    return echarts.init(d);
  };
  const pop = mk();
  const area = mk();
  const kinds = mk();
  const resize = () => { pop.resize(); area.resize(); kinds.resize(); };
  window.addEventListener('resize', resize);
  return {
    update(base, ev) {
      const pk = base.population_key ?? 'pop_hukou';
      const ak = base.area_key ?? 'area_km2';
      const popBefore = base.townships.map((x) => x.figures[pk] ?? 0);
      const popAfter = ev.units.map((u) => u.population ?? 0);
      const pw = 10000;
      const pb = bins([...popBefore, ...popAfter], pw);
      pop.setOption(barOption(t('popDist'), pb.labels, histogram(popBefore, pb.edges, pw), histogram(popAfter, pb.edges, pw)), true);
      const areaBefore = base.townships.map((x) => x.figures[ak] ?? 0);
      const areaAfter = ev.units.map((u) => u.area_km2 ?? 0);
      const aw = 25;
      const ab = bins([...areaBefore, ...areaAfter], aw);
      area.setOption(barOption(t('areaDist'), ab.labels, histogram(areaBefore, ab.edges, aw), histogram(areaAfter, ab.edges, aw)), true);
      const b = ev.indicators.before.by_kind;
      const a = ev.indicators.after.by_kind;
      const names = [...new Set([...Object.keys(b), ...Object.keys(a)])];
      kinds.setOption(barOption(t('kindCounts'), names.map(kindName), names.map((k) => b[k] ?? 0), names.map((k) => a[k] ?? 0)), true);
    },
    dispose() {
      window.removeEventListener('resize', resize);
      pop.dispose(); area.dispose(); kinds.dispose();
    },
  };
}
