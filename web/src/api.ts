// Typed client of the quhua JSON API. Every non-GET request carries the session's CSRF token.

// The types of every request and response are generated from the server's OpenAPI document
// (`npm run gen:api` → api.gen.ts; `npm run check:api` fails when it is stale), which is in
// turn generated from the Rust structs the server serialises: one contract, three views.
import type { components } from './api.gen';

type S = components['schemas'];

export type BiText = S['Message'];
export type ProposeRequest = S['ProposeRequest'];
export type UserInfo = S['SessionUser'];
export type SessionInfo = S['Session'];
export type Basemap = S['Basemap'];
export type County = S['CountyInfo'];
export type BaseTownship = S['BaseTownship'];
export type BaseVillage = S['BaseVillage'];
export type Base = S['CountyBase'];
/** Operations as the client sends them (a stored scenario's come back as S['Operation']). */
export type Operation = S['OperationInput'];
export type Stats = S['Stats'];
export type Indicators = S['Indicators'];
export type ResultUnit = S['UnitOut'];
export type Finding = S['Finding'];
export type Evaluation = S['EvaluationOut'];
export interface EvalResult { evaluation: Evaluation; geojson: GeoJSON.FeatureCollection | null }
export type ScenarioSummary = S['ScenarioListItem'];
export type ScenarioFull = S['ScenarioView'];
export interface CompareSide extends EvalResult { scenario: ScenarioFull }

export type ProposedScheme = S['ProposedScheme'];

// 区划名录 / registry and the audit log
export type RegistryAsOf = S['RegistryAsOf'];
export type RegistryChanges = S['RegistryChanges'];
export type RegistryLineage = S['RegistryLineage'];
export type AuditView = S['AuditView'];
export type BoundaryImport = S['BoundaryImport'];
export type BoundaryLevel = S['BoundaryLevel'];
export type SurveyPreview = S['SurveyPreview'];
export type DraftFreshness = S['DraftFreshness'];
export type Proposal = S['Proposal'];
export type VillageProposal = S['VillageProposal'];
export type VillageRequest = S['VillageRequest'];
export type Honoured = S['Honoured'];
export type ObjectiveWeights = S['ObjectiveWeights'];
export type ServicePoints = S['ServicePoints'];
export type TownshipRef = S['TownshipRef'];
export type PolicyChoices = S['PolicyChoices'];

export type ClockState = S['ClockState'];
export type PlanDocument = S['Document'];
export type PlanSummary = S['PlanSummary'];
export type StepRecord = S['StepRecord'];
export type PlanStep = S['StepView'];
export type PlanClocks = S['ClocksView'];
export type Opinion = S['Opinion'];
export type PlanReturn = S['Return'];
export type Activity = S['Activity'];
export type Permissions = S['Permissions'];
export type DocumentLink = S['DocumentLink'];
export type PlanBoard = S['PlanBoard'];

// 实施交接 / handover
export type HandoverView = S['HandoverView'];
export type HandoverSection = S['SectionView'];
export type SectionDetail = S['SectionDetail'];
export type HandoverAction = S['Action'];
export type Acted = S['Acted'];
export type ImportKind = S['ImportKind'];
export type ImportOutcome = S['ImportOutcome'];
export type LedgerStatus = S['LedgerStatus'];
export type AssetRow = S['AssetRow'];
export type DebtRow = S['DebtRow'];
export type ItemDisposition = S['Disposition2'];
export type DispositionInput = S['DispositionInput'];
export type CadreRow = S['CadreRow'];
export type PointRow = S['PointRow'];
export type ServiceOutcome = S['OutcomeInput'];
export type RuleReview = S['RuleReview'];
export type RouteView = S['RouteView'];
export type QuotaResult = S['QuotaResult'];

// 评估与统计 / evaluation and statistics
export type EvaluationView = S['EvaluationView'];
export type SideView = S['SideView'];
export type UnitRow = S['UnitRow'];
export type SeriesView = S['SeriesView'];
export type HandoverFigures = S['HandoverFigures'];
export type ObservationsView = S['ObservationsView'];
export type ObservationOutcome = S['ObservationOutcome'];
export type IndicatorInfo = S['IndicatorInfo'];

// 挂图作战 / task supervision
export type BoardView = S['BoardView'];
export type TaskRow = S['TaskRow'];
export type SummaryView = S['SummaryView'];
export type DivisionLight = S['DivisionLight'];
export type TaskView = S['TaskView'];
export type CheckpointView = S['CheckpointView'];
export type EventView = S['EventView'];
export type TaskAction = S['TaskAction'];
export type EvidenceRef = S['EvidenceRef'];
export type InboxView = S['InboxView'];
export type InboxItem = S['InboxItem'];
export type InboxKind = S['InboxKind'];
export type LightCount = S['LightCount'];
export type ChangeView = S['ChangeView'];
export type Escalated = S['EscalatedTask'];
export type OverviewView = S['OverviewView'];
export type TaskImport = S['TaskImport'];
/** One problem of a rejected plan import (the 400 body's `errors`). */
export interface ImportProblem { file: string; line: number | null; item: string | null; field: string | null; zh: string; en: string }

// 风险清单 / risk register, 群众诉求 / citizens' feedback
export type RisksView = S['RisksView'];
export type RiskRow = S['RiskRow'];
export type RiskTableLine = S['RiskTableLine'];
export type RiskAction = S['RiskAction'];
export type NewRisk = S['NewRisk'];
export type FeedbackView = S['FeedbackView'];
export type FeedbackRow = S['FeedbackRow'];
export type FeedbackStats = S['FeedbackStatsView'];
export type FeedbackAction = S['FeedbackAction'];
export type FeedbackImport = S['FeedbackImport'];
export type NewFeedback = S['NewFeedback'];
export type CountView = S['Count'];
export type ReportPeriod = 'week' | 'fortnight' | 'month';

/** A query string of the non-empty values. */
function qs(q: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
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

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
function dispositionName(h: string | null): string | null {
  if (!h) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(h);
  if (star?.[1]) { try { return decodeURIComponent(star[1]); } catch { /* fall through */ } }
  const plain = /filename="?([^";]+)"?/i.exec(h);
  return plain?.[1] ?? null;
}

/** A POST whose answer is a file: the blob and its name (errors as ApiError). */
async function callFile(path: string, file: Blob): Promise<{ blob: Blob; name: string | null }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const resp = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  if (!resp.ok) {
    let obj: Record<string, unknown> = {};
    try { obj = (await resp.json()) as Record<string, unknown>; } catch { /* not JSON */ }
    const err = (obj['error'] as BiText | undefined) ?? { zh: `请求失败（${resp.status}）`, en: `request failed (${resp.status})` };
    throw new ApiError(resp.status, err, obj);
  }
  return { blob: await resp.blob(), name: dispositionName(resp.headers.get('Content-Disposition')) };
}

function remember(s: SessionInfo): SessionInfo { csrf = s.csrf_token; return s; }

export const api = {
  login: async (username: string, password: string) => remember(await call<SessionInfo>('POST', '/api/login', { username, password })),
  me: async () => remember(await call<SessionInfo>('GET', '/api/me')),
  logout: () => call<unknown>('POST', '/api/logout', {}),
  counties: () => call<{ counties: County[] }>('GET', '/api/counties'),
  base: (code: string) => call<Base>('GET', `/api/counties/${encodeURIComponent(code)}/base`),
  /** The latest township outlines of a county (the task board's map). */
  townships: (code: string) => call<GeoJSON.FeatureCollection>('GET', `/api/counties/${encodeURIComponent(code)}/geojson?level=township`),
  villages: (code: string) => call<GeoJSON.FeatureCollection>('GET', `/api/counties/${encodeURIComponent(code)}/geojson?level=village`),
  /** Evaluation with the resulting township outlines (cached by the server per village set). */
  evaluate: (code: string, ops: Operation[], policy?: string) => call<EvalResult>('POST', `/api/counties/${encodeURIComponent(code)}/evaluate?geojson=1`, { ops, ...(policy ? { policy } : {}) }),
  /** The policies the county may be checked against, its own province's first. */
  policies: (code: string) => call<PolicyChoices>('GET', `/api/counties/${encodeURIComponent(code)}/policies`),
  proposeVillages: (code: string, request: VillageRequest) =>
    call<VillageProposal>('POST', `/api/counties/${encodeURIComponent(code)}/propose-villages`, request),
  propose: (code: string, request: ProposeRequest = {}) =>
    call<Proposal>('POST', `/api/counties/${encodeURIComponent(code)}/propose`, request),
  plans: () => call<{ plans: PlanSummary[]; today: string }>('GET', '/api/plans'),
  plan: (id: number) => call<PlanBoard>('GET', `/api/plans/${id}`),
  submitPlan: (scenario_id: number, date?: string) => call<PlanBoard>('POST', '/api/plans', { scenario_id, date }),
  /** A plan action with a JSON body (consultation, opinions, return, revise, extensions, apply). */
  planAction: (id: number, action: string, body: unknown) => call<PlanBoard>('POST', `/api/plans/${id}/${action}`, body),
  /** A plan action whose body is a file (materials, a step's document, the approval document). */
  approveBatch: (ids: number[], query: Record<string, string>, file?: File) => {
    const q = new URLSearchParams({ ...query, ids: ids.join(',') });
    if (file) q.set('file_name', file.name);
    return call<PlanBoard>('POST', `/api/plans/approve-batch?${q.toString()}`, undefined, file ?? new Blob([]));
  },
  planUpload: (id: number, action: string, query: Record<string, string>, file?: File) => {
    const q = new URLSearchParams(query);
    if (file) q.set('file_name', file.name);
    return call<PlanBoard>('POST', `/api/plans/${id}/${action}?${q.toString()}`, undefined, file ?? new Blob([]));
  },
  handover: (id: number) => call<HandoverView>('GET', `/api/plans/${id}/handover`),
  /** Generates (or updates) the handover of an approved plan (county office). */
  generateHandover: (id: number) => call<HandoverView>('POST', `/api/plans/${id}/handover`),
  handoverSection: (id: number, section: string, q: { offset?: number; limit?: number; unassigned?: boolean } = {}) => {
    const p = new URLSearchParams();
    if (q.offset) p.set('offset', String(q.offset));
    if (q.limit) p.set('limit', String(q.limit));
    if (q.unassigned) p.set('unassigned', 'true');
    const qs = p.toString();
    return call<SectionDetail>('GET', `/api/plans/${id}/handover/sections/${encodeURIComponent(section)}${qs ? `?${qs}` : ''}`);
  },
  handoverAction: (id: number, action: HandoverAction) => call<Acted>('POST', `/api/plans/${id}/handover/actions`, action),
  /** Checks and previews (`commit` false) or stores (`commit` true) an imported table. */
  handoverImport: (id: number, kind: ImportKind, file: File, commit: boolean) =>
    call<ImportOutcome>('POST', `/api/plans/${id}/handover/imports/${kind}?${new URLSearchParams({ file_name: file.name, commit: String(commit) }).toString()}`, undefined, file),
  /** The county's township- (or village-) level units in force on `date`. */
  registryAsOf: (code: string, date: string, level: 'township' | 'village') =>
    call<RegistryAsOf>('GET', `/api/counties/${encodeURIComponent(code)}/registry?${new URLSearchParams({ date, level }).toString()}`),
  /** The changes touching the county after `from` up to `to`. */
  registryChanges: (code: string, from: string, to: string) =>
    call<RegistryChanges>('GET', `/api/counties/${encodeURIComponent(code)}/changes?${new URLSearchParams({ from, to }).toString()}`),
  /** Where a unit of the county went and where it came from. */
  registryLineage: (code: string, unit: string) =>
    call<RegistryLineage>('GET', `/api/counties/${encodeURIComponent(code)}/lineage/${encodeURIComponent(unit)}`),
  /** A page of the audit log (newest first) with the verification. */
  audit: (before?: number, limit = 50) => {
    const q = new URLSearchParams({ limit: String(limit) });
    if (before !== undefined) q.set('before', String(before));
    return call<AuditView>('GET', `/api/audit?${q.toString()}`);
  },
  /** A county between two dates (defaults: the registry's first and latest date). */
  countyEvaluation: (code: string, from?: string, to?: string) => {
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    const qs = q.toString();
    return call<EvaluationView>('GET', `/api/counties/${encodeURIComponent(code)}/evaluation${qs ? `?${qs}` : ''}`);
  },
  /** A plan's before and after (simulated on a copy of the registry until it is applied). */
  planEvaluation: (id: number) => call<EvaluationView>('GET', `/api/plans/${id}/evaluation`),
  observations: (code: string) => call<ObservationsView>('GET', `/api/counties/${encodeURIComponent(code)}/observations`),
  /** Checks and previews (`commit` false) or stores (`commit` true) a statistics table. */
  importObservations: (code: string, file: File, commit: boolean) =>
    call<ObservationOutcome>('POST', `/api/counties/${encodeURIComponent(code)}/observations?${new URLSearchParams({ file_name: file.name, commit: String(commit) }).toString()}`, undefined, file),
  /** Checks and previews (`commit` false) or stores (`commit` true) a boundary file. */
  importBoundaries: (code: string, file: File, q: { level?: string; code_field?: string; commit: boolean }) => {
    const p = new URLSearchParams({ file_name: file.name, commit: String(q.commit) });
    if (q.level) p.set('level', q.level);
    if (q.code_field) p.set('code_field', q.code_field);
    return call<BoundaryImport>('POST', `/api/counties/${encodeURIComponent(code)}/boundaries?${p.toString()}`, undefined, file);
  },
  /** Checks (`commit` false) or stores a survey table's figures as of `date`. */
  updateSurvey: (code: string, file: File, date: string, commit: boolean) =>
    call<SurveyPreview>('POST', `/api/counties/${encodeURIComponent(code)}/survey?${new URLSearchParams({ file_name: file.name, date, commit: String(commit) }).toString()}`, undefined, file),
  /** An uploaded table recast onto the boundaries of `to` (nothing stored): the file. */
  recastUpload: (code: string, file: File, q: { to: string; weight: string; format: string }) =>
    callFile(`/api/counties/${encodeURIComponent(code)}/recast?${new URLSearchParams({ file_name: file.name, ...q }).toString()}`, file),
  /** The 挂图作战 board (filters: date, scope, group, unit, light; `mine_first`). */
  tasks: (q: { date?: string; scope?: string; group?: string; unit?: string; light?: string; mine_first?: boolean }) =>
    call<BoardView>('GET', `/api/tasks${qs({ ...q, mine_first: q.mine_first ? 'true' : undefined })}`),
  task: (id: string, date?: string) => call<TaskView>('GET', `/api/tasks/${encodeURIComponent(id)}${qs({ date })}`),
  taskAction: (id: string, action: TaskAction) => call<TaskView>('POST', `/api/tasks/${encodeURIComponent(id)}/actions`, action),
  /** Stores an evidence file (before the report that cites it). */
  uploadEvidence: (id: string, file: File) =>
    call<EvidenceRef>('POST', `/api/tasks/${encodeURIComponent(id)}/evidence${qs({ file_name: file.name })}`, undefined, file),
  evidenceUrl: (id: string, sha256: string) => `/api/tasks/${encodeURIComponent(id)}/evidence/${encodeURIComponent(sha256)}`,
  risks: (q: { date?: string; scope?: string } = {}) => call<RisksView>('GET', `/api/risks${qs(q)}`),
  newRisk: (r: NewRisk) => call<RiskRow>('POST', '/api/risks', r),
  riskAction: (id: string, action: RiskAction) => call<RiskRow>('POST', `/api/risks/${encodeURIComponent(id)}/actions`, action),
  feedback: (scope?: string) => call<FeedbackView>('GET', `/api/feedback${qs({ scope })}`),
  newFeedback: (f: NewFeedback) => call<FeedbackRow>('POST', '/api/feedback', f),
  feedbackAction: (id: string, action: FeedbackAction) => call<FeedbackRow>('POST', `/api/feedback/${encodeURIComponent(id)}/actions`, action),
  /** Checks (`commit` false) or stores (`commit` true) a hotline export (CSV or XLSX). */
  importFeedback: (file: File, commit: boolean) =>
    call<FeedbackImport>('POST', `/api/feedback/imports${qs({ file_name: file.name, commit: String(commit) })}`, undefined, file),
  /** The link of a 督办报告 (周报, 两周推进表, 月调度) as DOCX, PDF or XLSX. */
  reportUrl: (period: ReportPeriod, format: 'docx' | 'pdf' | 'xlsx', q: { date?: string; scope?: string } = {}) =>
    `/api/tasks/reports/${period}${qs({ ...q, format })}`,
  /** 督办汇总: the tasks per light, by county, lead unit and group (no rows) as of `date` in `scope`. */
  summary: (q: { date?: string; scope?: string } = {}) => call<OverviewView>('GET', `/api/tasks/summary${qs(q)}`),
  /** The task plan template (XLSX, the example plan in the import format). */
  taskTemplateUrl: '/api/tasks/imports/template',
  /** What changed between the baseline `since` and `date` (default today) in `scope`. */
  taskChanges: (q: { since: string; date?: string; scope?: string }) => call<ChangeView[]>('GET', `/api/tasks/changes${qs(q)}`),
  /** 督办运行: records the escalation steps due today on the tasks the office supervises. */
  escalate: (scope?: string) => call<Escalated[]>('POST', `/api/tasks/escalations${qs({ scope })}`),
  /** Checks (`commit` false) or files (`commit` true) a task plan (TOML or XLSX, sent as is). */
  importTasks: (file: File, q: { commit: boolean; scope?: string; prefix?: string }) =>
    call<TaskImport>('POST', `/api/tasks/imports${qs({ file_name: file.name, commit: String(q.commit), scope: q.scope, prefix: q.prefix })}`, undefined, file),
  inbox: (date?: string) => call<InboxView>('GET', `/api/inbox${qs({ date })}`),
  scenarios: (county: string) => call<{ scenarios: ScenarioSummary[] }>('GET', `/api/scenarios?county=${encodeURIComponent(county)}`),
  scenario: (id: number) => call<ScenarioFull>('GET', `/api/scenarios/${id}`),
  /** The draft against the registry in force (changes since, operations that no longer apply). */
  scenarioFreshness: (id: number) => call<DraftFreshness>('GET', `/api/scenarios/${id}/freshness`),
  /** Saves a new draft checked against `policy`; `base_date` records the registry date it was drafted on. */
  create: (name: string, county: string, ops: Operation[], policy: string, base_date?: string) =>
    call<ScenarioFull>('POST', '/api/scenarios', { name, county, ops, policy, ...(base_date ? { base_date } : {}) }),
  /** Replaces a draft at its expected version; `base_date` when it was rebased. */
  update: (id: number, expected_version: number, name: string, ops: Operation[], policy: string, base_date?: string) =>
    call<ScenarioFull>('PUT', `/api/scenarios/${id}`, { expected_version, name, ops, policy, ...(base_date ? { base_date } : {}) }),
  compare: (a: number, b: number) => call<{ a: CompareSide; b: CompareSide }>('GET', `/api/compare?a=${a}&b=${b}`),
};
