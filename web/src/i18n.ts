// All UI strings, Chinese first. `t(key)` returns the string in the current language.

export type Lang = 'zh' | 'en';

const table = {
  appTitle: ['乡镇区划调整模拟', 'Township adjustment scenarios'],
  login: ['登录', 'Log in'],
  logout: ['退出', 'Log out'],
  username: ['用户名', 'User name'],
  password: ['密码', 'Password'],
  loginFailed: ['登录失败', 'Login failed'],
  language: ['English', '中文'],
  counties: ['辖区内的县', 'Counties in your jurisdiction'],
  noCounties: ['您的辖区内没有可用的县级单位。', 'No county is available in your jurisdiction.'],
  open: ['打开', 'Open'],
  schematic: ['示意图', 'Schematic'],
  schematicNote: ['边界、人口与面积均为合成示意数据，不作为实际界线依据', 'Boundaries, population and area are synthetic (示意); not real boundaries'],
  townships: ['乡镇（点击地图或列表选择）', 'Townships (click map or list to select)'],
  selected: ['已选', 'Selected'],
  none: ['无', 'none'],
  mergeInto: ['合并（并入第一个）', 'Merge (into the first)'],
  mergeNew: ['合并设立新单位', 'Merge into a new unit'],
  newName: ['新单位名称', 'New unit name'],
  kind: ['类型', 'Kind'],
  seat: ['驻地', 'Seat'],
  setSeat: ['设为驻地', 'Set seat'],
  toTown: ['撤乡设镇', 'Township → town'],
  toStreet: ['设街道', 'Make subdistrict'],
  lock: ['锁定（成建制保留）', 'Lock (keep whole)'],
  undo: ['撤销上一步', 'Undo'],
  reset: ['清空操作', 'Clear operations'],
  clearSel: ['取消选择', 'Clear selection'],
  operations: ['操作序列', 'Operations'],
  noOps: ['尚无操作：在地图上点选乡镇后合并。', 'No operations yet: select townships on the map and merge.'],
  indicators: ['指标', 'Indicators'],
  before: ['调整前', 'Before'],
  after: ['调整后', 'After'],
  change: ['变化', 'Change'],
  count: ['乡级单位数', 'Township-level units'],
  meanPop: ['平均人口', 'Mean population'],
  medianPop: ['人口中位数', 'Median population'],
  meanArea: ['平均面积（km²）', 'Mean area (km²)'],
  medianArea: ['面积中位数（km²）', 'Median area (km²)'],
  popVsNat: ['平均人口 / 全国平均', 'Mean population / national'],
  areaVsNat: ['平均面积 / 全国平均', 'Mean area / national'],
  underFloor: ['低于人口下限', 'Under population floor'],
  overCap: ['超过面积上限', 'Over area cap'],
  townShare: ['镇+街道占比', 'Towns + subdistricts share'],
  findings: ['规则检查', 'Rule findings'],
  noFindings: ['未发现问题。', 'No findings.'],
  sevError: ['错误', 'Error'],
  sevWarning: ['警告', 'Warning'],
  sevInfo: ['提示', 'Info'],
  charts: ['分布图', 'Distributions'],
  popDist: ['人口分布（乡镇个数）', 'Population distribution (townships)'],
  areaDist: ['面积分布（乡镇个数）', 'Area distribution (townships)'],
  kindCounts: ['各类型数量', 'Counts by kind'],
  scenarios: ['方案', 'Scenarios'],
  scenarioName: ['方案名称', 'Scenario name'],
  save: ['保存', 'Save'],
  saveAsNew: ['另存为新方案', 'Save as new'],
  saved: ['已保存', 'Saved'],
  load: ['载入', 'Load'],
  newScenario: ['新方案', 'New scenario'],
  compare: ['对比所选两个方案', 'Compare the two selected'],
  compareTitle: ['方案对比', 'Scenario comparison'],
  back: ['返回', 'Back'],
  version: ['版本', 'version'],
  by: ['修改人', 'by'],
  readOnly: ['只读账号：可以试算，不能保存方案。', 'Read-only account: you may try edits but not save.'],
  conflictTitle: ['保存冲突', 'Save conflict'],
  conflictText: ['此方案已被他人修改。对方的版本：', 'Someone else changed this scenario. Their version:'],
  reloadTheirs: ['载入对方版本', 'Load their version'],
  overwrite: ['在对方版本之上保存我的修改', 'Save mine on top of theirs'],
  cancel: ['取消', 'Cancel'],
  forbidden: ['无权访问', 'Forbidden'],
  error: ['错误', 'Error'],
  working: ['计算中…', 'Evaluating…'],
  pickTwo: ['请勾选两个方案', 'Tick two scenarios'],
  unitsAfter: ['调整后乡镇', 'Resulting townships'],
  population: ['人口', 'Population'],
  area: ['面积', 'Area'],
  status: ['状态', 'Status'],
  villages: ['村（居）数', 'Villages'],
  policy: ['政策', 'Policy'],
  diff: ['差值（B − A）', 'Difference (B − A)'],
  user: ['用户', 'User'],
  countyList: ['县列表', 'Counties'],
  opMerge: ['撤并', 'Merge'],
  opMergeNew: ['合并设立', 'New unit'],
  opConvert: ['建制变更', 'Convert'],
  opRename: ['更名', 'Rename'],
  opTransfer: ['划转', 'Transfer'],
  opLock: ['锁定', 'Lock'],
  loading: ['加载中…', 'Loading…'],
  current: ['当前方案', 'Current scenario'],
  unsaved: ['未保存', 'unsaved'],
  town: ['镇', 'town'],
  propose: ['方案推荐', 'Propose schemes'],
  proposing: ['正在计算推荐方案…', 'Computing proposals…'],
  schemesFound: ['个推荐方案', 'schemes proposed'],
  noSchemes: ['没有找到可行方案。', 'No feasible scheme found.'],
  adopt: ['采用', 'Adopt'],
  plans: ['报批程序', 'Procedure'],
  noPlans: ['辖区内没有报批中的方案。', 'No plan in the procedure in your jurisdiction.'],
  stepsDone: ['步已完成', 'steps done'],
  pickPlan: ['请选择一个方案查看程序看板。', 'Pick a plan to see its board.'],
  doneBy: ['已完成：', 'done by'],
  document: ['文件', 'document'],
  stepReady: ['可以办理', 'ready'],
  stepBlocked: ['尚不能办理，缺少：', 'blocked, missing:'],
  missingStep: ['前置步骤', 'step'],
  missingMaterial: ['材料', 'material'],
  clocks: ['法定时限', 'Statutory clocks'],
  asOf: ['截至', 'as of'],
  clockImpl: ['实施期限（批准后 12 个月）', 'Implementation (12 months after approval)'],
  clockCodes: ['代码编制期限（1 个月）', 'Codes (1 month)'],
  extended: ['已延期（月）', 'extended (months)'],
  noClocks: ['尚未批准，时限未开始计算。', 'Not approved yet; no clock is running.'],
  procedureSteps: ['程序步骤', 'Steps'],
  consultation: ['征求意见', 'Consultation'],
  meetings: ['座谈会', 'meetings'],
  participants: ['参加人数', 'participants'],
  questionnaires: ['问卷回收/发放', 'questionnaires returned/issued'],
  suggestions: ['建议', 'suggestions'],
  adopted: ['吸纳', 'adopted'],
  pending: ['待答复', 'pending'],
  materials: ['材料', 'Materials'],
} as const;

export type Key = keyof typeof table;

let lang: Lang = (localStorage.getItem('quhua.lang') as Lang | null) ?? 'zh';

export function t(key: Key): string {
  return table[key][lang === 'zh' ? 0 : 1];
}

export function getLang(): Lang {
  return lang;
}

export function setLang(l: Lang): void {
  lang = l;
  localStorage.setItem('quhua.lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
}

/** A bilingual server text ({zh, en}) in the current language. */
export function tx(text: { zh: string; en: string } | undefined): string {
  if (!text) return '';
  return lang === 'zh' ? text.zh : text.en;
}
