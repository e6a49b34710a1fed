// Typed client of the quhua JSON API. Every non-GET request carries the session's CSRF token.

export interface BiText { zh: string; en: string }

export interface UserInfo {
  username: string;
  role: string;
  role_zh: string;
  jurisdiction: string;
  can_edit: boolean;
  org: string | null;
  department: string | null;
  department_zh: string | null;
  department_en: string | null;
}

export interface SessionInfo { user: UserInfo; csrf_token: string; expires_at: number }

export interface County {
  code: string; name: string; city: string | null; province: string | null;
  townships: number; geometry: boolean; synthetic: boolean;
}

export interface BaseTownship {
  code: string; name: string; kind: string; flag_labels: string[];
  seat: { code: string; name: string } | null;
  figures: Record<string, number>; villages: number;
}
export interface BaseVillage {
  code: string; name: string; kind: string; township_code: string; figures: Record<string, number>;
}
export interface Base {
  county: { code: string; name: string };
  date: string; synthetic: boolean;
  population_key: string | null; area_key: string | null;
  townships: BaseTownship[]; villages: BaseVillage[];
}

export type Operation =
  | { op: 'merge'; units: string[]; into: string }
  | { op: 'merge'; units: string[]; new: { name: string; kind?: string; seat?: string } }
  | { op: 'convert'; unit: string; to: string; name?: string }
  | { op: 'rename'; unit: string; name: string }
  | { op: 'move_seat'; unit: string; village: string }
  | { op: 'transfer'; villages: string[]; to: string }
  | { op: 'lock'; units: string[] };

export interface Stats { n: number; total: number; mean: number; median: number; min: number; max: number }
export interface Indicators {
  count: number; by_kind: Record<string, number>; town_street_share: number;
  population: Stats; area_km2: Stats;
  under_population_floor: number | null; over_area_cap: number | null;
  population_vs_national: number; area_vs_national: number;
}
export interface ResultUnit {
  name: string; kind: string; code: string | null; proposed_code: string | null; status: string;
  predecessors: string[]; villages: number; population: number | null; area_km2: number | null;
  seat: string | null; flags: string[];
  /** Indices into the base's `villages` (and the village GeoJSON, same order). */
  village_idx: number[];
}
export interface Finding {
  severity: 'error' | 'warning' | 'info'; rule: string; units: string[]; message: BiText; citation: string;
}
export interface Evaluation {
  county: string; county_name: string; policy: string; synthetic: boolean; operations: number;
  units: ResultUnit[]; abolished: { name: string; code: string | null; into: string }[];
  indicators: { before: Indicators; after: Indicators; reduction: number; reduction_share: number };
  findings: Finding[];
}
export interface EvalResult { evaluation: Evaluation; geojson: GeoJSON.FeatureCollection | null }

export interface ScenarioSummary {
  id: number; name: string; county: string; version: number; operations: number;
  updated_by: string; updated_at: string; created_by: string;
}
export interface ScenarioFull {
  id: number; name: string; county: string; version: number; ops: Operation[]; policy: string | null;
  updated_by: string; updated_at: string; created_by: string;
}
export interface CompareSide extends EvalResult { scenario: ScenarioFull }

export interface ProposedScheme {
  index: number; name: string; ops: Operation[]; p: number; seats: string[];
  violations: unknown[]; moved_villages: number;
  summary: {
    count_before: number; count_after: number; mean_population_before: number; mean_population_after: number;
    errors: number; warnings: number; infos: number;
  };
}
export interface Proposal { county: string; schemes: ProposedScheme[]; synthetic: boolean }

export type ClockState = 'done' | 'on_track' | 'near_due' | 'overdue' | 'done_late';
export interface PlanDocument { name: string; kind: string | null; sha256: string; added_by: string; added_at: string }
export interface PlanSummary {
  id: number; name: string; county: string; template: string; template_name: string; version: number;
  updated_by: string; updated_at: string; steps_done: number; steps_total: number; next: string[]; next_en: string[];
  stage: 'county' | 'city' | 'province' | 'returned' | 'approved' | 'applied';
  approval: { document_no: string; date: string; effective: string } | null; applied: string | null;
  implementation: ClockState | null; codes: ClockState | null;
}
export interface StepRecord { step: string; by: string; at: string; note: string; document: PlanDocument | null }
export interface PlanStep {
  id: string; zh: string; en: string; actor: string; basis: string; role: 'county' | 'city' | 'province';
  state: 'done' | 'ready' | 'blocked'; ready: boolean; done: StepRecord | null;
  missing_steps: string[]; missing_materials: string[]; missing_opinions: string[]; opinions_from: string[];
  is_approval: boolean; is_apply: boolean; can_complete: boolean;
}
export interface PlanClocks {
  approved: string; implementation_due: string; extension_months: number;
  implementation: ClockState; implementation_zh: string; codes_due: string; codes: ClockState; codes_zh: string;
}
export interface Opinion { department: string; text: string; agrees: boolean; by: string; at: string }
export interface PlanReturn { by: string; role: string; at: string; comments: string; undone: StepRecord[]; resolved: string | null }
export interface Activity { at: string; by: string; action: string; zh: string; en: string }
export interface Permissions { edit: boolean; return_plan: boolean; revise: boolean; approve: boolean; opinion: string | null; apply: boolean }
export interface DocumentLink { id: string; name: string; zh: string; en: string }
export interface PlanBoard {
  plan: PlanSummary; today: string; steps: PlanStep[]; clocks: PlanClocks | null;
  consultation: { meetings: number; participants: number; questionnaires_issued: number; questionnaires_returned: number; suggestions: number; adopted: number; pending: number };
  consultation_summary: string;
  materials: PlanDocument[]; opinions: Opinion[]; returns: PlanReturn[]; activity: Activity[];
  documents: DocumentLink[]; permissions: Permissions; scheme: string;
}

/** An error answered by the API: status and bilingual message, plus the raw body. */
export class ApiError extends Error {
  constructor(public status: number, public text: BiText, public body: Record<string, unknown>) {
    super(`${status}: ${text.zh} / ${text.en}`);
  }
}

let csrf = '';

async function call<T>(method: string, path: string, body?: unknown, file?: Blob): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (file) headers['Content-Type'] = 'application/octet-stream';
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const resp = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await resp.text();
  let json: unknown = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!resp.ok) {
    const obj = (json ?? {}) as Record<string, unknown>;
    const err = (obj['error'] as BiText | undefined) ?? { zh: `请求失败（${resp.status}）`, en: `request failed (${resp.status})` };
    throw new ApiError(resp.status, err, obj);
  }
  return json as T;
}

function remember(s: SessionInfo): SessionInfo { csrf = s.csrf_token; return s; }

export const api = {
  login: async (username: string, password: string) => remember(await call<SessionInfo>('POST', '/api/login', { username, password })),
  me: async () => remember(await call<SessionInfo>('GET', '/api/me')),
  logout: () => call<unknown>('POST', '/api/logout', {}),
  counties: () => call<{ counties: County[] }>('GET', '/api/counties'),
  base: (code: string) => call<Base>('GET', `/api/counties/${encodeURIComponent(code)}/base`),
  villages: (code: string) => call<GeoJSON.FeatureCollection>('GET', `/api/counties/${encodeURIComponent(code)}/geojson?level=village`),
  /** Evaluation with the resulting township outlines (cached by the server per village set). */
  evaluate: (code: string, ops: Operation[]) => call<EvalResult>('POST', `/api/counties/${encodeURIComponent(code)}/evaluate?geojson=1`, { ops }),
  propose: (code: string, villages = false) =>
    call<Proposal>('POST', `/api/counties/${encodeURIComponent(code)}/propose`, villages ? { villages: true } : {}),
  plans: () => call<{ plans: PlanSummary[]; today: string }>('GET', '/api/plans'),
  plan: (id: number) => call<PlanBoard>('GET', `/api/plans/${id}`),
  submitPlan: (scenario_id: number, date?: string) => call<PlanBoard>('POST', '/api/plans', { scenario_id, date }),
  /** A plan action with a JSON body (consultation, opinions, return, revise, extensions, apply). */
  planAction: (id: number, action: string, body: unknown) => call<PlanBoard>('POST', `/api/plans/${id}/${action}`, body),
  /** A plan action whose body is a file (materials, a step's document, the approval document). */
  planUpload: (id: number, action: string, query: Record<string, string>, file?: File) => {
    const q = new URLSearchParams(query);
    if (file) q.set('file_name', file.name);
    return call<PlanBoard>('POST', `/api/plans/${id}/${action}?${q.toString()}`, undefined, file ?? new Blob([]));
  },
  scenarios: (county: string) => call<{ scenarios: ScenarioSummary[] }>('GET', `/api/scenarios?county=${encodeURIComponent(county)}`),
  scenario: (id: number) => call<ScenarioFull>('GET', `/api/scenarios/${id}`),
  create: (name: string, county: string, ops: Operation[]) => call<ScenarioFull>('POST', '/api/scenarios', { name, county, ops }),
  update: (id: number, expected_version: number, name: string, ops: Operation[]) =>
    call<ScenarioFull>('PUT', `/api/scenarios/${id}`, { expected_version, name, ops }),
  compare: (a: number, b: number) => call<{ a: CompareSide; b: CompareSide }>('GET', `/api/compare?a=${a}&b=${b}`),
};
