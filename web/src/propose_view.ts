// 方案推荐's wishes as views and as the request: the floor and cap pre-filled from the policy
// in force, the objective weights, the groups kept together or apart, and the line saying
// what the answer honoured. Pure (no DOM), so node's test runner checks it in both languages.

import type { Honoured, ObjectiveWeights, PolicyChoices, ProposeRequest, ServicePoints, TownshipRef } from './api';
import { html, type Markup } from './html';
import { getLang, t, tf } from './i18n';

const zh = () => getLang() === 'zh';
const sep = () => (zh() ? '、' : ', ');
const colon = () => (zh() ? '：' : ': ');
const num = (v: number) => v.toLocaleString(zh() ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });

/** Most schemes a request may ask for (the server's MAX_SCHEMES). */
export const MAX_SCHEMES = 8;
/** Schemes asked for when the planner does not say. */
export const DEFAULT_SCHEMES = 4;
/** The optimizer's default weights. */
export const DEFAULT_WEIGHTS: ObjectiveWeights = { wss: 1, compactness: 0, service: 0 };

/** The planner's wishes the optimizer honours: townships kept as they are (the editor's 锁定
 * operations), seeds (townships that each head a different new unit), the groups kept
 * together or apart (township codes) and the policy the scheme is checked against. */
export interface Wishes { lock: string[]; seed_units: string[]; together: string[][]; apart: string[][]; policy?: string }

/** The policy in force with its floor and cap. */
export interface Limits { policy: string; name: string; floor: number | null; cap: number | null }

/** The floor and cap of policy `id` among the county's choices (none where unknown). */
export function policyLimits(c: PolicyChoices, id: string): Limits {
  const p = c.policies.find((x) => x.id === id);
  return {
    policy: id,
    name: p ? (zh() ? p.name : p.name_en) : id,
    floor: p?.population_floor ?? null,
    cap: p?.area_cap_km2 ?? null,
  };
}

/** The note under the floor and cap: which policy they were pre-filled from, with its values. */
export function limitsNote(l: Limits): string {
  const none = t('limitNone');
  return tf('limitsFrom', {
    policy: l.name,
    floor: l.floor == null ? none : `${num(l.floor)}${zh() ? ' 人' : ''}`,
    cap: l.cap == null ? none : `${num(l.cap)} km²`,
  });
}

/** The card's inputs, as read (strings as typed). */
export interface ProposeForm {
  schemes: string;
  minPop: string;
  maxArea: string;
  wss: string;
  compactness: string;
  service: string;
  villages: boolean;
  prefer: 'floor' | 'ceiling';
  exact: string;
}

const given = (raw: string): number | undefined => {
  const v = raw.trim();
  return v === '' ? undefined : Number(v);
};

/** The request of the card's inputs and the editor's wishes. The floor and cap are sent only
 * where they differ from the policy's, the weights only where they differ from the defaults
 * (so the usual request stays the usual one); the server checks every range and says what is
 * wrong in both languages. */
export function proposeRequest(f: ProposeForm, w: Wishes, l: Limits): ProposeRequest {
  const req: ProposeRequest = { villages: f.villages, prefer: f.prefer, exact_time_limit: given(f.exact) ?? 2, lock: w.lock, seed_units: w.seed_units };
  const schemes = given(f.schemes);
  if (schemes !== undefined) req.schemes = schemes;
  const minPop = given(f.minPop);
  if (minPop !== undefined && minPop !== l.floor) req.min_pop = minPop;
  const maxArea = given(f.maxArea);
  if (maxArea !== undefined && maxArea !== l.cap) req.max_area = maxArea;
  const weights: ObjectiveWeights = {
    wss: given(f.wss) ?? DEFAULT_WEIGHTS.wss,
    compactness: given(f.compactness) ?? DEFAULT_WEIGHTS.compactness,
    service: given(f.service) ?? DEFAULT_WEIGHTS.service,
  };
  if (weights.wss !== DEFAULT_WEIGHTS.wss || weights.compactness !== DEFAULT_WEIGHTS.compactness || weights.service !== DEFAULT_WEIGHTS.service) req.weights = weights;
  if (w.together.length) req.together = w.together;
  if (w.apart.length) req.apart = w.apart;
  if (w.policy) req.policy = w.policy;
  return req;
}

/** `groups` with the group of `codes` added: none where it has fewer than two townships or
 * the same group is listed already (`added` says which). */
export function addGroup(groups: string[][], codes: string[]): { groups: string[][]; added: boolean } {
  const g = [...new Set(codes)];
  const key = (x: string[]) => [...x].sort().join(',');
  if (g.length < 2 || groups.some((x) => key(x) === key(g))) return { groups, added: false };
  return { groups: [...groups, g], added: true };
}

/** The groups as two lists, each group by its townships' names with a remove button
 * (`data-kind` together | apart, `data-i` its position). */
export function groupsList(w: Wishes, nameOf: (ref: string) => string): Markup {
  const list = (kind: 'together' | 'apart', groups: string[][]) => html`<li data-testid="groups-${kind}"><strong>${kind === 'together' ? t('groupTogether') : t('groupApart')}${colon()}</strong>
    ${groups.length ? groups.map((g, i) => html`<span class="group" data-testid="group-${kind}-${i}">${g.map(nameOf).join(sep())}
      <button class="link remove-group" data-kind="${kind}" data-i="${i}" data-testid="remove-${kind}-${i}" title="${t('removeGroup')}" aria-label="${t('removeGroup')}">×</button></span>`) : t('none')}</li>`;
  return html`<ul class="groups">${list('together', w.together)}${list('apart', w.apart)}</ul>`;
}

/** The wishes as a line of the card (locks, seeds and groups). */
export function wishesLine(w: Wishes, nameOf: (ref: string) => string): Markup {
  const list = (refs: string[]) => (refs.length ? refs.map(nameOf).join(sep()) : t('none'));
  const groups = (gs: string[][]) => (gs.length ? gs.map((g) => `${zh() ? '（' : '('}${g.map(nameOf).join(sep())}${zh() ? '）' : ')'}`).join(zh() ? '' : ' ') : t('none'));
  return html`${t('wishLocked')}${colon()}${list(w.lock)} · ${t('wishSeeds')}${colon()}${list(w.seed_units)}
    · ${t('groupTogether')}${colon()}${groups(w.together)} · ${t('groupApart')}${colon()}${groups(w.apart)}`;
}

/** Where service distance was measured from, in words. */
export function servicePointsText(sp: ServicePoints): string {
  switch (sp.basis) {
    case 'seats': return t('spSeats');
    case 'mixed': return tf('spMixed', { n: sp.centroids });
    case 'centroids': return t('spCentroids');
    default: return t('spNone');
  }
}

/** What the answer honoured: floor and cap used (with the policy's where they differ), the
 * weights, the groups, where service distance was measured from, and the schemes found
 * against those asked for. */
export function honouredLine(h: Honoured, sp: ServicePoints, found: number): Markup {
  const refs = (g: TownshipRef[]) => g.map((x) => x.name).join(sep());
  const groups = (gs: TownshipRef[][]) => (gs.length ? gs.map((g) => `${zh() ? '（' : '('}${refs(g)}${zh() ? '）' : ')'}`).join(zh() ? '' : ' ') : t('none'));
  const policy = (v: number | null | undefined, used: number | null | undefined, unit: string) =>
    (v ?? null) === (used ?? null) ? '' : `${zh() ? '（' : ' ('}${t('honouredPolicyValue')} ${v == null ? t('limitNone') : `${num(v)}${unit}`}${zh() ? '）' : ')'}`;
  const floor = h.min_pop > 0 ? `${num(h.min_pop)}${zh() ? ' 人' : ''}` : t('limitNone');
  const cap = h.max_area == null ? t('limitNone') : `${num(h.max_area)} km²`;
  const w = h.weights;
  const fewer = found < h.schemes ? html` <span data-testid="fewer-schemes">${zh() ? '（' : '('}${tf('fewerSchemes', { asked: h.schemes })}${zh() ? '）' : ')'}</span>` : '';
  return html`<strong>${t('honouredLabel')}${colon()}</strong>${t('floorShort')} <span data-testid="honoured-floor">${floor}</span>${policy(h.policy_min_pop, h.min_pop === 0 ? null : h.min_pop, zh() ? ' 人' : '')}
    · ${t('capShort')} <span data-testid="honoured-cap">${cap}</span>${policy(h.policy_max_area, h.max_area, ' km²')}
    · ${t('weightsLabel')} ${t('weightWss')} ${num(w.wss)} / ${t('weightCompact')} ${num(w.compactness)} / ${t('weightService')} ${num(w.service)}
    · ${t('groupTogether')}${colon()}<span data-testid="honoured-together">${groups(h.together)}</span>
    · ${t('groupApart')}${colon()}<span data-testid="honoured-apart">${groups(h.apart)}</span>
    · <span data-testid="service-points">${servicePointsText(sp)}</span>
    · ${found} / ${h.schemes}${fewer}`;
}
