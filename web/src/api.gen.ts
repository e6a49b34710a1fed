// Generated from crates/quhua-server/openapi.json by scripts/api-types.mjs: do not edit.
export interface paths {
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志（最新在前，不含记录内容）及其校验：哈希链与库中数据是否与日志一致 / the audit log, newest first, without the recorded bodies, and its verification: the hash chain and the stored data against the log */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 两个方案对比 / two scenarios side by side */
        get: operations["getCompare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 辖区内的县 / counties in the account's jurisdiction */
        get: operations["getCounties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/base": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 县的乡镇与村及其指标（含示意数据标记） / townships and villages with their figures */
        get: operations["getCountiesByCodeBase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/boundaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入乡镇界或村界（GeoJSON、Shapefile 压缩包、GeoPackage 为请求体），按区划代码关联本县单位，逐要素检查；commit=false 只检查并预览，有问题时不入库 / import township or village boundaries (GeoJSON, a zipped Shapefile or a GeoPackage as the body), linked to the county's units by code and checked feature by feature; commit=false checks and previews only, and nothing is stored while any problem remains */
        post: operations["postCountiesByCodeBoundaries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 两个日期之间涉及本县的区划变更（类型、文号、沿革、更名） / the changes touching the county between two dates (type, approval number, lineage, renames) */
        get: operations["getCountiesByCodeChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/crosswalk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 两个日期之间的乡级区划对照权重（由村级隶属关系推导，正向或反向），CSV/XLSX/JSON / the township crosswalk between two dates (from village lineage, forward or backward) as CSV/XLSX/JSON */
        get: operations["getCountiesByCodeCrosswalk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 评估操作序列（按县缓存） / evaluate operations (responses cached per county) */
        post: operations["postCountiesByCodeEvaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 调整前后评估：两个日期之间的乡级单位数、镇街占比、人口与面积（对照全国平均）、村到驻地距离、统计数据按后一日期口径的年度序列 / before/after evaluation between two dates: counts by kind, town share, population and area against the national averages, village-to-seat distances, stored statistics as yearly series on the later boundaries */
        get: operations["getCountiesByCodeEvaluation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/geojson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 示意边界 / schematic boundaries */
        get: operations["getCountiesByCodeGeojson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/lineage/{unit}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本县某单位的沿革：曾用代码、去向与来源（含所带村及文号） / a unit's lineage: its codes, where it went and where it came from, with the villages carried and the approval numbers */
        get: operations["getCountiesByCodeLineageByUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已入库的统计数据（按指标：单位、总量/均量、年份、单位数） / the stored statistics by indicator */
        get: operations["getCountiesByCodeObservations"];
        put?: never;
        /** 导入统计表（CSV/XLSX 为请求体；代码须在本县且在该年份有效）；commit=false 只检查并预览 / import a statistics table (CSV/XLSX as the body; codes within the county, in force in their year); commit=false checks and previews only */
        post: operations["postCountiesByCodeObservations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本县可选的政策：本省政策在前（无本省政策时为全国参考），含各政策收录与未收录的内容 / the policies the county may be checked against, its own province's first (the national reference where its province has none), each with what it holds and leaves out */
        get: operations["getCountiesByCodePolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/propose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 方案推荐：优化器给出的撤并方案（只读，辖区内任何角色） / merger schemes proposed by the optimizer (read-only; any role that reads the county) */
        post: operations["postCountiesByCodePropose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/propose-villages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 村级撤并推荐：各乡镇内的合并村方案（只读，辖区内任何角色） / village mergers proposed inside each township (read-only; any role that reads the county) */
        post: operations["postCountiesByCodeProposevillages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/recast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已入库统计数据按某日区划口径换算（总量精确分摊、均量加权） / the stored statistics on the boundaries of a date (totals apportioned exactly, rates weighted) */
        get: operations["getCountiesByCodeRecast"];
        put?: never;
        /** 上传统计表按某日区划口径换算（不入库） / an uploaded table on the boundaries of a date (nothing stored) */
        post: operations["postCountiesByCodeRecast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/registry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某日的区划名录：本县当日有效的乡级（或村级）单位 / the county's township- (or village-) level units in force on a date */
        get: operations["getCountiesByCodeRegistry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counties/{code}/survey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更新摸底表（CSV/XLSX 为请求体，UTF-8 或 GBK；各行须为本县现行单位）；commit=false 列出将改变的每项数值（单位、字段、原值 → 新值），commit=true 记为一次摸底数据更新事件 / update the survey table (CSV/XLSX as the body, UTF-8 or GBK; every row a unit of the county in force); commit=false lists every value that would change (unit, field, before → after), commit=true records one survey-update event */
        post: operations["postCountiesByCodeSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 群众诉求台账（每条诉求的全部版本）及按类别、单位、周的统计，答复时长与超期 / the feedback register with every version, statistics by topic, unit and week, response times and overdue replies */
        get: operations["getFeedback"];
        put?: never;
        /** 登记一条群众诉求（改革办） / register one item (the office) */
        post: operations["postFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入 12345 热线导出表（CSV/XLSX 为请求体）；已登记的工单不重复；commit=false 只检查；错误注明文件、行与列 / import a hotline export; tickets already registered are kept; commit=false checks only */
        post: operations["postFeedbackImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 分办、答复（承办单位）、回访、更正（新版本并注明理由；不能删除或隐藏） / assign, reply (the department), follow up, correct (a new version with its reason; nothing is deleted or hidden) */
        post: operations["postFeedbackByIdActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待办：本单位逾期、临期、滞后、被催办、被退办的任务，待核验和待审批延期的事项 / the inbox: this organisation's overdue, due-soon, behind, reminded and returned tasks, reports to verify and extensions to decide */
        get: operations["getInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录（设置 HttpOnly 会话 Cookie；10 分钟内同一用户名或 IP 失败 5 次后 429） / log in (sets the HttpOnly session cookie; 5 failures per name or IP in 10 min → 429) */
        post: operations["postLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出 / log out */
        post: operations["postLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户与 CSRF 令牌 / the current user and CSRF token */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本文档 / this document */
        get: operations["getOpenapijson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 辖区内的报批方案 / plans in the procedure, in the jurisdiction */
        get: operations["getPlans"];
        put?: never;
        /** 提交报批：县级编辑将已保存的方案提交报批程序 / a county editor submits a saved scenario into the procedure */
        post: operations["postPlans"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/approve-batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 以同一批复文件批准同一县的多个方案（全部或全不；如县级人民政府一次批准多个村级建制调整方案），请求体可为批复文件 / approve several plans of one county under one decision, all or none (e.g. the county government approving many village adjustments); the body may carry the approval document */
        post: operations["postPlansApprovebatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报批程序看板 / the procedure board of a plan */
        get: operations["getPlansById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 实施：自生效日期起写入区划名录 / apply the approved plan to the registry (on or after the effective date) */
        post: operations["postPlansByIdApply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记批复（省级；村级建制调整由县级人民政府批准）：文号、日期、生效日期，请求体可为批复文件 / record the approval (the province; for a village adjustment the county government): document number, dates; the body may carry the approval document */
        post: operations["postPlansByIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/assemblies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记涉改村村民会议（或村民代表会议）的表决 / record a village's villagers' assembly (or representative assembly) on a village adjustment */
        post: operations["postPlansByIdAssemblies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/consultation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记座谈会、问卷或意见建议 / record a meeting, questionnaire or suggestion */
        post: operations["postPlansByIdConsultation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/documents/{doc}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载实施后生成的文书 / download a document generated from the applied plan */
        get: operations["getPlansByIdDocumentsByDoc"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报批方案的调整前后评估（未实施时按方案模拟），含交接的编制与服务网点 / a plan's before and after (simulated before it is applied), with its handover's quotas and service points */
        get: operations["getPlansByIdEvaluation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记延期 / record an extension of the implementation deadline */
        post: operations["postPlansByIdExtensions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 实施交接：各事项进度、台账守恒、编制、干部、服务网点 / the handover: progress per section, ledger conservation, quotas, cadres, service points */
        get: operations["getPlansByIdHandover"];
        put?: never;
        /** 由已批复方案生成交接（县改革办）；已存在则按方案与实施结果更新 / generate the handover of an approved plan (county office), or update it from the plan and its events */
        post: operations["postPlansByIdHandover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/handover/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 交接操作：资产债务去向、干部安置与谈话、职数、编制测算、网点去向、清单勾销、制度废改立、销号 / an action: item dispositions, placements and talks, posts, quotas, service outcomes, checklist lines, rules, closing a section */
        post: operations["postPlansByIdHandoverActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/handover/documents/{doc}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 交接文书：summary.xlsx（交接工作汇总表），list-{乡镇代码}.docx / .xlsx（移交清单） / documents: the summary table, the handover list of one pair */
        get: operations["getPlansByIdHandoverDocumentsByDoc"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/handover/imports/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入资产、债权债务、干部名册、服务网点或调整前编制（CSV/XLSX 为请求体）；commit=false 只检查并预览 / import a table (CSV/XLSX as the body); commit=false checks and previews only */
        post: operations["postPlansByIdHandoverImportsByKind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/handover/sections/{section}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个交接事项：清单、台账条目（分页）、干部（个人信息仅组织部与县改革办可见，读取留痕）、服务网点 / one section: checklist, ledger items (paged), cadres (personal fields for the organisation department and the office only, each read logged), service points */
        get: operations["getPlansByIdHandoverSectionsBySection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传材料（请求体为文件，以 SHA-256 存储） / upload a material (the body is the file, stored with its SHA-256) */
        post: operations["postPlansByIdMaterials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/materials/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载已存材料 / download a stored material */
        get: operations["getPlansByIdMaterialsBySha256"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/opinions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 部门登记本部门意见 / a department records its opinion */
        post: operations["postPlansByIdOpinions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 市级或省级退回修改 / the city or the province returns the plan for revision */
        post: operations["postPlansByIdReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/revise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 县级修订被退回的方案并重新报送 / the county revises a returned plan and resubmits it */
        post: operations["postPlansByIdRevise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/steps/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 完成环节（请求体可为佐证文件） / complete a step (the body may carry its document) */
        post: operations["postPlansByIdStepsByStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 由已批复的报批方案生成法定任务（12个月内完成变更、1个月内变更代码、公告、勘界与地图、地名标志、通知户籍统计不动产等登记）和交接任务 / file an approved plan's statutory tasks and one task per handover section */
        post: operations["postPlansByIdTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 风险清单：风险点（类别、等级、责任单位、措施、期限、状态）及按单位和等级汇总 / the risk register and its table by unit and level */
        get: operations["getRisks"];
        put?: never;
        /** 登记风险点（督办单位） / register a risk point (the supervising office) */
        post: operations["postRisks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 办理风险点：进展、措施、调整等级、报告化解（责任单位）、化解销号或退回（督办单位，非报告人） / act on a risk point */
        post: operations["postRisksByIdActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 辖区内的方案 / scenarios in the jurisdiction */
        get: operations["getScenarios"];
        put?: never;
        /** 保存新方案（县级编辑） / save a new scenario (county editor) */
        post: operations["postScenarios"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenarios/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 读取方案 / one scenario */
        get: operations["getScenariosById"];
        /** 修改方案（带预期版本，防止覆盖他人修改） / update a scenario at its expected version */
        put: operations["putScenariosById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenarios/{id}/freshness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 方案与现行名录：起草以来本县的区划变更，逐项操作是否仍可执行，及按现行名录重排后的操作 / the draft against the registry in force: the changes since it was drafted, whether each operation still applies, and the operations rebased */
        get: operations["getScenariosByIdFreshness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 挂图作战：某日各任务的灯色（红、黄、蓝、绿、已销号）、进度与序时进度，按单位和任务组汇总，各区划最差灯色 / the board as of a date: each task's light, progress and schedule, summaries by unit and group, the worst light per division */
        get: operations["getTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 与基准日相比的变化：状态、灯色、期限、责任单位、指标、进度 / what changed since a baseline date: status, light, deadlines, units, targets, progress */
        get: operations["getTasksChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 督办升级：为本单位督办的任务记录今日到期的催办、催办通知书、通报 / record today's escalation steps due on the tasks this office supervises */
        post: operations["postTasksEscalations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入任务清单（请求体为 TOML 或 Excel 工作簿，按文件名扩展名识别：任务、子任务、县级事项，牵头与配合单位，指标、节点与期限）；commit=false 只检查；错误注明文件（工作表）、行、任务与字段 / import a plan's tasks (the body a TOML file or an Excel workbook, by the name's extension); commit=false checks only; errors name the file (and sheet), line or row, task and field */
        post: operations["postTasksImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/imports/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 任务计划模板（XLSX：计划、单位、任务、指标、节点五张表，以示例方案填写） / the task plan template (XLSX with the sheets plan, organisations, tasks, targets, milestones, filled with the example plan) */
        get: operations["getTasksImportsTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/reports/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办报告：周报（week）、两周推进表（fortnight）、月调度（month），由任务、风险和群众诉求数据生成，DOCX、PDF 或 XLSX / the weekly report, fortnightly progress sheet or monthly dispatch from the data, as DOCX, PDF or XLSX */
        get: operations["getTasksReportsByPeriod"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办设置：蓝灯提前天数、滞后容差、催办通知书与通报时点（由运维在命令行设置） / the supervision settings: the blue window, the behind-schedule tolerance, when notices and circulars fall due (set by the operator on the command line) */
        get: operations["getTasksSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办汇总（不含任务行）：各灯色任务数，按牵头单位、任务组和县（市、区）汇总 / the summary without rows: tasks per light, by lead unit, group and county */
        get: operations["getTasksSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一项任务：期限、指标完成值、全部办理记录、到期的督办升级、本账号可办理的操作 / one task: deadlines, targets reached, its whole history, escalation due, what this account may do */
        get: operations["getTasksById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 办理任务（今日）：报送进度、申请销号（牵头单位）；核验销号、退办、审批延期、督办升级、调整单位或指标（督办单位）；延期须在期限前申请，本人报送的不能由本人销号 / act on a task today: progress and done reports (lead unit); close, return, extension decision, escalation, reassignment, target revision (supervising office); extensions only before the deadline, nobody closes what they reported */
        post: operations["postTasksByIdActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传佐证材料（请求体为文件），返回报送时引用的编号 / upload an evidence file (the body); returns the reference a report then names */
        post: operations["postTasksByIdEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/evidence/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载任务的佐证材料 / download an evidence file of the task */
        get: operations["getTasksByIdEvidenceBySha256"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A township abolished by the scenario. */
        AbolishedView: {
            /** @description Its code (retired). */
            code: string | null;
            /** @description Where it went. */
            into: string;
            /** @description Name. */
            name: string;
        };
        /** @description A village merged away by the scheme. */
        AbolishedVillageView: {
            /** @description Its code (retired), if it had one. */
            code: string | null;
            /** @description Where it went. */
            into: string;
            /** @description Name. */
            name: string;
            /** @description Its township. */
            township: string;
        };
        /** @description A 超配 being absorbed (retirement, exchange out …). */
        Absorption: {
            /**
             * Format: uint32
             * @description How many.
             */
            count: number;
            /**
             * Format: date
             * @description When.
             */
            date: string;
            /** @description How (退休, 交流 …). */
            note: string;
            /** @description The unit. */
            unit: string;
        };
        /** @description A village's distance to the nearest point of a service type, before and after (km). */
        AccessRow: {
            /**
             * Format: double
             * @description After (with the outcomes decided so far).
             */
            after_km: number | null;
            /**
             * Format: double
             * @description Before.
             */
            before_km: number | null;
            /** @description Service type. */
            kind: components["schemas"]["ServiceType"];
            /** @description Its name. */
            kind_name: components["schemas"]["Text"];
            /** @description Village name. */
            name: string;
            /** @description Village code. */
            village: string;
        };
        /** @description What an action did. */
        Acted: {
            /**
             * Format: uint
             * @description Items, lines or people it changed.
             */
            changed: number;
            /** @description The action. */
            op: string;
            /**
             * Format: int64
             * @description The handover's version after.
             */
            version: number;
        };
        /** @description One action on a handover, as the adapters parse it. */
        Action: {
            /** @description What happens to them. */
            disposition: components["schemas"]["DispositionInput"];
            /** @description Item ids (资产编号 / 编号). */
            ids: string[];
            /** @description The ledger. */
            ledger: components["schemas"]["LedgerKind"];
            /** @enum {string} */
            op: "assign";
        } | {
            /**
             * @description Assets, debts or (when absent) both.
             * @default null
             */
            ledger?: components["schemas"]["LedgerKind"] | (null);
            /** @enum {string} */
            op: "transfer_rest";
            /** @description The section (`{code}-state_assets` or `{code}-collective_assets`). */
            section: string;
        } | {
            /** @description Roster id. */
            cadre: string;
            /** @enum {string} */
            op: "place";
            /** @description Route and destination. */
            placement: components["schemas"]["PlacementRecordInput"];
        } | {
            /** @enum {string} */
            op: "talk";
            /** @description The talk. */
            talk: components["schemas"]["Talk"];
        } | {
            /** @enum {string} */
            op: "posts";
            /**
             * Format: uint32
             * @description Posts.
             */
            posts: number;
            /** @description Unit code. */
            unit: string;
        } | {
            /** @description What was absorbed. */
            absorption: components["schemas"]["Absorption"];
            /** @enum {string} */
            op: "absorb";
        } | {
            /** @enum {string} */
            op: "compute_quotas";
        } | {
            /** @enum {string} */
            op: "outcome";
            /** @description Outcome. */
            outcome: components["schemas"]["OutcomeInput"];
            /** @description Point id. */
            point: string;
        } | {
            /** @enum {string} */
            op: "add_point";
            /** @description The point. */
            point: components["schemas"]["ServicePointInput"];
        } | {
            /** @description Template item id. */
            item: string;
            /**
             * @description Note (seal registration number, archive list number …).
             * @default null
             */
            note?: string | null;
            /** @enum {string} */
            op: "check";
            /** @description Section id. */
            section: string;
            /** @description Unit code of the line. */
            unit: string;
        } | {
            /** @enum {string} */
            op: "rule";
            /** @description The review. */
            review: components["schemas"]["RuleReview"];
        } | {
            /** @enum {string} */
            op: "close";
            /** @description Section id. */
            section: string;
        };
        /** @description One entry of the activity log. */
        Activity: {
            /** @description What, as a stable id (`step_completed`, `returned`, `opinion`, …). */
            action: string;
            /**
             * Format: date
             * @description When.
             */
            at: string;
            /** @description Who. */
            by: string;
            /** @description Details in English. */
            en: string;
            /** @description Details in Chinese. */
            zh: string;
        };
        /** @description The provincial approval (批复). */
        Approval: {
            /**
             * Format: date
             * @description Date of approval.
             */
            date: string;
            /** @description 批准文号. */
            document_no: string;
            /**
             * Format: date
             * @description The date the change takes effect.
             */
            effective: string;
        };
        /** @description Body of `POST /api/plans/{id}/assemblies`. */
        AssemblyBody: {
            /**
             * Format: uint32
             * @description Abstentions.
             * @default 0
             */
            abstentions?: number;
            /**
             * @description Date of the meeting (default today).
             * @default null
             */
            date?: string | null;
            /**
             * Format: uint32
             * @description Members entitled to attend (adult villagers, households or representatives).
             */
            entitled: number;
            /** @description Which body met. */
            kind: components["schemas"]["AssemblyKind"];
            /**
             * Format: uint32
             * @description Present.
             */
            present: number;
            /** @description The village as the scheme names it (12-digit code or name). */
            village: string;
            /**
             * Format: uint32
             * @description Votes against.
             * @default 0
             */
            votes_against?: number;
            /**
             * Format: uint32
             * @description Votes in favour.
             */
            votes_for: number;
        };
        /** @description Which body met. */
        AssemblyKind: "villagers_meeting" | "villagers_meeting_households" | "representatives_meeting";
        /** @description One village's assembly on the proposal. */
        AssemblyRecord: {
            /**
             * Format: uint32
             * @description Abstentions.
             */
            abstentions: number;
            /**
             * Format: date
             * @description Date of the meeting.
             */
            date: string;
            /**
             * Format: uint32
             * @description Members entitled to attend (adult villagers, households or representatives).
             */
            entitled: number;
            /** @description Which body met. */
            kind: components["schemas"]["AssemblyKind"];
            /**
             * @description The minutes (会议记录), if attached.
             * @default null
             */
            minutes: components["schemas"]["Document"] | (null);
            /**
             * Format: uint32
             * @description Present.
             */
            present: number;
            /** @description Who recorded it. */
            recorded_by: string;
            /** @description The village as the scheme names it (12-digit code or name). */
            village: string;
            /** @description Its name, for display. */
            village_name: string;
            /**
             * Format: uint32
             * @description Votes against.
             */
            votes_against: number;
            /**
             * Format: uint32
             * @description Votes in favour.
             */
            votes_for: number;
        };
        /** @description An asset item with what happens to it. */
        AssetRow: {
            /** @description 资产类别. */
            category: string;
            /** @description 去向. */
            disposition: components["schemas"]["Disposition2"];
            /** @description 资产编号. */
            id: string;
            /** @description 资产名称. */
            name: string;
            /** @description 净值, 分. */
            net_value: components["schemas"]["Money"];
            /** @description 原值, 分. */
            original_value: components["schemas"]["Money"];
            /** @description 所属单位代码. */
            owner: string;
        };
        /** @description One audit row, without its bodies. */
        AuditEntry: {
            /** @description What was done (`import`, `record_event`, `scenario_update` …). */
            action: string;
            /** @description Who (account name, or the operator's). */
            actor: string;
            /** @description When (RFC 3339, UTC). */
            at: string;
            /** @description To what (`registry`, `event:12`, `scenario:3` …). */
            entity: string;
            /** @description Whether the row recorded the state before. */
            has_before: boolean;
            /** @description The row's hash (hex). */
            hash: string;
            /**
             * Format: int64
             * @description Sequence number, from 1.
             */
            seq: number;
        };
        /** @description A finding of the verification, in both languages. */
        AuditFinding: {
            /** @description English. */
            en: string;
            /** @description 中文. */
            zh: string;
        };
        /** @description A page of the audit log with the verification of the whole chain. */
        AuditView: {
            /** @description This page, newest first. */
            entries: components["schemas"]["AuditEntry"][];
            /** @description What does not verify, in seq order. */
            findings: components["schemas"]["AuditFinding"][];
            /** @description The head's hash: compare it with an anchor kept outside the database. */
            head_hash: string;
            /**
             * Format: int64
             * @description The head's seq.
             */
            head_seq: number;
            /**
             * Format: int64
             * @description The `before` for the next (older) page, if there is one.
             */
            next_before: number | null;
            /**
             * Format: uint64
             * @description Rows in the log.
             */
            rows: number;
            /** @description Whether the chain and the stored data verify. */
            verified: boolean;
        };
        /** @description A township of the base. */
        BaseTownship: {
            /** @description 12-digit code. */
            code: string;
            /** @description Figures by attribute key. */
            figures: {
                [key: string]: number;
            };
            /** @description The flags in Chinese. */
            flag_labels: string[];
            /** @description Flags the rules care about. */
            flags: components["schemas"]["Flags"];
            /** @description 乡, 镇 or 街道. */
            kind: string;
            /** @description Name. */
            name: string;
            /** @description The seat village (驻地). */
            seat: components["schemas"]["Named"] | (null);
            /**
             * Format: uint
             * @description How many villages it has.
             */
            villages: number;
        };
        /** @description A village of the base. */
        BaseVillage: {
            /** @description 12-digit code. */
            code: string;
            /** @description Figures by attribute key. */
            figures: {
                [key: string]: number;
            };
            /** @description 村委会 or 居委会. */
            kind: string;
            /** @description Name. */
            name: string;
            /** @description Its township's code. */
            township_code: string;
        };
        /**
         * @description A tile service as the bureau configures it (TOML) and the browser receives it.
         *
         *     ```
         *     let b = quhua_server::basemap::Basemap::from_toml("basemap.toml", r#"
         *     name = "天地图矢量"
         *     name_en = "Tianditu vector"
         *     attribution = "天地图 审图号：GS(2024)0650号"
         *     tiles = ["https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY"]
         *     "#).unwrap();
         *     assert_eq!(b.origins(), ["https://t0.tianditu.gov.cn"]);
         *     assert!(quhua_server::basemap::Basemap::from_toml("b.toml", "tiles = []").is_err());
         *     ```
         */
        Basemap: {
            /** @description The attribution shown on the map while it is on (provider and 审图号). */
            attribution: string;
            /**
             * @description An optional label layer drawn above the tiles (天地图's 注记, `cva_w`), same form.
             * @default []
             */
            labels: string[];
            /**
             * Format: uint8
             * @description The deepest zoom the service serves.
             * @default 18
             */
            max_zoom: number;
            /** @description Its name (天地图矢量底图 …). */
            name: string;
            /**
             * @description Its English name.
             * @default null
             */
            name_en: string | null;
            /**
             * Format: uint16
             * @description Tile size in pixels.
             * @default 256
             */
            tile_size: number;
            /** @description Tile URL templates with `{z}`, `{x}` and `{y}` (several: the same tiles from mirrors). */
            tiles: string[];
        };
        /** @description The 挂图作战 board as of a date. */
        BoardView: {
            /** @description By group. */
            by_group: components["schemas"]["SummaryView"][];
            /** @description By lead unit. */
            by_unit: components["schemas"]["SummaryView"][];
            /** @description As of. */
            date: string;
            /** @description The worst light per division. */
            divisions: components["schemas"]["DivisionLight"][];
            /** @description Every group name (for the filter). */
            groups: string[];
            /** @description Tasks counted per light (after the filters). */
            lights: components["schemas"]["LightCount"][];
            /** @description The acting organisation, if any. */
            org: string | null;
            /** @description The rows (tree order; the acting organisation's own tasks first when asked). */
            rows: components["schemas"]["TaskRow"][];
            /** @description The jurisdiction shown. */
            scope: string;
            /** @description Whether any task's history is synthetic (示意). */
            synthetic: boolean;
            /**
             * Format: uint
             * @description The tasks before filtering.
             */
            total: number;
            /** @description Every lead unit (code, name) (for the filter). */
            units: [
                string,
                string
            ][];
        };
        /** @description What an import found and did. */
        BoundaryImport: {
            /**
             * Format: double
             * @description Total area of the linked features, km² (ellipsoidal).
             */
            area_km2: number;
            /** @description The attribute the codes were read from. */
            code_field: string;
            /** @description The county (6 digits). */
            county: string;
            /**
             * Format: uint
             * @description Features in the file.
             */
            features: number;
            /** @description The file's name. */
            file: string;
            /** @description The level the features were linked at. */
            level: components["schemas"]["BoundaryLevel"];
            /**
             * Format: uint
             * @description Features linked to a unit of the county.
             */
            matched: number;
            /** @description Everything that stops the import, by feature (1-based) — empty when it can be stored. */
            problems: components["schemas"]["FeatureProblem"][];
            /**
             * Format: uint
             * @description Features of the set it replaced (0: none).
             */
            replaced: number;
            /** @description Whether the boundaries were stored. */
            stored: boolean;
            /**
             * Format: uint
             * @description Units of the level in the county.
             */
            units: number;
            /** @description Notes that do not stop it (encoding detected, small overlaps or gaps, …), "中文 / English". */
            warnings: string[];
        };
        /** @description Which units a boundary file outlines. */
        BoundaryLevel: "township" | "village";
        /** @description One cadre of a unit involved in the handover. */
        Cadre: {
            /**
             * Format: date
             * @description Personal: date of birth.
             * @default null
             */
            birth_date: string | null;
            /**
             * @description Personal: gender.
             * @default null
             */
            gender: string | null;
            /** @description Roster id (工号; never the ID-card number). */
            id: string;
            /**
             * @description Personal: ID-card number.
             * @default null
             */
            id_number: string | null;
            /** @description Whether the post is a leadership post (领导职务, counted against 职数). */
            leader: boolean;
            /** @description Personal: name. */
            name: string;
            /**
             * @description Personal: phone.
             * @default null
             */
            phone: string | null;
            /** @description 职务 (党委书记, 镇长, 副镇长, 科员 …). */
            post: string;
            /**
             * @description 职级.
             * @default null
             */
            rank: string | null;
            /** @description The unit's code (a former or continuing township). */
            unit: string;
        };
        /** @description A cadre of the section's units (personal fields empty unless the reader may see them). */
        CadreRow: {
            /** @description The roster line. */
            cadre: components["schemas"]["Cadre"];
            /** @description Where the cadre goes, once decided. */
            placement: components["schemas"]["PlacementRecord"] | (null);
            /**
             * Format: uint
             * @description Talks held.
             */
            talks: number;
        };
        /** @description Summary of the cadre register. */
        CadreStatus: {
            /** @description Placed by route id. */
            by_route: {
                [key: string]: number;
            };
            /**
             * Format: uint32
             * @description Still to absorb.
             */
            overstaff_outstanding: number;
            /** @description Units whose 超配 is past due and not absorbed. */
            overstaff_overdue: string[];
            /**
             * Format: uint32
             * @description Leaders above 职数, over all units.
             */
            overstaffed: number;
            /**
             * Format: uint
             * @description Placed.
             */
            placed: number;
            /**
             * Format: uint
             * @description On the roster.
             */
            roster: number;
            /**
             * Format: double
             * @description talked / roster (1 when the roster is empty).
             */
            talk_coverage: number;
            /**
             * Format: uint
             * @description Cadres with at least one talk.
             */
            talked: number;
            /**
             * Format: uint
             * @description Talks held.
             */
            talks: number;
            /**
             * Format: uint
             * @description Not placed.
             */
            unplaced: number;
        };
        /** @description One difference between the baseline and the date. */
        ChangeView: {
            /** @description At the date. */
            after: string;
            /** @description At the baseline. */
            before: string;
            /** @description `status`, `light`, `due`, `lead`, `participants`, `target.<id>`, `progress`. */
            field: string;
            /** @description Task id. */
            id: string;
            /** @description Title. */
            title: string;
        };
        /** @description One checklist line. */
        CheckLine: {
            /** @description Done: by whom, when. */
            done: components["schemas"]["Done2"] | (null);
            /** @description In English. */
            en: string;
            /** @description Template item id. */
            item: string;
            /** @description Unit code. */
            unit: string;
            /** @description What it is. */
            zh: string;
        };
        /** @description Counts of a set of checklist lines. */
        ChecklistStatus: {
            /**
             * Format: uint
             * @description Done.
             */
            done: number;
            /**
             * Format: uint
             * @description Lines.
             */
            items: number;
            /**
             * Format: uint
             * @description Open.
             */
            open: number;
            /** @description Of which: kept, revised, repealed, new. */
            rules_by_action: number[];
            /**
             * Format: uint
             * @description Rules reviewed.
             */
            rules_reviewed: number;
        };
        /** @description One deadline of a task as of the date. */
        CheckpointView: {
            /**
             * Format: double
             * @description Baseline (targets).
             */
            baseline: number | null;
            /** @description Deadline in force. */
            deadline: string;
            /**
             * Format: double
             * @description Elapsed-time share 0–1.
             */
            expected: number;
            /**
             * Format: double
             * @description Progress 0–1.
             */
            fraction: number;
            /** @description Target or milestone id (empty for the task). */
            id: string;
            /** @description `task`, `target` or `milestone`. */
            kind: string;
            /** @description What it is (Chinese). */
            label: string;
            /** @description When it was met. */
            met: string | null;
            /**
             * Format: double
             * @description Value reached.
             */
            reached: number | null;
            /** @description Metric unit (targets). */
            unit: string;
            /**
             * Format: double
             * @description Target value in force.
             */
            value: number | null;
        };
        /** @description The state of one clock. */
        ClockState: "done" | "on_track" | "near_due" | "overdue" | "done_late";
        /** @description The statutory clocks. */
        ClocksView: {
            /**
             * Format: date
             * @description Approval date.
             */
            approved: string;
            /** @description Codes state. */
            codes: components["schemas"]["ClockState"];
            /**
             * Format: date
             * @description Codes deadline.
             */
            codes_due: string;
            /** @description The same in Chinese. */
            codes_zh: string;
            /**
             * Format: uint32
             * @description Months of extension.
             */
            extension_months: number;
            /** @description Implementation state. */
            implementation: components["schemas"]["ClockState"];
            /**
             * Format: date
             * @description Implementation deadline.
             */
            implementation_due: string;
            /** @description The same in Chinese. */
            implementation_zh: string;
        };
        /** @description Who closed a section, and when (销号). */
        Closed: {
            /** @description Who. */
            by: string;
            /**
             * Format: date
             * @description When.
             */
            date: string;
        };
        /** @description One side of `GET /api/compare`. */
        CompareSide: {
            /** @description Its evaluation. */
            evaluation: components["schemas"]["EvaluationOut"];
            /** @description Its resulting townships (示意). */
            geojson: components["schemas"]["FeatureCollection"] | (null);
            /** @description The stored scenario. */
            scenario: components["schemas"]["ScenarioView"];
        };
        /** @description Before and after, with the reduction. */
        Comparison: {
            /** @description After the scheme. */
            after: components["schemas"]["Indicators"];
            /** @description Before the scheme. */
            before: components["schemas"]["Indicators"];
            /**
             * Format: int64
             * @description Units removed (before − after).
             */
            reduction: number;
            /**
             * Format: double
             * @description Reduction as a share of before.
             */
            reduction_share: number;
        };
        /** @description Body of `POST /api/plans/{id}/consultation`. */
        ConsultBody: {
            /**
             * Format: uint32
             * @description Number of people.
             */
            count: number;
            /** @description Date. */
            date: string;
            /** @enum {string} */
            kind: "meeting";
            /** @description 县 / 乡镇 / 村. */
            level: string;
            /**
             * @description Kinds of participants.
             * @default []
             */
            participants?: string[];
            /** @description Place. */
            place: string;
        } | {
            /** @description Date. */
            date: string;
            /**
             * Format: uint32
             * @description In favour.
             */
            in_favour: number;
            /**
             * Format: uint32
             * @description Issued.
             */
            issued: number;
            /** @enum {string} */
            kind: "questionnaire";
            /**
             * Format: uint32
             * @description Returned.
             */
            returned: number;
        } | {
            /** @description Date. */
            date: string;
            /** @description 吸纳 | 部分吸纳 | 未吸纳 | 待答复 (or adopted, partly, not_adopted, pending). */
            disposition: string;
            /** @description From whom (kind). */
            from: string;
            /** @enum {string} */
            kind: "suggestion";
            /**
             * @description Reason or answer.
             * @default
             */
            reason?: string;
            /** @description Text. */
            text: string;
        };
        /** @description Everything recorded in the consultation. */
        ConsultationRegister: {
            /** @description Meetings. */
            meetings: components["schemas"]["Meeting"][];
            /** @description Questionnaires. */
            questionnaires: components["schemas"]["Questionnaire"][];
            /** @description Suggestions. */
            suggestions: components["schemas"]["Suggestion"][];
        };
        /** @description The register's totals. */
        ConsultationTotals: {
            /**
             * Format: uint
             * @description Adopted wholly or partly.
             */
            adopted: number;
            /**
             * Format: uint
             * @description Meetings held.
             */
            meetings: number;
            /**
             * Format: uint64
             * @description People at meetings.
             */
            participants: number;
            /**
             * Format: uint
             * @description Not yet answered.
             */
            pending: number;
            /**
             * Format: uint64
             * @description Questionnaires issued.
             */
            questionnaires_issued: number;
            /**
             * Format: uint64
             * @description Questionnaires returned.
             */
            questionnaires_returned: number;
            /**
             * Format: uint
             * @description Suggestions received.
             */
            suggestions: number;
        };
        /** @description A count with its label. */
        Count: {
            /**
             * Format: uint
             * @description How many.
             */
            count: number;
            /** @description Key (topic id, unit code, ISO week). */
            key: string;
            /** @description Label. */
            name: string;
        };
        /**
         * @description `GET /api/counties/{code}/base`: the county's townships and villages with their figures
         *     (`synthetic`: some figures are 示意).
         */
        CountyBase: {
            /** @description The key holding area (km²). */
            area_key: string | null;
            /** @description The county. */
            county: components["schemas"]["Named"];
            /** @description The registry date of the base. */
            date: string;
            /** @description Attribute keys, in the order of the survey. */
            keys: string[];
            /** @description The key holding population. */
            population_key: string | null;
            /** @description Whether some figures are synthetic (示意). */
            synthetic: boolean;
            /** @description Townships. */
            townships: components["schemas"]["BaseTownship"][];
            /** @description Villages (their order is the `village_idx` of evaluations and of the village GeoJSON). */
            villages: components["schemas"]["BaseVillage"][];
        };
        /** @description A county as listed by `GET /api/counties`. */
        CountyInfo: {
            /** @description The city's name. */
            city: string | null;
            /** @description 6-digit code. */
            code: string;
            /** @description Whether boundaries are stored for it (a map can be drawn). */
            geometry: boolean;
            /** @description Whether the stored boundaries are schematic (示意). */
            geometry_synthetic: boolean;
            /** @description Name. */
            name: string;
            /** @description The province's name. */
            province: string | null;
            /** @description Whether figures include synthetic (示意) values. */
            synthetic: boolean;
            /**
             * Format: uint
             * @description Township-level units.
             */
            townships: number;
        };
        /** @description `GET /api/counties`. */
        CountyList: {
            /** @description The counties inside the account's jurisdiction. */
            counties: components["schemas"]["CountyInfo"][];
        };
        /** @description Body of `POST /api/scenarios`. */
        CreateBody: {
            /**
             * @description The registry date the scenario was drafted on (`YYYY-MM-DD`).
             * @default null
             */
            base_date?: string | null;
            /** @description County code. */
            county: string;
            /** @description Name. */
            name: string;
            /**
             * @description Notes.
             * @default null
             */
            note?: string | null;
            /**
             * @description Operations.
             * @default []
             */
            ops?: components["schemas"]["OperationInput"][];
            /**
             * @description The policy it is checked against: a built-in id (`hebei`, `default` …) or a stored
             *     policy's name; none: the county's own province's (the national reference where none).
             * @default null
             */
            policy?: string | null;
        };
        /** @description A debt or claim with what happens to it. */
        DebtRow: {
            /** @description 金额, 分. */
            amount: components["schemas"]["Money"];
            /** @description 对方单位. */
            counterparty: string;
            /** @description 去向. */
            disposition: components["schemas"]["Disposition2"];
            /** @description 编号. */
            id: string;
            /** @description 债务 / 债权. */
            kind: string;
            /** @description 所属单位代码. */
            owner: string;
        };
        /** @description A county department (or a department-like body) that takes part in the reform. */
        Department: "civil_affairs" | "staffing" | "organisation" | "finance" | "state_assets" | "agriculture" | "natural_resources" | "development_reform" | "housing" | "education" | "health" | "government_services" | "justice" | "ethnic_affairs" | "public_security" | "statistics" | "archives" | "market_regulation" | "human_resources" | "medical_security" | "postal";
        /** @description What was done with a suggestion. */
        Disposition: "adopted" | "partly" | "not_adopted" | "pending";
        /** @description What happened to an item. */
        Disposition2: {
            /** @enum {string} */
            as: "unassigned";
        } | {
            /** @enum {string} */
            as: "transferred";
            /** @description The successor's code. */
            to: string;
        } | {
            /** @enum {string} */
            as: "disposed";
            /**
             * @description Note (buyer, contract, new use …).
             * @default null
             */
            note: string | null;
            /** @description Route id. */
            route: string;
        } | {
            /** @description 批准文号. */
            approval: string;
            /** @enum {string} */
            as: "written_off";
        };
        /** @description What happened to an item. */
        DispositionInput: {
            /** @enum {string} */
            as: "unassigned";
        } | {
            /** @enum {string} */
            as: "transferred";
            /** @description The successor's code. */
            to: string;
        } | {
            /** @enum {string} */
            as: "disposed";
            /**
             * @description Note (buyer, contract, new use …).
             * @default null
             */
            note?: string | null;
            /** @description Route id. */
            route: string;
        } | {
            /** @description 批准文号. */
            approval: string;
            /** @enum {string} */
            as: "written_off";
        };
        /** @description The worst light of the tasks concerning one division (the board's map). */
        DivisionLight: {
            /** @description Division code. */
            code: string;
            /** @description The worst light. */
            light: string;
            /** @description Its name in the registry, when known. */
            name: string;
            /**
             * Format: uint
             * @description How many tasks concern it.
             */
            tasks: number;
        };
        /** @description A document attached to the plan (stored elsewhere; identified by its SHA-256). */
        Document: {
            /**
             * Format: date
             * @description When.
             */
            added_at: string;
            /** @description Who attached it. */
            added_by: string;
            /** @description What it is. */
            kind: components["schemas"]["MaterialKind"] | (null);
            /** @description File name. */
            name: string;
            /** @description SHA-256 of the file, hex. */
            sha256: string;
        };
        /** @description A generated document offered for download. */
        DocumentLink: {
            /** @description English title. */
            en: string;
            /** @description Id used in the download address (`notice.docx` …). */
            id: string;
            /** @description File name. */
            name: string;
            /** @description Chinese title. */
            zh: string;
        };
        /** @description `POST /api/logout`. */
        Done: {
            /** @description Always true. */
            ok: boolean;
        };
        /** @description A checklist item done. */
        Done2: {
            /** @description Who did it (person or office). */
            by: string;
            /**
             * Format: date
             * @description When.
             */
            date: string;
            /**
             * @description Note (e.g. the seal's registration number, the archive transfer list number).
             * @default null
             */
            note: string | null;
        };
        /** @description A draft against the registry in force. */
        DraftFreshness: {
            /** @description Changes touching the county after `drafted_on`. */
            changes_since: components["schemas"]["RegistryChange"][];
            /** @description The registry date it was drafted on, or the day it was last saved when not recorded. */
            drafted_on: string;
            /**
             * Format: int64
             * @description The scenario.
             */
            id: number;
            /** @description Every operation with its status. */
            ops: components["schemas"]["DraftOp"][];
            /** @description The operations that still apply, in order: the draft rebased on the registry in force. */
            rebased: components["schemas"]["Operation"][];
            /** @description Whether `drafted_on` is the recorded registry date (else the day of the last save). */
            recorded: boolean;
            /** @description The registry's latest date. */
            registry_date: string;
            /** @description Whether the registry moved on or an operation no longer applies. */
            stale: boolean;
            /**
             * Format: int64
             * @description Its version.
             */
            version: number;
        };
        /** @description One operation of a draft, checked against the registry in force. */
        DraftOp: {
            /** @description Whether it still applies (after the operations before it that do). */
            applies: boolean;
            /**
             * Format: uint
             * @description Its position in the draft, from 1.
             */
            index: number;
            /** @description The operation. */
            op: components["schemas"]["Operation"];
            /** @description Why not, when it does not. */
            reason: components["schemas"]["Text"] | (null);
        };
        /**
         * @description Every error response: `{"error": {"zh", "en"}}`, with details some errors add (`op`: the
         *     failing operation; `retry_after_secs`; `current_version` and `current` on a 409).
         */
        ErrorBody: {
            /** @description What went wrong, in both languages. */
            error: components["schemas"]["Message"];
        } & {
            [key: string]: unknown;
        };
        /** @description One escalation step recorded by the run. */
        EscalatedStep: {
            /** @description The deadline it concerns, in both languages (the task's, or a target's or milestone's). */
            concerns: components["schemas"]["Label"];
            /** @description That deadline. */
            deadline: string;
            /** @description The step (`urge` 催办, `notice` 催办通知书, `circular` 通报) with its names. */
            step: components["schemas"]["Label"];
        };
        /** @description A task escalated by the run, with its steps. */
        EscalatedTask: {
            /** @description Steps recorded. */
            steps: components["schemas"]["EscalatedStep"][];
            /** @description Task id. */
            task: string;
        };
        /** @description Body of `POST /api/counties/{code}/evaluate`. */
        EvaluateBody: {
            /**
             * @description Operations in order.
             * @default []
             */
            ops?: components["schemas"]["OperationInput"][];
            /**
             * @description The policy: a built-in id (`hebei`, `default` …) or a stored policy's name; none:
             *     the county's own province's (the national reference where its province has none).
             * @default null
             */
            policy?: string | null;
        };
        /**
         * @description An evaluation as the client receives it: units carry `village_idx` instead of village
         *     codes.
         */
        EvaluationOut: {
            abolished: components["schemas"]["AbolishedView"][];
            base_date: string;
            county: string;
            county_name: string;
            findings: components["schemas"]["Finding"][];
            indicators: components["schemas"]["Comparison"];
            /** Format: uint */
            operations: number;
            policy: string;
            synthetic: boolean;
            units: components["schemas"]["UnitOut"][];
            /** @description The village layer (村级建制调整): indicators, villages changed and merged away. */
            villages: components["schemas"]["VillageEvaluation"];
        };
        /**
         * @description `POST /api/counties/{code}/evaluate`: the evaluation, and the resulting townships'
         *     outlines with `?geojson=1` (otherwise `null`).
         */
        EvaluationResult: {
            /** @description The evaluation. */
            evaluation: components["schemas"]["EvaluationOut"];
            /** @description The resulting townships dissolved (示意), if asked for. */
            geojson: components["schemas"]["FeatureCollection"] | (null);
        };
        /**
         * @description The evaluation of a county between two dates, or of a plan (the day before it took effect
         *     against its effective day).
         */
        EvaluationView: {
            /** @description After. */
            after: components["schemas"]["SideView"];
            /** @description Whether the plan's changes are recorded in the registry (else applied to a copy). */
            applied: boolean;
            /** @description Before. */
            before: components["schemas"]["SideView"];
            /** @description County code. */
            county: string;
            /** @description County name. */
            county_name: string;
            /** @description The handover's figures, for a plan that has one. */
            handover: components["schemas"]["HandoverFigures"] | (null);
            /**
             * Format: double
             * @description National average area per township (km²).
             */
            national_area_km2: number;
            /** @description Where the national figures come from. */
            national_citation: string;
            /**
             * Format: double
             * @description National average population per township.
             */
            national_population: number;
            /**
             * Format: int64
             * @description The plan evaluated, if any.
             */
            plan: number | null;
            /**
             * Format: int64
             * @description Townships fewer after than before.
             */
            reduction: number;
            /**
             * Format: double
             * @description The reduction as a share of the count before.
             */
            reduction_share: number;
            /** @description The same in English. */
            sentence_en: string;
            /** @description The figures sentence of a report, in Chinese. */
            sentence_zh: string;
            /** @description The county's stored statistics, recast onto the boundaries after. */
            series: components["schemas"]["SeriesView"][];
            /** @description Why the statistics could not be recast, if they could not. */
            series_note: string | null;
            /** @description Whether any figure is synthetic (示意). */
            synthetic: boolean;
        };
        /** @description One entry of a task's history. */
        EventView: {
            /** @description Account. */
            account: string;
            /** @description Date. */
            at: string;
            /** @description What happened (English). */
            en: string;
            /** @description Evidence files: (name, SHA-256). */
            files: [
                string,
                string
            ][];
            /**
             * @description Event type (`progress`, `done_reported`, `closed`, `returned`, `extension_requested`,
             *     `extension_decided`, `escalated`, `reassigned`, `target_revised`).
             */
            kind: string;
            /** @description Organisation (name). */
            org: string;
            /**
             * Format: uint32
             * @description Sequence number.
             */
            seq: number;
            /** @description What happened (Chinese). */
            zh: string;
        };
        /** @description An evidence file already stored: its name and SHA-256. */
        EvidenceRef: {
            /** @description File name. */
            name: string;
            /** @description SHA-256 of the content. */
            sha256: string;
        };
        /** @description Body of `POST /api/plans/{id}/extensions`. */
        ExtendBody: {
            /**
             * @description Date (default today).
             * @default null
             */
            date?: string | null;
            /** @description The approver's consent (文号). */
            document_no: string;
            /**
             * Format: uint32
             * @description Months (1–6 in all).
             */
            months: number;
        };
        /** @description An extension of the implementation deadline (条例 art. 15). */
        Extension: {
            /**
             * Format: date
             * @description Date.
             */
            date: string;
            /** @description The approver's consent (文号). */
            document_no: string;
            /**
             * Format: uint32
             * @description Months (1–6).
             */
            months: number;
        };
        /** @description A GeoJSON Feature: a (Multi)Polygon with the unit's properties (`code`, `name`, …, 示意). */
        Feature: {
            /** @description The geometry (RFC 7946). */
            geometry: {
                [key: string]: unknown;
            } | null;
            /** @description The unit's properties. */
            properties: {
                [key: string]: unknown;
            };
            /** @description `Feature`. */
            type: string;
        };
        /** @description A GeoJSON FeatureCollection (RFC 7946); every geometry is schematic (示意). */
        FeatureCollection: {
            /** @description The features. */
            features: components["schemas"]["Feature"][];
            /** @description `FeatureCollection`. */
            type: components["schemas"]["FeatureCollectionType"];
        };
        /** @description The type tag of a FeatureCollection. */
        FeatureCollectionType: "FeatureCollection";
        /** @description One problem, located. */
        FeatureProblem: {
            /** @description The code concerned, when known. */
            code: string | null;
            /** @description English. */
            en: string;
            /**
             * Format: uint
             * @description The feature, 1-based (0: not about one feature — a unit without a feature).
             */
            feature: number;
            /** @description The kind. */
            kind: components["schemas"]["ProblemKind"];
            /** @description 中文说明. */
            zh: string;
        };
        /** @description One action on an item. */
        FeedbackAction: {
            /** @enum {string} */
            action: "assign";
            /**
             * Format: date
             * @description Reply deadline.
             */
            deadline: string;
            /** @description Organisation code. */
            department: string;
        } | {
            /** @enum {string} */
            action: "reply";
            /** @description The reply. */
            text: string;
        } | {
            /** @enum {string} */
            action: "follow_up";
            /**
             * @description Note.
             * @default
             */
            note?: string;
            /** @description `satisfied`, `fair`, `unsatisfied` or `unreachable`. */
            satisfaction: string;
        } | {
            /** @enum {string} */
            action: "correct";
            /**
             * @description New division code, if it changes.
             * @default null
             */
            division?: string | null;
            /** @description Why. */
            reason: string;
            /**
             * @description New topic id, if it changes.
             * @default null
             */
            topic?: string | null;
            /**
             * @description New unit concerned, if it changes.
             * @default null
             */
            unit?: string | null;
        };
        /** @description What a hotline import found (and, when committed, stored). */
        FeedbackImport: {
            /**
             * Format: uint
             * @description Tickets already registered (left as they are).
             */
            already: number;
            /** @description Whether it was stored. */
            committed: boolean;
            /** @description File name. */
            file: string;
            /**
             * Format: uint
             * @description New items (stored when committed).
             */
            new_items: number;
            /**
             * Format: uint
             * @description Tickets read.
             */
            rows: number;
            /**
             * Format: uint
             * @description Topics inferred from the content where the file gave none.
             */
            topics_inferred: number;
            /** @description Warnings (skipped rows, unknown columns). */
            warnings: string[];
        };
        /** @description One item as it now stands, with its whole history. */
        FeedbackRow: {
            /** @description Assigned department (name). */
            assigned: string | null;
            /** @description Its code. */
            assigned_code: string | null;
            /** @description The acting organisation may reply (it is the assigned department). */
            can_reply: boolean;
            /** @description Channel. */
            channel: components["schemas"]["Label"];
            /** @description What the citizen wrote or said. */
            content: string;
            /** @description Reply deadline. */
            deadline: string | null;
            /** @description Division concerned. */
            division: string | null;
            /** @description Id. */
            id: string;
            /** @description Not replied to and past its deadline. */
            overdue: boolean;
            /** @description Received (YYYY-MM-DD HH:MM). */
            received: string;
            /** @description Ticket or letter number. */
            reference: string;
            /** @description When it was replied to. */
            replied_at: string | null;
            /** @description The reply's text. */
            reply: string | null;
            /** @description Follow-up satisfaction. */
            satisfaction: components["schemas"]["Label"] | (null);
            /** @description Synthetic (示意). */
            synthetic: boolean;
            /** @description Topic. */
            topic: components["schemas"]["Label"];
            /** @description Unit concerned (name). */
            unit: string | null;
            /** @description Every version, oldest first (never shortened). */
            versions: components["schemas"]["VersionView"][];
        };
        /** @description The register's statistics. */
        FeedbackStatsView: {
            /** @description By topic. */
            by_topic: components["schemas"]["Count"][];
            /** @description By unit concerned or assigned department. */
            by_unit: components["schemas"]["Count"][];
            /** @description By ISO week received. */
            by_week: components["schemas"]["Count"][];
            /**
             * Format: double
             * @description Longest.
             */
            max_response_hours: number | null;
            /**
             * Format: double
             * @description Mean hours to reply.
             */
            mean_response_hours: number | null;
            /**
             * Format: double
             * @description Median hours to reply.
             */
            median_response_hours: number | null;
            /** @description Open past the deadline (ids). */
            overdue_open: string[];
            /**
             * Format: uint
             * @description Replied to.
             */
            replied: number;
            /** @description Replied after the deadline (ids). */
            replied_late: string[];
            /** @description Follow-up satisfaction. */
            satisfaction: components["schemas"]["Count"][];
            /**
             * Format: uint
             * @description Items.
             */
            total: number;
        };
        /** @description The register of a jurisdiction. */
        FeedbackView: {
            /** @description As of. */
            at: string;
            /** @description Whether the acting account may register, assign, follow up and correct (the office). */
            can_manage: boolean;
            /** @description Items, newest first. */
            items: components["schemas"]["FeedbackRow"][];
            /** @description The jurisdiction. */
            scope: string;
            /** @description Statistics. */
            stats: components["schemas"]["FeedbackStatsView"];
            /** @description Whether any item is synthetic. */
            synthetic: boolean;
        };
        /** @description One rule finding. */
        Finding: {
            /** @description Where the rule comes from: a law, a State Council or a provincial text. */
            citation: string;
            /** @description The message. */
            message: components["schemas"]["Text"];
            /** @description Rule id (stable, for filtering); serialised as `area_cap`, `contiguity`, … */
            rule: components["schemas"]["RuleId"];
            /** @description How serious. */
            severity: components["schemas"]["Severity"];
            /** @description The units concerned (labels). */
            units: string[];
        };
        /** @description Flags the reform rules care about. */
        Flags: {
            /**
             * @description 边境乡镇: kept whole (成建制保留).
             * @default false
             */
            border: boolean;
            /**
             * @description 县城驻地镇: the county-seat town (make it bigger, never absorb it).
             * @default false
             */
            county_seat: boolean;
            /**
             * @description 民族乡镇: changes need 民族协商 (条例 art. 14).
             * @default false
             */
            ethnic: boolean;
            /**
             * @description 历史文化名镇: keeps its name.
             * @default false
             */
            historic: boolean;
            /**
             * @description 重点镇/中心镇: a regional central town.
             * @default false
             */
            key_town: boolean;
        };
        /**
         * Format: double
         * @description A fraction as written in a scenario (e.g. 0.35), compared bit for bit so operations stay `Eq`.
         */
        Fraction: number;
        /** @description What the handover of a plan achieved (when there is one). */
        HandoverFigures: {
            /** @description Staffing quotas before and after. */
            quotas: components["schemas"]["QuotaStatus"];
            /** @description Service points at the former seats (基层服务只增不减). */
            services: components["schemas"]["ServiceStatus"];
        };
        /** @description The whole handover's status. */
        HandoverStatus: {
            /** @description Assets. */
            assets: components["schemas"]["LedgerStatus"];
            /** @description Cadres. */
            cadres: components["schemas"]["CadreStatus"];
            /** @description County code. */
            county: string;
            /** @description Debts and claims. */
            debts: components["schemas"]["LedgerStatus"];
            /**
             * Format: uint
             * @description Pairs.
             */
            pairs: number;
            /** @description Plan. */
            plan: string;
            /** @description Quotas. */
            quotas: components["schemas"]["QuotaStatus"];
            /** @description Seals, archives, signage … and rules reviewed. */
            records: components["schemas"]["ChecklistStatus"];
            /** @description Per section. */
            sections: components["schemas"]["SectionStatus"][];
            /**
             * Format: uint
             * @description Sections closed.
             */
            sections_closed: number;
            /**
             * Format: uint
             * @description Sections.
             */
            sections_total: number;
            /** @description Services. */
            services: components["schemas"]["ServiceStatus"];
        };
        /** @description The whole handover of a plan. */
        HandoverView: {
            /**
             * Format: date
             * @description 批复 date the due dates count from.
             */
            approved_on: string;
            /** @description County code. */
            county: string;
            /** @description The documents to download. */
            documents: components["schemas"]["DocumentLink"][];
            /** @description Whether the reader may (re)generate the handover. */
            may_generate: boolean;
            /** @description The plan's name. */
            name: string;
            /** @description The pairs. */
            pairs: components["schemas"]["PairView"][];
            /**
             * Format: int64
             * @description The plan's id.
             */
            plan: number;
            /** @description Quotas before/after, once computed. */
            quotas: components["schemas"]["QuotaResult"] | (null);
            /** @description Routes for the forms. */
            routes: components["schemas"]["Routes"];
            /** @description Every section. */
            sections: components["schemas"]["SectionView"][];
            /** @description Whether the reader sees cadres' personal fields. */
            sees_personal: boolean;
            /** @description Status per section and register. */
            status: components["schemas"]["HandoverStatus"];
            /** @description Whether the figures are synthetic (示意). */
            synthetic: boolean;
            /** @description The template in force. */
            template: components["schemas"]["Text"];
            /** @description Who last changed it. */
            updated_by: string;
            /**
             * Format: int64
             * @description Version (for optimistic concurrency).
             */
            version: number;
        };
        /**
         * @description The wishes the schemes were made under, as honoured (resolved townships, the floor and
         *     cap actually used), so an adapter can show them.
         */
        Honoured: {
            /** @description Groups kept in different new units. */
            apart: components["schemas"]["TownshipRef"][][];
            /** @description The planner's locked townships (border townships are locked on top). */
            lock: components["schemas"]["TownshipRef"][];
            /**
             * Format: double
             * @description Area cap used (km²; none: no cap).
             */
            max_area: number | null;
            /**
             * Format: double
             * @description Population floor used (0: none).
             */
            min_pop: number;
            /**
             * Format: double
             * @description The policy's own cap (km²; none where it has none).
             */
            policy_max_area: number | null;
            /**
             * Format: double
             * @description The policy's own floor (none where it has none).
             */
            policy_min_pop: number | null;
            /** @description Which rule gives way where floor and cap cannot both hold. */
            prefer: components["schemas"]["PreferRule"];
            /**
             * Format: uint
             * @description Schemes asked for (after clamping to 1–8).
             */
            schemes: number;
            /** @description The planner's seed units (the county seat and key towns are seeds on top). */
            seed_units: components["schemas"]["TownshipRef"][];
            /** @description Groups kept in one new unit. */
            together: components["schemas"]["TownshipRef"][][];
            /** @description Objective weights used. */
            weights: components["schemas"]["ObjectiveWeights"];
        };
        /** @description What is imported. */
        ImportKind: "assets" | "debts" | "cadres" | "services" | "quotas";
        /** @description What an import found (and, when committed, stored). */
        ImportOutcome: {
            /** @description The preview's column names. */
            columns: string[];
            /** @description The file's name. */
            file: string;
            /** @description What was imported. */
            kind: components["schemas"]["ImportKind"];
            /**
             * @description The first rows as read (at most 20), for the preview; personal fields only for those
             *     who may see them.
             */
            preview: string[][];
            /** @description For ledgers: items added, removed, changed, unchanged. */
            report: components["schemas"]["ImportReport"] | (null);
            /**
             * Format: uint
             * @description Rows read.
             */
            rows: number;
            /**
             * @description The sections the file covers (a ledger or service-point file replaces their items
             *     only).
             */
            sections: string[];
            /** @description Its SHA-256. */
            sha256: string;
            /** @description Whether it was stored (false for a preview). */
            stored: boolean;
            /**
             * Format: int64
             * @description The handover's version after (when stored).
             */
            version: number | null;
            /** @description Skipped rows and unknown columns (Chinese / English). */
            warnings: string[];
        };
        /** @description What an import did. */
        ImportReport: {
            /**
             * Format: uint
             * @description New ids.
             */
            added: number;
            /**
             * Format: uint
             * @description Ids whose content changed (their disposition is reset to unassigned).
             */
            changed: number;
            /**
             * Format: uint
             * @description Items in the file.
             */
            items: number;
            /**
             * Format: uint
             * @description Ids no longer present.
             */
            removed: number;
            /**
             * Format: uint
             * @description Ids unchanged (disposition kept).
             */
            unchanged: number;
        };
        /** @description One item of an inbox. */
        InboxItem: {
            /** @description The deadline concerned. */
            due: string;
            /** @description Label (English). */
            en: string;
            /** @description What it asks for. */
            kind: components["schemas"]["InboxKind"];
            /** @description Since when (the event's date, or the deadline). */
            since: string;
            /** @description Task id. */
            task: string;
            /** @description Task title. */
            title: string;
            /** @description Label (Chinese). */
            zh: string;
        };
        /** @description What an inbox item asks for. */
        InboxKind: "overdue" | "escalated" | "returned" | "due_soon" | "behind" | "to_verify" | "to_decide";
        /** @description An account's inbox as of a date. */
        InboxView: {
            /** @description As of. */
            date: string;
            /** @description Items, most urgent first. */
            items: components["schemas"]["InboxItem"][];
            /** @description The organisation it is for. */
            org: string | null;
            /** @description Its name. */
            org_name: string;
        };
        /** @description One indicator of a table. */
        IndicatorInfo: {
            /**
             * Format: uint
             * @description Figures.
             */
            figures: number;
            /** @description Indicator name. */
            name: string;
            /** @description extensive / intensive. */
            nature_en: string;
            /** @description 总量 / 均量. */
            nature_zh: string;
            /** @description Years with figures. */
            periods: number[];
            /** @description Unit of measure. */
            unit: string;
            /**
             * Format: uint
             * @description Units with figures.
             */
            units: number;
        };
        /** @description What a set of townships looks like. */
        Indicators: {
            /** @description Area statistics (km²). */
            area_km2: components["schemas"]["Stats"];
            /**
             * Format: double
             * @description Mean area ÷ national average.
             */
            area_vs_national: number;
            /** @description Count by kind (Chinese kind name). */
            by_kind: {
                [key: string]: number;
            };
            /**
             * Format: uint
             * @description Number of township-level units.
             */
            count: number;
            /**
             * Format: uint
             * @description Units over the policy's area cap.
             */
            over_area_cap: number | null;
            /** @description Population statistics. */
            population: components["schemas"]["Stats"];
            /**
             * Format: double
             * @description The policy's population target, if any.
             */
            population_target: number | null;
            /** @description Whether the mean meets the target. */
            population_target_met: boolean | null;
            /**
             * Format: double
             * @description Mean population ÷ national average.
             */
            population_vs_national: number;
            /**
             * Format: double
             * @description Share of 镇 + 街道.
             */
            town_street_share: number;
            /**
             * Format: uint
             * @description Units under the policy's population floor.
             */
            under_population_floor: number | null;
        };
        /** @description Result of the pre-checks. */
        Infeasibility: {
            /**
             * @description Every reason found (empty = no obstacle detected; the search may
             *     still fail on harder combinatorial conflicts).
             */
            reasons: components["schemas"]["Infeasible"][];
        };
        /** @description One reason why the hard constraints cannot all hold. */
        Infeasible: {
            /**
             * Format: double
             * @description Floor.
             */
            floor: number;
            /** @description Whether it has no neighbour at all. */
            isolated: boolean;
            /** @enum {string} */
            kind: "locked_below_floor";
            /**
             * Format: double
             * @description Its population.
             */
            population: number;
            /**
             * Format: uint32
             * @description Unit.
             */
            unit: number;
        } | {
            /**
             * Format: double
             * @description Floor.
             */
            floor: number;
            /** @enum {string} */
            kind: "island_below_floor";
            /**
             * Format: double
             * @description Its population.
             */
            population: number;
            /**
             * Format: uint32
             * @description Unit.
             */
            unit: number;
        } | {
            /**
             * Format: double
             * @description Its area.
             */
            area: number;
            /**
             * Format: double
             * @description Ceiling.
             */
            ceiling: number;
            /** @enum {string} */
            kind: "unit_over_ceiling";
            /**
             * Format: uint32
             * @description Unit.
             */
            unit: number;
        } | {
            /**
             * Format: double
             * @description Ceiling.
             */
            ceiling: number;
            /**
             * Format: double
             * @description Floor.
             */
            floor: number;
            /** @enum {string} */
            kind: "floor_out_of_reach";
            /**
             * Format: double
             * @description Upper bound on the population of any region containing it.
             */
            max_population: number;
            /**
             * Format: uint32
             * @description Unit.
             */
            unit: number;
        } | {
            /**
             * Format: double
             * @description Lower bound on the area of a region holding both: the three units' area, or the
             *     least area of a path joining the two (infinite when none lies within the ceiling).
             */
            area: number;
            /**
             * Format: double
             * @description Ceiling.
             */
            ceiling: number;
            /** @enum {string} */
            kind: "shared_need";
            /**
             * Format: uint32
             * @description The unit both need.
             */
            needs: number;
            /** @description The two units. */
            units: number[];
        } | {
            /**
             * Format: double
             * @description Floor.
             */
            floor: number;
            /** @enum {string} */
            kind: "component_below_floor";
            /**
             * Format: double
             * @description Its population.
             */
            population: number;
            /** @description Units of the piece. */
            units: number[];
        } | {
            /** @enum {string} */
            kind: "too_many_seeds";
            /**
             * Format: uint
             * @description Upper bound on its regions, `⌊population / floor⌋`.
             */
            max_regions: number;
            /**
             * Format: double
             * @description Population of the piece.
             */
            population: number;
            /** @description Seeds in the piece. */
            seeds: number[];
        } | {
            /**
             * Format: uint32
             * @description Smallest unit index of the piece (identifies it).
             */
            first_unit: number;
            /** @enum {string} */
            kind: "floor_ceiling_conflict";
            /**
             * Format: uint
             * @description Regions possible by population.
             */
            max_regions_by_pop: number;
            /**
             * Format: uint
             * @description Regions needed by area.
             */
            min_regions_by_area: number;
            /**
             * Format: uint
             * @description Number of units in the piece.
             */
            units: number;
        } | {
            /** @enum {string} */
            kind: "together_impossible";
            /** @description Why (English keyword: `not_contiguous`, `crosses_group`, `locked`, `seeds`). */
            reason: string;
            /**
             * Format: uint
             * @description Index in `Problem::together`.
             */
            set: number;
        };
        /** @description What happened to an island. */
        IslandAction: "attached" | "kept_alone" | "excluded";
        /** @description An id with its labels. */
        Label: {
            /** @description English. */
            en: string;
            /** @description Stable id. */
            id: string;
            /** @description Chinese. */
            zh: string;
        };
        /** @description Which ledger an item is in. */
        LedgerKind: "assets" | "debts";
        /** @description A ledger's summary. */
        LedgerStatus: {
            /** @description Their book value (净值; for debts and claims the amount), 分. */
            book_value: components["schemas"]["Money"];
            /** @description items and value before = transferred + disposed + written off, exactly, nothing unassigned. */
            conserved: boolean;
            /** @description 处置. */
            disposed: components["schemas"]["Tally"];
            /**
             * Format: uint64
             * @description Items imported.
             */
            items: number;
            /** @description 移交. */
            transferred: components["schemas"]["Tally"];
            /** @description Not decided. */
            unassigned: components["schemas"]["Tally"];
            /** @description 核销. */
            written_off: components["schemas"]["Tally"];
        };
        /** @description Count of tasks with one light. */
        LightCount: {
            /**
             * Format: uint
             * @description How many tasks.
             */
            count: number;
            /** @description The light. */
            light: components["schemas"]["LightView"];
        };
        /** @description A light with its labels. */
        LightView: {
            /** @description English label. */
            en: string;
            /** @description `done`, `green`, `blue`, `yellow` or `red`. */
            id: string;
            /** @description Chinese label. */
            zh: string;
        };
        /** @description Login body. */
        LoginBody: {
            /** @description Password. */
            password: string;
            /** @description User name. */
            username: string;
        };
        /** @description A point in longitude/latitude (CGCS2000 ≈ WGS84). */
        LonLat: {
            /**
             * Format: double
             * @description Latitude, degrees north.
             */
            lat: number;
            /**
             * Format: double
             * @description Longitude, degrees east.
             */
            lon: number;
        };
        /** @description Materials the procedure asks for (条例 art. 13 and the steps' own outputs). */
        MaterialKind: "application" | "basic_facts" | "risk_report" | "expert_report" | "consultation_summary" | "map_before" | "map_scheme" | "department_opinions" | "legality_opinion" | "decision_minutes" | "npc_resolution" | "approval_document" | "notice";
        /** @description One measure. */
        MeasureView: {
            /** @description By when. */
            due: string;
            /** @description Responsible organisation (name). */
            owner: string;
            /** @description What is done. */
            text: string;
        };
        /** @description A meeting (座谈会, 听证会 …). */
        Meeting: {
            /**
             * Format: uint32
             * @description Number of people.
             */
            count: number;
            /**
             * Format: date
             * @description Date.
             */
            date: string;
            /** @description Level: 县/区, 乡镇, 村. */
            level: string;
            /** @description Kinds of participants (人大代表, 群众, 老干部 …). */
            participants: string[];
            /** @description Place. */
            place: string;
        };
        /** @description A message in both languages. */
        Message: {
            /** @description English. */
            en: string;
            /** @description 中文. */
            zh: string;
        };
        /**
         * Format: int64
         * @description An amount of money in 分 (1 元 = 100 分). Sums are exact.
         */
        Money: number;
        /** @description A county, by code and name. */
        Named: {
            /** @description Division code. */
            code: string;
            /** @description Name. */
            name: string;
        };
        /** @description A new item as a request carries it. */
        NewFeedback: {
            /** @description Channel id (`hotline12345`, `online`, `letter`, `visit`). */
            channel: string;
            /** @description What the citizen wrote or said. */
            content: string;
            /**
             * @description Division code concerned.
             * @default null
             */
            division?: string | null;
            /** @description When received (YYYY-MM-DD HH:MM). */
            received: string;
            /**
             * @description Ticket or letter number.
             * @default
             */
            reference?: string;
            /**
             * @description The jurisdiction to file it under (default: the division's county, else the account's).
             * @default null
             */
            scope?: string | null;
            /** @description Topic id (`policies`, `services`, `education_health`, `transport`, `division`, `other`). */
            topic: string;
            /**
             * @description Organisation concerned (code).
             * @default null
             */
            unit?: string | null;
        };
        /** @description A new risk point as a request carries it. */
        NewRisk: {
            /**
             * @description Category id (`cadres`, `petitions`, `project_owners`, `market_entities`,
             *     `assets_debts`, `public_services`, `other`).
             */
            category: string;
            /**
             * Format: date
             * @description Deadline for resolution.
             */
            deadline: string;
            /**
             * @description Description.
             * @default
             */
            description?: string;
            /**
             * @description Divisions concerned.
             * @default []
             */
            divisions?: string[];
            /** @description Level id (`major`, `significant`, `general`). */
            level: string;
            /** @description Responsible organisation (code). */
            owner: string;
            /**
             * @description The jurisdiction to file it under (default: the account's).
             * @default null
             */
            scope?: string | null;
            /**
             * @description Tasks concerned (ids).
             * @default []
             */
            tasks?: string[];
            /** @description Title. */
            title: string;
            /**
             * @description Other organisations concerned (codes).
             * @default []
             */
            units?: string[];
        };
        /** @description A new township created by a merger. */
        NewUnitSpec: {
            /**
             * @description Its kind (镇 by default).
             * @default 镇
             */
            kind: string;
            /** @description Its name. */
            name: string;
            /**
             * @description Its seat village (code or name), by default the seat of the most populous member.
             * @default null
             */
            seat: string | null;
        };
        /** @description A new township created by a merger. */
        NewUnitSpecInput: {
            /**
             * @description Its kind (镇 by default).
             * @default 镇
             */
            kind?: string;
            /** @description Its name. */
            name: string;
            /**
             * @description Its seat village (code or name), by default the seat of the most populous member.
             * @default null
             */
            seat?: string | null;
        };
        /** @description A new village (村/居) created by a village merger or a split (合并村, 分设村). */
        NewVillageSpec: {
            /**
             * @description Its kind; by default 村委会, or 居委会 when every member is one.
             * @default null
             */
            kind: string | null;
            /** @description Its name (unique within its township). */
            name: string;
        };
        /** @description A new village (村/居) created by a village merger or a split (合并村, 分设村). */
        NewVillageSpecInput: {
            /**
             * @description Its kind; by default 村委会, or 居委会 when every member is one.
             * @default null
             */
            kind?: string | null;
            /** @description Its name (unique within its township). */
            name: string;
        };
        /**
         * @description Weights of the objectives the search minimises once the number of new units is fixed;
         *     each finite, at least 0 and at most 1000, not all 0.
         */
        ObjectiveWeights: {
            /**
             * Format: double
             * @description Compactness (紧凑度): fewer boundaries between new units (cut edges).
             * @default 0
             */
            compactness: number;
            /**
             * Format: double
             * @description Service distance (服务距离): population-weighted distance of the townships to their
             *     new unit's seat.
             * @default 0
             */
            service: number;
            /**
             * Format: double
             * @description Homogeneity (同质性, WSS): townships alike in the homogeneity attributes share a new
             *     unit (the CLI's `--attrs`; without attributes it has no effect).
             * @default 0
             */
            wss: number;
        };
        /**
         * @description Weights of the objectives the search minimises once the number of new units is fixed;
         *     each finite, at least 0 and at most 1000, not all 0.
         */
        ObjectiveWeightsInput: {
            /**
             * Format: double
             * @description Compactness (紧凑度): fewer boundaries between new units (cut edges).
             * @default 0
             */
            compactness?: number;
            /**
             * Format: double
             * @description Service distance (服务距离): population-weighted distance of the townships to their
             *     new unit's seat.
             * @default 0
             */
            service?: number;
            /**
             * Format: double
             * @description Homogeneity (同质性, WSS): townships alike in the homogeneity attributes share a new
             *     unit (the CLI's `--attrs`; without attributes it has no effect).
             * @default 0
             */
            wss?: number;
        };
        /** @description Objective values of one scheme. */
        Objectives: {
            /**
             * Format: uint
             * @description Adjacent unit pairs in different regions (compactness proxy).
             */
            cut_edges: number;
            /**
             * Format: double
             * @description Largest region area (km²).
             */
            max_region_area: number;
            /**
             * Format: double
             * @description Smallest region population.
             */
            min_region_pop: number;
            /**
             * Format: uint
             * @description Units moved out of the region they started in ([`crate::refine`]; 0 otherwise).
             */
            moved_units: number;
            /**
             * Format: double
             * @description The weighted, normalised objective the search minimised.
             */
            score: number;
            /**
             * Format: uint
             * @description Seeds that are the seat of their region (least disruption: all of them).
             */
            seeds_kept_as_seats: number;
            /**
             * Format: double
             * @description Population-weighted mean distance (km) from units to their seat; `None` without coordinates.
             */
            service_distance: number | null;
            /**
             * Format: double
             * @description Within-region sum of squares on z-scored attributes.
             */
            wss: number;
        };
        /** @description What an import of observations found (and, when committed, stored). */
        ObservationOutcome: {
            /**
             * Format: uint
             * @description Figures read.
             */
            figures: number;
            /** @description The file's name. */
            file: string;
            /** @description Its indicators. */
            indicators: components["schemas"]["IndicatorInfo"][];
            /** @description The first figures as read (at most 20): code, indicator, year, value, unit. */
            preview: string[][];
            /**
             * Format: uint
             * @description Figures that replaced an earlier figure of the same unit, indicator and year.
             */
            replaced: number;
            /** @description Its SHA-256. */
            sha256: string;
            /** @description Whether it was stored. */
            stored: boolean;
        };
        /** @description The observations stored for a county. */
        ObservationsView: {
            /** @description County code. */
            county: string;
            /**
             * Format: uint
             * @description Figures.
             */
            figures: number;
            /** @description By indicator. */
            indicators: components["schemas"]["IndicatorInfo"][];
            /** @description Whether the reader may import. */
            may_import: boolean;
            /** @description The files they came from. */
            sources: string[];
        };
        /**
         * @description One scenario operation. Units are referred to by code (9-digit townships, 12-digit
         *     villages) or by name; units created earlier in the scenario by their name.
         */
        Operation: ({
            into: string;
            /** @enum {string} */
            op: "merge";
            /** @description The townships merged away (for a new unit: all its members). */
            units: string[];
        } | {
            new: components["schemas"]["NewUnitSpec"];
            /** @enum {string} */
            op: "merge";
            /** @description The townships merged away (for a new unit: all its members). */
            units: string[];
        }) | {
            /**
             * @description New name; by default the stem with the new suffix.
             * @default null
             */
            name: string | null;
            /** @enum {string} */
            op: "convert";
            /** @description The new kind. */
            to: string;
            /** @description The township. */
            unit: string;
        } | {
            /** @description The new name. */
            name: string;
            /** @enum {string} */
            op: "rename";
            /** @description The township. */
            unit: string;
        } | {
            /** @enum {string} */
            op: "move_seat";
            /** @description The township. */
            unit: string;
            /** @description The village (code or name). */
            village: string;
        } | {
            /** @enum {string} */
            op: "transfer";
            /** @description The receiving township. */
            to: string;
            /** @description The villages (codes or names). */
            villages: string[];
        } | ({
            into: string;
            /** @enum {string} */
            op: "merge_villages";
            /** @description The villages merged away (for a new village: all its members). */
            villages: string[];
        } | {
            new: components["schemas"]["NewVillageSpec"];
            /** @enum {string} */
            op: "merge_villages";
            /** @description The villages merged away (for a new village: all its members). */
            villages: string[];
        }) | {
            /**
             * @description New name; by default the name is kept (…村 becomes …社区).
             * @default null
             */
            name: string | null;
            /** @enum {string} */
            op: "convert_village";
            /**
             * @description The new kind (居委会 by default).
             * @default null
             */
            to: string | null;
            /** @description The village. */
            village: string;
        } | {
            /** @description The new name. */
            name: string;
            /** @enum {string} */
            op: "rename_village";
            /** @description The village. */
            village: string;
        } | ({
            /** @description Its share of area, if different from `share`. */
            area_share?: components["schemas"]["Fraction"] | (null);
            /** @description Its share of households, if different from `share`. */
            households_share?: components["schemas"]["Fraction"] | (null);
            into: string;
            /** @enum {string} */
            op: "split_village";
            /** @description Its share of population, if different from `share`. */
            population_share?: components["schemas"]["Fraction"] | (null);
            /** @description Share (0–1, exclusive) of its figures that goes. */
            share: components["schemas"]["Fraction"];
            /** @description The village split. */
            village: string;
        } | {
            /** @description Its share of area, if different from `share`. */
            area_share?: components["schemas"]["Fraction"] | (null);
            /** @description Its share of households, if different from `share`. */
            households_share?: components["schemas"]["Fraction"] | (null);
            new: components["schemas"]["NewVillageSpec"];
            /** @enum {string} */
            op: "split_village";
            /** @description Its share of population, if different from `share`. */
            population_share?: components["schemas"]["Fraction"] | (null);
            /** @description Share (0–1, exclusive) of its figures that goes. */
            share: components["schemas"]["Fraction"];
            /** @description The village split. */
            village: string;
        }) | {
            /** @enum {string} */
            op: "lock";
            /** @description The townships. */
            units: string[];
        };
        /**
         * @description One scenario operation. Units are referred to by code (9-digit townships, 12-digit
         *     villages) or by name; units created earlier in the scenario by their name.
         */
        OperationInput: ({
            into: string;
            /** @enum {string} */
            op: "merge";
            /** @description The townships merged away (for a new unit: all its members). */
            units: string[];
        } | {
            new: components["schemas"]["NewUnitSpecInput"];
            /** @enum {string} */
            op: "merge";
            /** @description The townships merged away (for a new unit: all its members). */
            units: string[];
        }) | {
            /**
             * @description New name; by default the stem with the new suffix.
             * @default null
             */
            name?: string | null;
            /** @enum {string} */
            op: "convert";
            /** @description The new kind. */
            to: string;
            /** @description The township. */
            unit: string;
        } | {
            /** @description The new name. */
            name: string;
            /** @enum {string} */
            op: "rename";
            /** @description The township. */
            unit: string;
        } | {
            /** @enum {string} */
            op: "move_seat";
            /** @description The township. */
            unit: string;
            /** @description The village (code or name). */
            village: string;
        } | {
            /** @enum {string} */
            op: "transfer";
            /** @description The receiving township. */
            to: string;
            /** @description The villages (codes or names). */
            villages: string[];
        } | ({
            into: string;
            /** @enum {string} */
            op: "merge_villages";
            /** @description The villages merged away (for a new village: all its members). */
            villages: string[];
        } | {
            new: components["schemas"]["NewVillageSpecInput"];
            /** @enum {string} */
            op: "merge_villages";
            /** @description The villages merged away (for a new village: all its members). */
            villages: string[];
        }) | {
            /**
             * @description New name; by default the name is kept (…村 becomes …社区).
             * @default null
             */
            name?: string | null;
            /** @enum {string} */
            op: "convert_village";
            /**
             * @description The new kind (居委会 by default).
             * @default null
             */
            to?: string | null;
            /** @description The village. */
            village: string;
        } | {
            /** @description The new name. */
            name: string;
            /** @enum {string} */
            op: "rename_village";
            /** @description The village. */
            village: string;
        } | ({
            /** @description Its share of area, if different from `share`. */
            area_share?: components["schemas"]["Fraction"] | (null);
            /** @description Its share of households, if different from `share`. */
            households_share?: components["schemas"]["Fraction"] | (null);
            into: string;
            /** @enum {string} */
            op: "split_village";
            /** @description Its share of population, if different from `share`. */
            population_share?: components["schemas"]["Fraction"] | (null);
            /** @description Share (0–1, exclusive) of its figures that goes. */
            share: components["schemas"]["Fraction"];
            /** @description The village split. */
            village: string;
        } | {
            /** @description Its share of area, if different from `share`. */
            area_share?: components["schemas"]["Fraction"] | (null);
            /** @description Its share of households, if different from `share`. */
            households_share?: components["schemas"]["Fraction"] | (null);
            new: components["schemas"]["NewVillageSpecInput"];
            /** @enum {string} */
            op: "split_village";
            /** @description Its share of population, if different from `share`. */
            population_share?: components["schemas"]["Fraction"] | (null);
            /** @description Share (0–1, exclusive) of its figures that goes. */
            share: components["schemas"]["Fraction"];
            /** @description The village split. */
            village: string;
        }) | {
            /** @enum {string} */
            op: "lock";
            /** @description The townships. */
            units: string[];
        };
        /** @description A department's opinion on the plan. */
        Opinion: {
            /** @description Whether the department agrees. */
            agrees: boolean;
            /**
             * Format: date
             * @description When.
             */
            at: string;
            /** @description Who recorded it. */
            by: string;
            /** @description Which department. */
            department: components["schemas"]["Department"];
            /** @description 同意 / 原则同意 / 有修改意见 … as written. */
            text: string;
        };
        /** @description Body of `POST /api/plans/{id}/opinions`. */
        OpinionBody: {
            /** @description Whether the department agrees. */
            agrees: boolean;
            /**
             * @description Date (default today).
             * @default null
             */
            date?: string | null;
            /**
             * @description The department (default: the account's own).
             * @default null
             */
            department?: string | null;
            /** @description The opinion. */
            text: string;
        };
        /** @description What becomes of a service point. */
        Outcome: {
            /** @enum {string} */
            outcome: "pending";
        } | {
            /** @enum {string} */
            outcome: "kept";
        } | {
            /** @description New name. */
            name: string;
            /** @enum {string} */
            outcome: "renamed";
        } | {
            /** @description New name. */
            name: string;
            /** @description What changes. */
            note: string;
            /** @enum {string} */
            outcome: "upgraded";
        } | {
            /**
             * Format: double
             * @description Distance to it, km.
             */
            distance_km: number;
            /** @enum {string} */
            outcome: "merged_into";
            /** @description The point it joins. */
            point: string;
        } | {
            /**
             * @description 批准文号 (a closure without it breaks the rule).
             * @default null
             */
            approval: string | null;
            /** @enum {string} */
            outcome: "closed";
            /** @description Why. */
            reason: string;
        };
        /** @description What becomes of a service point. */
        OutcomeInput: {
            /** @enum {string} */
            outcome: "pending";
        } | {
            /** @enum {string} */
            outcome: "kept";
        } | {
            /** @description New name. */
            name: string;
            /** @enum {string} */
            outcome: "renamed";
        } | {
            /** @description New name. */
            name: string;
            /** @description What changes. */
            note: string;
            /** @enum {string} */
            outcome: "upgraded";
        } | {
            /**
             * Format: double
             * @description Distance to it, km.
             */
            distance_km: number;
            /** @enum {string} */
            outcome: "merged_into";
            /** @description The point it joins. */
            point: string;
        } | {
            /**
             * @description 批准文号 (a closure without it breaks the rule).
             * @default null
             */
            approval?: string | null;
            /** @enum {string} */
            outcome: "closed";
            /** @description Why. */
            reason: string;
        };
        /**
         * @description The summary of a jurisdiction's board without its rows (a city or a province): counts per
         *     light and the summaries by lead unit, group and county.
         */
        OverviewView: {
            /**
             * @description By county (the first six digits of the divisions a task concerns), with the county's
             *     name from the registry where it holds it.
             */
            by_county: components["schemas"]["SummaryView"][];
            /** @description By group. */
            by_group: components["schemas"]["SummaryView"][];
            /** @description By lead unit. */
            by_unit: components["schemas"]["SummaryView"][];
            /** @description As of. */
            date: string;
            /** @description Tasks per light, worst first. */
            lights: components["schemas"]["LightCount"][];
            /** @description The jurisdiction summarised. */
            scope: string;
            /** @description Whether any task's history is synthetic (示意). */
            synthetic: boolean;
            /**
             * Format: uint
             * @description Tasks counted.
             */
            total: number;
        };
        /** @description A page of a list. */
        Page: {
            /**
             * Format: uint
             * @description From.
             */
            offset: number;
            /** @description The rows. */
            rows: components["schemas"]["AssetRow"][];
            /**
             * Format: uint
             * @description Matching rows in all.
             */
            total: number;
        };
        /** @description A page of a list. */
        Page2: {
            /**
             * Format: uint
             * @description From.
             */
            offset: number;
            /** @description The rows. */
            rows: components["schemas"]["DebtRow"][];
            /**
             * Format: uint
             * @description Matching rows in all.
             */
            total: number;
        };
        /** @description How the predecessor ends. */
        PairKind: "abolish_merge" | "merge_establish" | "convert";
        /** @description One pair: the predecessor hands over to the successor. */
        PairView: {
            /** @description 移交方. */
            from: components["schemas"]["UnitRef"];
            /** @description How (撤并, 更名 …). */
            kind: components["schemas"]["PairKind"];
            /** @description The kind in Chinese. */
            kind_zh: string;
            /** @description 接收方. */
            to: components["schemas"]["UnitRef"];
        };
        /** @description What the acting person may do on the plan now. */
        Permissions: {
            /** @description Apply to the registry (county, approved, on or after the effective date). */
            apply: boolean;
            /**
             * @description Record the approval (the approval step's level: the province, or the county
             *     government for a village adjustment), once its prerequisites are done.
             */
            approve: boolean;
            /** @description Record consultation, attach materials, complete county steps. */
            edit: boolean;
            /** @description Record this department's opinion. */
            opinion: components["schemas"]["Department"] | (null);
            /** @description Record a village's 村民会议 (county, before the approval, for a village adjustment). */
            record_assembly: boolean;
            /** @description Return the plan for revision (city or province, at its own step). */
            return_plan: boolean;
            /** @description Replace the scheme (county, after a return). */
            revise: boolean;
        };
        /** @description Where a cadre goes. */
        PlacementRecord: {
            /**
             * Format: date
             * @description Decided on.
             */
            date: string;
            /**
             * @description Destination unit code or body (when the route needs one).
             * @default null
             */
            destination: string | null;
            /**
             * @description Whether the new post is a leadership post.
             * @default false
             */
            leader: boolean;
            /**
             * @description New post.
             * @default null
             */
            post: string | null;
            /** @description Route id (from the template's placement routes). */
            route: string;
        };
        /** @description Where a cadre goes. */
        PlacementRecordInput: {
            /**
             * Format: date
             * @description Decided on.
             */
            date: string;
            /**
             * @description Destination unit code or body (when the route needs one).
             * @default null
             */
            destination?: string | null;
            /**
             * @description Whether the new post is a leadership post.
             * @default false
             */
            leader?: boolean;
            /**
             * @description New post.
             * @default null
             */
            post?: string | null;
            /** @description Route id (from the template's placement routes). */
            route: string;
        };
        /** @description The procedure board of one plan. */
        PlanBoard: {
            /** @description Who did what and when. */
            activity: components["schemas"]["Activity"][];
            /** @description Other plans of the county the actor may approve under the same decision now. */
            approve_with: components["schemas"]["PlanRef"][];
            /** @description The clocks, once approved. */
            clocks: components["schemas"]["ClocksView"] | (null);
            /** @description The consultation totals. */
            consultation: components["schemas"]["ConsultationTotals"];
            /** @description The consultation register (every meeting, questionnaire and suggestion). */
            consultation_register: components["schemas"]["ConsultationRegister"];
            /** @description Its summary sentence (Chinese). */
            consultation_summary: string;
            /** @description The documents generated from the applied plan. */
            documents: components["schemas"]["DocumentLink"][];
            /** @description Extensions. */
            extensions: components["schemas"]["Extension"][];
            /** @description Attached materials. */
            materials: components["schemas"]["Document"][];
            /** @description Department opinions. */
            opinions: components["schemas"]["Opinion"][];
            /** @description What the acting person may do now. */
            permissions: components["schemas"]["Permissions"];
            /** @description The summary. */
            plan: components["schemas"]["PlanSummary"];
            /** @description Returns for revision (the open one last, `resolved` empty). */
            returns: components["schemas"]["Return"][];
            /** @description The scheme as submitted (TOML or JSON). */
            scheme: string;
            /** @description Every step in order. */
            steps: components["schemas"]["StepView"][];
            /**
             * Format: date
             * @description The date the clocks are computed on.
             */
            today: string;
            /** @description For a village adjustment: each village concerned and its 村民会议 (empty otherwise). */
            village_assent: components["schemas"]["VillageAssent"][];
        };
        /** @description The plans of the user's jurisdiction. */
        PlanList: {
            /** @description Newest first. */
            plans: components["schemas"]["PlanSummary"][];
            /**
             * Format: date
             * @description The date the clocks are computed on.
             */
            today: string;
        };
        /** @description A plan by id and name. */
        PlanRef: {
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /** @description Name. */
            name: string;
        };
        /** @description A plan in a list. */
        PlanSummary: {
            /**
             * Format: date
             * @description The date applied to the registry.
             */
            applied: string | null;
            /** @description The approval, once given. */
            approval: components["schemas"]["Approval"] | (null);
            /** @description Codes clock state, once approved. */
            codes: components["schemas"]["ClockState"] | (null);
            /** @description County code. */
            county: string;
            /** @description When. */
            created_at: string;
            /** @description Who created it and when. */
            created_by: string;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /** @description Implementation clock state, once approved. */
            implementation: components["schemas"]["ClockState"] | (null);
            /** @description Name. */
            name: string;
            /** @description The steps that can be done now (Chinese names). */
            next: string[];
            /** @description The same in English. */
            next_en: string[];
            /** @description Where the plan is now. */
            stage: components["schemas"]["Stage"];
            /**
             * Format: uint
             * @description Steps done.
             */
            steps_done: number;
            /**
             * Format: uint
             * @description Steps in all.
             */
            steps_total: number;
            /** @description Template id. */
            template: string;
            /** @description Template name. */
            template_name: string;
            /** @description Template name in English. */
            template_name_en: string;
            /** @description When. */
            updated_at: string;
            /** @description Who last changed it. */
            updated_by: string;
            /**
             * Format: int64
             * @description Version (for optimistic concurrency).
             */
            version: number;
        };
        /** @description Where service distance was measured from. */
        PointBasis: "seats" | "mixed" | "centroids" | "none";
        /** @description A service point with its outcome. */
        PointRow: {
            /** @description What happens to it. */
            outcome: components["schemas"]["Outcome"];
            /** @description The point. */
            point: components["schemas"]["ServicePoint"];
        };
        /** @description The policies a county may be checked against, its default first. */
        PolicyChoices: {
            /** @description The county. */
            county: string;
            /** @description The id used when a scenario names none: the county's own province's, else `default`. */
            default: string;
            /**
             * @description Whether the county's province has a policy on file (else the default is the national
             *     reference, whose findings say that the province's own standard is not on file).
             */
            own_province: boolean;
            /** @description Every built-in policy: the default first, then the national reference, then the others. */
            policies: components["schemas"]["PolicyOption"][];
        };
        /** @description A built-in policy as the policy selector offers it. */
        PolicyOption: {
            /**
             * Format: double
             * @description Its township area cap (km²; none where it sets none).
             */
            area_cap_km2: number | null;
            /** @description Built-in id (`hebei`, `default` …), sent back as a scenario's or request's `policy`. */
            id: string;
            /** @description Name (河北省, 全国参考（国家层面文件）…). */
            name: string;
            /** @description English name. */
            name_en: string;
            /** @description Whether this is the national reference (national texts only). */
            national: boolean;
            /** @description What the policy holds and what it leaves out, in both languages. */
            note: components["schemas"]["Text"];
            /** @description Whether this is the county's own province's policy. */
            own_province: boolean;
            /**
             * Format: double
             * @description Its township population floor (people; none where it sets none).
             */
            population_floor: number | null;
            /** @description The province's 2-digit code; `None` for the national reference. */
            province_code: string | null;
        };
        /** @description Which rule gives way where the population floor and the area cap cannot both hold. */
        PreferRule: "floor" | "ceiling";
        /** @description What is wrong with a feature (or a unit). */
        ProblemKind: "geometry" | "no_code" | "other_county" | "unknown_code" | "duplicate" | "missing";
        /** @description The answer: schemes best first, with the optimizer's infeasibility report and islands. */
        Proposal: {
            /** @description County code. */
            county: string;
            /**
             * @description Why some hard rule cannot be met, when it cannot (`quhua_optimize::Infeasibility`;
             *     units are indices into the county's townships).
             */
            infeasibility: components["schemas"]["Infeasibility"] | (null);
            /** @description Townships without neighbours. */
            islands: components["schemas"]["ProposedIsland"][];
            /**
             * @description The policy the schemes were made and checked under (its floor and cap): the one
             *     requested, else the county's own province's.
             */
            policy: string;
            /** @description The infeasibility report in words, one text per reason, in both languages. */
            reasons: components["schemas"]["Text"][];
            /** @description Schemes, best first. */
            schemes: components["schemas"]["ProposedScheme"][];
            /** @description Where service distance was measured from (the townships' seats or centroids). */
            service_points: components["schemas"]["ServicePoints"];
            /** @description Whether figures include synthetic (示意) values. */
            synthetic: boolean;
            /** @description The wishes honoured: floor and cap used, weights, locks, seeds and groups. */
            wishes: components["schemas"]["Honoured"];
        };
        /** @description What the planner asks for (every field optional: `{}` is fine). */
        ProposeRequest: {
            /**
             * @description Groups of townships (code or name, at least 2 each) of which no two may share a new
             *     unit.
             */
            apart?: string[][];
            /**
             * Format: double
             * @description Time limit in seconds of the exact bound check after the heuristic (default 2, at
             *     most 60; 0 skips it).
             */
            exact_time_limit?: number | null;
            /** @description Townships kept exactly as they are (code or name), on top of the border townships. */
            lock?: string[];
            /**
             * Format: double
             * @description Area cap (km²) instead of the policy's (above 0, at most 200 000).
             */
            max_area?: number | null;
            /**
             * Format: double
             * @description Population floor instead of the policy's (people, above 0, at most 5 000 000).
             */
            min_pop?: number | null;
            /**
             * @description Policy: a built-in id (`hebei`, `default` …) or a stored policy's name; none: the
             *     county's own province's policy (the national reference where there is none).
             */
            policy?: string | null;
            /** @description Which rule gives way where floor and cap cannot both hold (default `floor`). */
            prefer?: components["schemas"]["PreferRule"] | (null);
            /**
             * Format: uint
             * @description Schemes wanted (default 4, at most 8).
             */
            schemes?: number | null;
            /**
             * Format: uint64
             * @description Random seed (default 1); the result is the same for the same county, request and seed.
             */
            seed?: number | null;
            /**
             * @description Townships that each head a different new unit (code or name), on top of the county
             *     seat and the key towns.
             */
            seed_units?: string[];
            /**
             * @description Groups of townships (code or name, at least 2 each) that must end up in the same new
             *     unit; a township belongs to one group at most, and no locked township may be in one.
             */
            together?: string[][];
            /**
             * @description Allow village transfers (村划归) after the township merges where they repair the
             *     population floor or area cap, or beat the disruption they cause.
             * @default false
             */
            villages?: boolean;
            /** @description Objective weights (default: homogeneity 1, compactness 0, service distance 0). */
            weights?: components["schemas"]["ObjectiveWeightsInput"] | (null);
        };
        /** @description A new unit of a scheme that breaks the rule that gives way. */
        ProposedConflict: {
            /** @description `ceiling` (area over the cap) or `floor` (population under the floor). */
            broken: string;
            /**
             * Format: double
             * @description km² over the cap or people under the floor.
             */
            excess: number;
            /**
             * @description The townships proven unable to meet both rules, each with its proof; empty means
             *     nothing explains the break (the optimizer did not keep its promise).
             */
            proven: components["schemas"]["ProvenTownship"][];
            /** @description The townships the new unit joins. */
            townships: string[];
        };
        /** @description A township without neighbours in the adjacency. */
        ProposedIsland: {
            /** @description How the optimizer handled it (`attached`, `kept_alone`, `excluded`). */
            action: components["schemas"]["IslandAction"];
            /**
             * Format: double
             * @description Its population.
             */
            population: number;
            /** @description Its name. */
            unit: string | null;
        };
        /** @description One proposed scheme. */
        ProposedScheme: {
            /**
             * Format: uint
             * @description Proven upper bound on the new units of any scheme meeting the rules that hold (none
             *     where no bound applies: units below the floor allowed or forced by a proof).
             */
            bound: number | null;
            /**
             * @description New units breaking the rule that gives way, each with the townships whose proof
             *     makes it unavoidable (of the township scheme, before any village transfer).
             */
            conflicts: components["schemas"]["ProposedConflict"][];
            /**
             * Format: double
             * @description Total excess of the rule that gives way, over `conflicts`: km² over the cap (the
             *     floor preferred) or people under the floor (the cap preferred).
             */
            excess: number;
            /**
             * Format: uint
             * @description Position, best first (0-based).
             */
            index: number;
            /**
             * Format: uint
             * @description Villages transferred by the village stage (0 without it).
             */
            moved_villages: number;
            /** @description Scenario name. */
            name: string;
            /** @description Objective values of the township scheme (`quhua_optimize::Objectives`). */
            objectives: components["schemas"]["Objectives"];
            /**
             * @description The scheme as scenario operations (`quhua_core::scenario::Operation`: merges, then
             *     village transfers).
             */
            ops: components["schemas"]["Operation"][];
            /** @description Whether `p` is proven the largest possible (the exact check, within its time limit). */
            optimal: boolean;
            /**
             * Format: uint
             * @description New township-level units.
             */
            p: number;
            /**
             * Format: uint64
             * @description The optimizer restart that produced it (for reproduction).
             */
            restart: number;
            /** @description Names of the townships heading each new unit. */
            seats: string[];
            /** @description Evaluation figures. */
            summary: components["schemas"]["SchemeSummary"];
            /**
             * @description Hard constraints broken (`quhua_optimize::Violation`), after the village stage when
             *     it ran; empty means every rule holds.
             */
            violations: components["schemas"]["Violation"][];
        };
        /** @description A township named by a proof. */
        ProvenTownship: {
            /** @description Its name. */
            name: string;
            /**
             * @description The proof's id (`unit_over_ceiling`, `floor_out_of_reach`, `shared_need`,
             *     `locked_below_floor`, `island_below_floor`, `component_below_floor`).
             */
            proof: string;
            /** @description What the proof says, in both languages. */
            text: components["schemas"]["Text"];
        };
        /** @description A questionnaire round. */
        Questionnaire: {
            /**
             * Format: date
             * @description Date.
             */
            date: string;
            /**
             * Format: uint32
             * @description Returned in favour.
             */
            in_favour: number;
            /**
             * Format: uint32
             * @description Issued.
             */
            issued: number;
            /**
             * Format: uint32
             * @description Returned.
             */
            returned: number;
        };
        /** @description One township's quota, before and after. */
        QuotaLine: {
            /**
             * Format: uint32
             * @description The quota after: basic + increase + priority.
             */
            after: number;
            /**
             * Format: uint32
             * @description 基本编制.
             */
            basic: number;
            /**
             * Format: uint32
             * @description The plain sum of its predecessors' quotas (简单叠加), for comparison.
             */
            before: number;
            /** @description Cut to the policy's min or max. */
            bounded: boolean;
            /** @description Code (proposed for a new township). */
            code: string;
            /**
             * Format: int64
             * @description 指标测算增加编制 (what the formula and the bounds left after basic and priority; may be negative when a bound cut it).
             */
            increase: number;
            /** @description Whether it holds more than one former township or is new. */
            merged: boolean;
            /** @description Name. */
            name: string;
            /** @description Former townships. */
            predecessors: string[];
            /**
             * Format: uint32
             * @description 重点保障编制.
             */
            priority: number;
            /** @description The special factors that applied (Chinese labels). */
            priority_reasons: string[];
        };
        /** @description The county's quotas after the adjustment. */
        QuotaResult: {
            /**
             * Format: double
             * @description Average after.
             */
            average_after: number;
            /**
             * Format: double
             * @description Average before (per township).
             */
            average_before: number;
            /**
             * Format: uint32
             * @description What the formula could allocate (total before less the county-pool share).
             */
            budget: number;
            /** @description Per township after the plan. */
            lines: components["schemas"]["QuotaLine"][];
            /**
             * Format: uint32
             * @description Largest after.
             */
            max_after: number;
            /**
             * Format: uint32
             * @description Smallest after.
             */
            min_after: number;
            /** @description The policy's name. */
            policy: string;
            /**
             * Format: uint32
             * @description Returned to the county pool (total before − total after, ≥ 0).
             */
            returned_to_pool: number;
            /** @description Illustrative parameters (示意). */
            synthetic: boolean;
            /**
             * Format: uint32
             * @description The total after.
             */
            total_after: number;
            /**
             * Format: uint32
             * @description The county's total before (all townships).
             */
            total_before: number;
            /**
             * Format: uint
             * @description Townships after.
             */
            units_after: number;
            /**
             * Format: uint
             * @description Townships before and after.
             */
            units_before: number;
        };
        /** @description The quotas' summary. */
        QuotaStatus: {
            /**
             * Format: uint32
             * @description County total after.
             */
            after: number;
            /**
             * Format: double
             * @description Average after.
             */
            average: number;
            /**
             * Format: uint32
             * @description County total before.
             */
            before: number;
            /** @description Computed yet. */
            computed: boolean;
            /**
             * Format: uint32
             * @description Largest after.
             */
            max: number;
            /**
             * Format: uint32
             * @description Smallest after.
             */
            min: number;
            /**
             * Format: uint32
             * @description Returned to the county pool.
             */
            returned_to_pool: number;
            /**
             * Format: uint
             * @description Townships after.
             */
            units: number;
            /** @description The county total did not grow. */
            within_total: boolean;
        };
        /** @description The township- or village-level units in force on a date. */
        RegistryAsOf: {
            /** @description The date (`YYYY-MM-DD`). */
            date: string;
            /** @description The units, in registry order. */
            units: components["schemas"]["RegistryUnit"][];
            /** @description Whether these are villages (else townships). */
            villages: boolean;
        };
        /** @description One change between two dates. */
        RegistryChange: {
            /** @description 批准文号. */
            approval_no: string;
            /** @description Effective date (`YYYY-MM-DD`). */
            date: string;
            /** @description The event as recorded (`quhua_core::event::ChangeEvent`). */
            event: unknown;
            /** @description Territorial lineage, each "predecessor → successor" (`name（code）`). */
            lineage: string[];
            /** @description Without lineage: renames ("old → new") and seat moves (the unit). */
            renames: string[];
            /** @description Type (Chinese). */
            type: string;
            /** @description Type (English). */
            type_en: string;
            /**
             * Format: uint
             * @description Without lineage: units whose figures were set.
             */
            units_with_values: number;
        };
        /** @description The changes after one date up to another. */
        RegistryChanges: {
            /** @description The changes, in order. */
            changes: components["schemas"]["RegistryChange"][];
            /** @description From (exclusive). */
            from: string;
            /** @description To (inclusive). */
            to: string;
        };
        /** @description A code a unit carried, and when. */
        RegistryCode: {
            /** @description The code. */
            code: string;
            /** @description From (`YYYY-MM-DD`). */
            valid_from: string;
            /** @description Until (`YYYY-MM-DD`), `None` while in force. */
            valid_to: string | null;
        };
        /** @description Where a unit went and where it came from. */
        RegistryLineage: {
            /** @description Where it came from. */
            backward: components["schemas"]["RegistryStep"][];
            /** @description The code asked for. */
            code: string;
            /** @description Every code it carried. */
            codes: components["schemas"]["RegistryCode"][];
            /** @description Where it went. */
            forward: components["schemas"]["RegistryStep"][];
            /** @description The unit's latest name. */
            name: string;
        };
        /** @description One step of a lineage. */
        RegistryStep: {
            /** @description 批准文号. */
            approval_no: string;
            /** @description Effective date (`YYYY-MM-DD`). */
            date: string;
            /** @description The predecessor just before the change (`name（code）`). */
            from: string;
            /** @description The successor on the date (`name（code）`). */
            to: string;
            /** @description Type (Chinese). */
            type: string;
            /** @description Type (English). */
            type_en: string;
            /** @description Villages carried, `name（old code→new code）` where the change recoded them. */
            villages: string[];
        };
        /** @description A unit in force on a date. */
        RegistryUnit: {
            /** @description Code. */
            code: string;
            /** @description Kind (Chinese). */
            kind: string;
            /** @description Kind (English). */
            kind_en: string;
            /** @description Name. */
            name: string;
            /** @description The parent's code. */
            parent: string | null;
            /** @description The parent's name. */
            parent_name: string | null;
        };
        /** @description A return for revision. */
        Return: {
            /**
             * Format: date
             * @description When.
             */
            at: string;
            /** @description Who returned it. */
            by: string;
            /** @description What must change. */
            comments: string;
            /**
             * Format: date
             * @description When the county resubmitted, once it has.
             */
            resolved: string | null;
            /** @description From which level. */
            role: components["schemas"]["StepRole"];
            /** @description The scheme as it was when returned. */
            scheme_before: string;
            /** @description The step records undone by the return (kept: the history stays). */
            undone: components["schemas"]["StepRecord"][];
        };
        /** @description Body of `POST /api/plans/{id}/return`. */
        ReturnBody: {
            /** @description What must change. */
            comments: string;
            /**
             * @description Date (default today).
             * @default null
             */
            date?: string | null;
        };
        /** @description Body of `POST /api/plans/{id}/revise`. */
        ReviseBody: {
            /**
             * @description Date (default today).
             * @default null
             */
            date?: string | null;
            /**
             * @description What changed.
             * @default
             */
            note?: string;
            /**
             * Format: int64
             * @description The saved scenario that replaces the scheme.
             */
            scenario_id: number;
        };
        /** @description One action on a risk point. */
        RiskAction: {
            /** @enum {string} */
            action: "update";
            /** @description What was done. */
            text: string;
        } | {
            /** @enum {string} */
            action: "measure";
            /**
             * Format: date
             * @description By when.
             */
            due: string;
            /** @description Responsible organisation (code). */
            owner: string;
            /** @description What is done. */
            text: string;
        } | {
            /** @enum {string} */
            action: "relevel";
            /** @description Level id. */
            level: string;
            /** @description Why. */
            reason: string;
        } | {
            /** @enum {string} */
            action: "resolved";
            /** @description How it was resolved. */
            text: string;
        } | {
            /** @enum {string} */
            action: "close";
            /**
             * @description Note.
             * @default
             */
            note?: string;
        } | {
            /** @enum {string} */
            action: "return";
            /** @description Why. */
            reason: string;
        };
        /** @description One entry of a risk's history. */
        RiskEventView: {
            /** @description Account. */
            account: string;
            /** @description Date. */
            at: string;
            /** @description What happened (English). */
            en: string;
            /** @description Organisation (name). */
            org: string;
            /** @description What happened (Chinese). */
            zh: string;
        };
        /** @description One risk point as of a date. */
        RiskRow: {
            /** @description The acting organisation may report on it (the owner). */
            can_report: boolean;
            /** @description The acting account may verify it (the office, another account, a report pending). */
            can_verify: boolean;
            /** @description Category. */
            category: components["schemas"]["Label"];
            /** @description Deadline. */
            deadline: string;
            /** @description Description. */
            description: string;
            /** @description Divisions concerned. */
            divisions: string[];
            /** @description History up to the date. */
            history: components["schemas"]["RiskEventView"][];
            /** @description Id. */
            id: string;
            /** @description Identified on. */
            identified: string;
            /** @description Level in force. */
            level: components["schemas"]["Label"];
            /** @description Measures in force. */
            measures: components["schemas"]["MeasureView"][];
            /** @description Open past its deadline. */
            overdue: boolean;
            /** @description Responsible organisation (name). */
            owner: string;
            /** @description Its code. */
            owner_code: string;
            /** @description Status. */
            status: components["schemas"]["Label"];
            /** @description Supervising office (name). */
            supervisor: string;
            /** @description Synthetic (示意). */
            synthetic: boolean;
            /** @description Tasks concerned. */
            tasks: string[];
            /** @description Title. */
            title: string;
            /** @description Organisations concerned (names). */
            units: string[];
        };
        /** @description One line of the table by unit and level. */
        RiskTableLine: {
            /**
             * Format: uint
             * @description Closed.
             */
            closed: number;
            /** @description Level. */
            level: components["schemas"]["Label"];
            /**
             * Format: uint
             * @description Open.
             */
            open: number;
            /**
             * Format: uint
             * @description Open past the deadline.
             */
            overdue: number;
            /**
             * Format: uint
             * @description Awaiting verification.
             */
            reported: number;
            /**
             * Format: uint
             * @description Counted.
             */
            total: number;
            /** @description Organisation (name). */
            unit: string;
        };
        /** @description The risk register of a jurisdiction as of a date. */
        RisksView: {
            /** @description As of. */
            date: string;
            /** @description Every risk point, most serious open ones first. */
            risks: components["schemas"]["RiskRow"][];
            /** @description The jurisdiction. */
            scope: string;
            /** @description Whether any record is synthetic. */
            synthetic: boolean;
            /** @description By unit and level. */
            table: components["schemas"]["RiskTableLine"][];
        };
        /** @description What an account may do. */
        Role: "county_editor" | "city_reviewer" | "province_approver" | "department" | "viewer";
        /** @description A disposition route for the forms. */
        RouteView: {
            /** @description English. */
            en: string;
            /** @description Id. */
            id: string;
            /** @description Chinese. */
            zh: string;
        };
        /** @description The route lists of the template. */
        Routes: {
            /** @description Debts and claims. */
            debt: components["schemas"]["RouteView"][];
            /** @description Cadre placement (安置方式). */
            placement: components["schemas"]["RouteView"][];
            /** @description 镇 assets. */
            township: components["schemas"]["RouteView"][];
            /** @description 村 assets. */
            village: components["schemas"]["RouteView"][];
        };
        /** @description What the review does with a rule or procedure (制度 废、改、立). */
        RuleAction: "kept" | "revised" | "repealed" | "new";
        /**
         * @description Which rule a finding comes from.
         *
         *     ```
         *     use quhua_core::rules::RuleId;
         *     assert_eq!(RuleId::StreetStandard.as_str(), "street_standard");
         *     assert_eq!(serde_json::to_string(&RuleId::NameKind).unwrap(), "\"name_kind\"");
         *     assert_eq!(RuleId::parse("area_cap"), Some(RuleId::AreaCap));
         *     assert!(RuleId::Contiguity == "contiguity");
         *     ```
         */
        RuleId: "area_cap" | "population_floor" | "contiguity" | "contiguity_unchecked" | "county_seat" | "locked" | "historic_name" | "ethnic_consultation" | "town_standard" | "street_standard" | "name_kind" | "unique_name" | "homophone" | "no_increase" | "village_unique_name" | "residents_size" | "village_population_floor" | "village_households_floor" | "village_contiguity" | "services_pending" | "services_no_decrease" | "services_station";
        /** @description One rule or procedure reviewed. */
        RuleReview: {
            /** @description What is done with it. */
            action: components["schemas"]["RuleAction"];
            /**
             * Format: date
             * @description When decided.
             */
            date: string;
            /** @description Why (required). */
            reason: string;
            /** @description Title of the rule. */
            title: string;
            /** @description The unit whose rule it is (a predecessor, or the successor for new rules). */
            unit: string;
        };
        /** @description `GET /api/compare?a=&b=`. */
        ScenarioComparison: {
            /** @description The first scenario. */
            a: components["schemas"]["CompareSide"];
            /** @description The second scenario. */
            b: components["schemas"]["CompareSide"];
        };
        /** @description `GET /api/scenarios`. */
        ScenarioList: {
            /** @description The scenarios of the jurisdiction (or of one county). */
            scenarios: components["schemas"]["ScenarioListItem"][];
        };
        /** @description A scenario in a list: everything but its operations, which are counted. */
        ScenarioListItem: {
            /** @description The registry date it was drafted on. */
            base_date: string | null;
            /** @description County code. */
            county: string;
            /** @description When. */
            created_at: string;
            /** @description Who created it. */
            created_by: string;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /** @description Name. */
            name: string;
            /** @description Notes. */
            note: string | null;
            /**
             * Format: uint
             * @description How many operations it has.
             */
            operations: number;
            /** @description Policy reference. */
            policy: string | null;
            /** @description When. */
            updated_at: string;
            /** @description Who last changed it. */
            updated_by: string;
            /**
             * Format: int64
             * @description Version.
             */
            version: number;
        };
        /** @description A stored scenario as shown. */
        ScenarioView: {
            /** @description The registry date it was drafted on (`YYYY-MM-DD`), if recorded. */
            base_date: string | null;
            /** @description County code. */
            county: string;
            /** @description When. */
            created_at: string;
            /** @description Who created it. */
            created_by: string;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /** @description Name. */
            name: string;
            /** @description Notes. */
            note: string | null;
            /** @description The operations. */
            ops: components["schemas"]["Operation"][];
            /** @description Policy reference. */
            policy: string | null;
            /** @description When. */
            updated_at: string;
            /** @description Who last changed it. */
            updated_by: string;
            /**
             * Format: int64
             * @description Version.
             */
            version: number;
        };
        /** @description Evaluation figures of a proposed scheme. */
        SchemeSummary: {
            /**
             * Format: uint
             * @description Township-level units after.
             */
            count_after: number;
            /**
             * Format: uint
             * @description Township-level units before.
             */
            count_before: number;
            /**
             * Format: uint
             * @description Findings of severity error.
             */
            errors: number;
            /**
             * Format: uint
             * @description Findings of severity info.
             */
            infos: number;
            /**
             * Format: double
             * @description Mean population per township after.
             */
            mean_population_after: number;
            /**
             * Format: double
             * @description Mean population per township before.
             */
            mean_population_before: number;
            /**
             * Format: uint
             * @description Findings of severity warning.
             */
            warnings: number;
        };
        /** @description One section in detail. */
        SectionDetail: {
            /**
             * @description Its villages' distances to the nearest point of each of the section's service types
             *     (where locations are known).
             */
            access: components["schemas"]["AccessRow"][] | null;
            /** @description Asset items of its ledger (asset sections). */
            assets: components["schemas"]["Page"] | (null);
            /** @description Cadres of its units (cadre section). */
            cadres: components["schemas"]["CadreRow"][] | null;
            /** @description Debts and claims (asset sections). */
            debts: components["schemas"]["Page2"] | (null);
            /**
             * Format: uint32
             * @description Leadership posts (职数) of its successor.
             */
            posts: number | null;
            /** @description The routes a disposition may take here. */
            routes: components["schemas"]["RouteView"][];
            /** @description Rules reviewed (records section). */
            rules: components["schemas"]["RuleReview"][] | null;
            /** @description The section. */
            section: components["schemas"]["SectionView"];
            /** @description Service points of the former township (service sections). */
            services: components["schemas"]["PointRow"][] | null;
            /**
             * Format: int64
             * @description The handover's version.
             */
            version: number;
        };
        /** @description The kind of a handover section; each is one department's work for one pair. */
        SectionKind: "quotas" | "cadres" | "state_assets" | "collective_assets" | "health" | "education" | "services" | "records" | "archives";
        /** @description One section's progress. */
        SectionStatus: {
            /**
             * Format: uint
             * @description Checklist lines done.
             */
            checklist_done: number;
            /**
             * Format: uint
             * @description Checklist lines.
             */
            checklist_total: number;
            /** @description Closed (销号). */
            closed: boolean;
            /** @description Lead department. */
            department: components["schemas"]["Department"];
            /**
             * Format: date
             * @description Due.
             */
            due: string;
            /** @description Predecessor (label). */
            from: string;
            /** @description Id. */
            id: string;
            /** @description Kind. */
            kind: components["schemas"]["SectionKind"];
            /** @description Open and past due. */
            overdue: boolean;
            /** @description Successor (label). */
            to: string;
        };
        /** @description One section with its progress and what the reader may do. */
        SectionView: {
            /** @description Participating departments. */
            also: components["schemas"]["Department"][];
            /** @description Checklist lines. */
            checklist: components["schemas"]["CheckLine"][];
            /** @description The policy texts it follows. */
            citations: string[];
            /** @description 销号: by whom, when. */
            closed: components["schemas"]["Closed"] | (null);
            /** @description Lead department. */
            department: components["schemas"]["Department"];
            /** @description Its name. */
            department_name: components["schemas"]["Text"];
            /**
             * Format: date
             * @description Due.
             */
            due: string;
            /** @description 移交方. */
            from: components["schemas"]["UnitRef"];
            /** @description Id (`{code}-{kind}`). */
            id: string;
            /** @description Kind. */
            kind: components["schemas"]["SectionKind"];
            /** @description Whether the reader may act on it. */
            may_act: boolean;
            /** @description What keeps it open. */
            open_work: components["schemas"]["Text"][];
            /** @description Open past its due date. */
            overdue: boolean;
            /** @description Title. */
            title: components["schemas"]["Text"];
            /** @description 接收方. */
            to: components["schemas"]["UnitRef"];
        };
        /** @description One point of a series. */
        SeriesPointView: {
            /**
             * Format: int32
             * @description Year.
             */
            period: number;
            /**
             * Format: uint
             * @description Townships with a figure.
             */
            units: number;
            /**
             * Format: double
             * @description County total (总量) or mean over townships (均量).
             */
            value: number;
        };
        /** @description One indicator's yearly series on the boundaries of one date. */
        SeriesView: {
            /** @description Indicator. */
            indicator: string;
            /** @description 总量 / 均量. */
            nature_zh: string;
            /** @description The points, by year. */
            points: components["schemas"]["SeriesPointView"][];
            /** @description Unit of measure. */
            unit: string;
        };
        /** @description A service point. */
        ServicePoint: {
            /** @description At the township's seat (驻地). */
            at_seat: boolean;
            /** @description Id. */
            id: string;
            /** @description Type. */
            kind: components["schemas"]["ServiceType"];
            /**
             * @description Location.
             * @default null
             */
            location: components["schemas"]["LonLat"] | (null);
            /** @description Name. */
            name: string;
            /** @description The (former) township's code. */
            township: string;
            /**
             * @description The village it is in.
             * @default null
             */
            village: string | null;
        };
        /** @description A service point. */
        ServicePointInput: {
            /** @description At the township's seat (驻地). */
            at_seat: boolean;
            /** @description Id. */
            id: string;
            /** @description Type. */
            kind: components["schemas"]["ServiceType"];
            /**
             * @description Location.
             * @default null
             */
            location?: components["schemas"]["LonLat"] | (null);
            /** @description Name. */
            name: string;
            /** @description The (former) township's code. */
            township: string;
            /**
             * @description The village it is in.
             * @default null
             */
            village?: string | null;
        };
        /** @description The points service distance was measured from. */
        ServicePoints: {
            /** @description Seats, centroids, both or none. */
            basis: components["schemas"]["PointBasis"];
            /**
             * Format: uint
             * @description Townships measured from the centroid of their villages.
             */
            centroids: number;
            /**
             * Format: uint
             * @description Townships measured from their seat.
             */
            seats: number;
        };
        /** @description Summary of the service register. */
        ServiceStatus: {
            /**
             * Format: uint
             * @description Added after.
             */
            added: number;
            /**
             * Format: uint
             * @description Closed.
             */
            closed: number;
            /**
             * Format: uint
             * @description Rule findings that are errors.
             */
            errors: number;
            /** @description 只增不减 holds at every former seat for every type (no errors, nothing pending). */
            holds: boolean;
            /**
             * Format: uint
             * @description Kept.
             */
            kept: number;
            /**
             * Format: uint
             * @description Merged into another.
             */
            merged: number;
            /**
             * Format: uint
             * @description Undecided.
             */
            pending: number;
            /**
             * Format: uint
             * @description Serving after (kept + renamed + upgraded + added).
             */
            points_after: number;
            /**
             * Format: uint
             * @description Points before.
             */
            points_before: number;
            /**
             * Format: uint
             * @description Renamed.
             */
            renamed: number;
            /**
             * Format: uint
             * @description Upgraded.
             */
            upgraded: number;
            /**
             * Format: uint
             * @description Rule findings that are warnings.
             */
            warnings: number;
        };
        /** @description A type of service point. */
        ServiceType: "service_centre" | "village_service" | "health_centre" | "village_clinic" | "primary_school" | "middle_school" | "kindergarten" | "post" | "bank";
        /** @description `POST /api/login`, `GET /api/me`: the user and the session's CSRF token. */
        Session: {
            /** @description The basemap the bureau configured for the map, if any. */
            basemap: components["schemas"]["Basemap"] | (null);
            /** @description Send it back in the `X-CSRF-Token` header of every non-GET request. */
            csrf_token: string;
            /**
             * Format: int64
             * @description Expiry, Unix seconds.
             */
            expires_at: number;
            /** @description Who is logged in. */
            user: components["schemas"]["SessionUser"];
        };
        /** @description The account as the client sees it. */
        SessionUser: {
            /** @description Whether the account may edit scenarios. */
            can_edit: boolean;
            /** @description The department, for a department account. */
            department: components["schemas"]["Department"] | (null);
            /** @description The department in English. */
            department_en: string | null;
            /** @description The department in Chinese. */
            department_zh: string | null;
            /** @description Division-code prefix of the jurisdiction. */
            jurisdiction: string;
            /** @description The organisation's code, if any. */
            org: string | null;
            /** @description Role. */
            role: components["schemas"]["Role"];
            /** @description The role in Chinese. */
            role_zh: string;
            /** @description Login name. */
            username: string;
        };
        /** @description The settings in force. */
        SettingsView: {
            /**
             * Format: double
             * @description Yellow when progress trails the elapsed-time share by more than this (0–1).
             */
            behind_tolerance: number;
            /** @description Whether those are working days (else calendar days). */
            blue_in_working_days: boolean;
            /**
             * Format: uint32
             * @description Blue when the next open deadline is at most this many days away.
             */
            blue_within: number;
            /**
             * Format: uint32
             * @description Working days after a deadline when the 通报 is due.
             */
            circular_after_working_days: number;
            /**
             * Format: uint32
             * @description Calendar days after a deadline when the 催办通知书 is due.
             */
            notice_after_days: number;
            /** @description `default` (nothing stored) or `stored`. */
            source: string;
            /** @description The settings as a TOML document (`[light]`, `[escalation]`). */
            toml: string;
            /**
             * Format: int64
             * @description The record's version (0: nothing stored).
             */
            version: number;
        };
        /** @description How serious a broken rule is. */
        Severity: "info" | "warning" | "error";
        /** @description A county's townships on one date. */
        SideView: {
            /**
             * Format: date
             * @description The date.
             */
            date: string;
            /** @description Counts by kind, population and area statistics. */
            indicators: components["schemas"]["Indicators"];
            /** @description Village-to-seat distance (km), where villages are located. */
            seat_distance_km: components["schemas"]["Stats"] | (null);
            /** @description The townships (by code). */
            units: components["schemas"]["UnitRow"][];
            /**
             * Format: uint
             * @description Villages (村 + 居).
             */
            villages: number;
        };
        /** @description Where a plan is in the procedure. */
        Stage: "county" | "city" | "province" | "returned" | "approved" | "applied";
        /** @description Summary statistics of one attribute over the townships. */
        Stats: {
            /**
             * Format: double
             * @description Maximum.
             */
            max: number;
            /**
             * Format: double
             * @description Mean.
             */
            mean: number;
            /**
             * Format: double
             * @description Median.
             */
            median: number;
            /**
             * Format: double
             * @description Minimum.
             */
            min: number;
            /**
             * Format: uint
             * @description Number of units with a value.
             */
            n: number;
            /**
             * Format: double
             * @description Total.
             */
            total: number;
        };
        /** @description The record of a completed step. */
        StepRecord: {
            /**
             * Format: date
             * @description When.
             */
            at: string;
            /** @description Who completed it. */
            by: string;
            /** @description The document that evidences it. */
            document: components["schemas"]["Document"] | (null);
            /** @description Notes. */
            note: string;
            /** @description The step id. */
            step: string;
        };
        /**
         * @description Who completes a step: the county (drafting, consultation, reviews, implementation), the
         *     city (市级统筹把关) or the province (省级审批指导).
         */
        StepRole: "county" | "city" | "province";
        /** @description One step on the board. */
        StepView: {
            /** @description Who acts (as the template says). */
            actor: string;
            /** @description Who acts, in English. */
            actor_en: string;
            /** @description Legal basis. */
            basis: string;
            /** @description The legal basis in English. */
            basis_en: string;
            /** @description Whether the acting person may complete it now. */
            can_complete: boolean;
            /** @description The record, once done. */
            done: components["schemas"]["StepRecord"] | (null);
            /** @description English name. */
            en: string;
            /** @description Step id. */
            id: string;
            /** @description Whether this step applies the scheme to the registry. */
            is_apply: boolean;
            /** @description Whether this step records the approval. */
            is_approval: boolean;
            /** @description Missing materials (Chinese). */
            missing_materials: string[];
            /** @description Missing materials (English). */
            missing_materials_en: string[];
            /** @description Departments whose opinion is awaited. */
            missing_opinions: components["schemas"]["Department"][];
            /** @description Unfinished prerequisites (Chinese). */
            missing_steps: string[];
            /** @description Unfinished prerequisites (English). */
            missing_steps_en: string[];
            /** @description The departments asked for an opinion at this step. */
            opinions_from: components["schemas"]["Department"][];
            /** @description Prerequisites, materials and opinions all present (whether done or not). */
            ready: boolean;
            /** @description Which level completes it. */
            role: components["schemas"]["StepRole"];
            /** @description `done`, `ready` or `blocked`. */
            state: string;
            /** @description Chinese name. */
            zh: string;
        };
        /** @description Body of `POST /api/plans`. */
        SubmitBody: {
            /**
             * @description Date of submission (default today).
             * @default null
             */
            date?: string | null;
            /**
             * Format: int64
             * @description The saved scenario to submit.
             */
            scenario_id: number;
            /**
             * @description Procedure template (`national`, `national_npc`, `sichuan`, `village`); by default
             *     `village` for a scheme of village changes only (村级建制调整), else `national`.
             * @default null
             */
            template?: string | null;
        };
        /** @description A suggestion and its answer. */
        Suggestion: {
            /**
             * Format: date
             * @description Date received.
             */
            date: string;
            /** @description What was done. */
            disposition: components["schemas"]["Disposition"];
            /** @description From whom (kind of participant, not a person's identity). */
            from: string;
            /** @description The reason or answer. */
            reason: string;
            /** @description The suggestion. */
            text: string;
        };
        /** @description One summary line (a unit, a group). */
        SummaryView: {
            /**
             * Format: uint
             * @description Blue.
             */
            blue: number;
            /**
             * Format: uint
             * @description Closed.
             */
            done: number;
            /**
             * Format: uint
             * @description Green.
             */
            green: number;
            /** @description Unit code or group name. */
            key: string;
            /**
             * Format: double
             * @description Mean progress 0–1.
             */
            mean_progress: number;
            /** @description Display name. */
            name: string;
            /**
             * Format: uint
             * @description Red, yellow, blue, green, done counts, in that order.
             */
            red: number;
            /**
             * Format: uint
             * @description Tasks counted.
             */
            total: number;
            /**
             * Format: uint
             * @description Yellow.
             */
            yellow: number;
        };
        /** @description One value the table changes. */
        SurveyChange: {
            /**
             * Format: double
             * @description The table's value.
             */
            after: number;
            /**
             * Format: double
             * @description The value in force (none: not recorded yet).
             */
            before: number | null;
            /** @description The unit's code. */
            code: string;
            /** @description The attribute key (`pop_hukou`, …). */
            key: string;
            /** @description Its English label, or the key. */
            label_en: string;
            /** @description Its Chinese label (户籍人口), or the key. */
            label_zh: string;
            /** @description The unit's name in the registry. */
            name: string;
            /**
             * Format: uint
             * @description The table's row (spreadsheet numbering).
             */
            row: number;
            /** @description Unit of measure (人, km², 万元), when known. */
            unit: string;
        };
        /** @description What a check (or an import) of a survey table found. */
        SurveyPreview: {
            /** @description The values that change (unchanged ones are counted, not listed). */
            changes: components["schemas"]["SurveyChange"][];
            /** @description The date the figures hold from. */
            date: string;
            /** @description The file's name. */
            file: string;
            /**
             * Format: uint
             * @description Data rows read.
             */
            rows: number;
            /** @description Whether it was stored. */
            stored: boolean;
            /**
             * Format: uint
             * @description Values equal to those in force.
             */
            unchanged: number;
            /**
             * Format: uint
             * @description Units with at least one changed value.
             */
            units: number;
            /** @description Notes ("中文 / English"): a name differing from the registry's, columns not applied. */
            warnings: string[];
        };
        /** @description A one-to-one talk (谈心谈话). */
        Talk: {
            /** @description Who talked with the cadre (e.g. 县委书记, 组织部部长, 指导组组长). */
            by: string;
            /** @description The cadre. */
            cadre: string;
            /**
             * Format: date
             * @description When.
             */
            date: string;
            /**
             * @description Points raised (personal: shown like the roster).
             * @default null
             */
            note?: string | null;
        };
        /** @description A count and a value. */
        Tally: {
            /**
             * Format: uint64
             * @description Number of items.
             */
            items: number;
            /** @description Their value. */
            value: components["schemas"]["Money"];
        };
        /** @description One action on a task, as a request carries it. */
        TaskAction: {
            /** @enum {string} */
            action: "progress";
            /**
             * @description Evidence files uploaded before (POST …/evidence).
             * @default []
             */
            evidence?: components["schemas"]["EvidenceRef"][];
            /**
             * @description Milestone ids met.
             * @default []
             */
            milestones?: string[];
            /** @description What was done. */
            text: string;
            /**
             * @description Values by target id.
             * @default {}
             */
            values?: {
                [key: string]: number;
            };
        } | {
            /** @enum {string} */
            action: "done";
            /**
             * @description Evidence files uploaded before (POST …/evidence).
             * @default []
             */
            evidence?: components["schemas"]["EvidenceRef"][];
            /**
             * @description Milestone ids met.
             * @default []
             */
            milestones?: string[];
            /** @description What was done. */
            text: string;
            /**
             * @description Values by target id.
             * @default {}
             */
            values?: {
                [key: string]: number;
            };
        } | {
            /** @enum {string} */
            action: "close";
            /**
             * @description Verification note.
             * @default
             */
            note?: string;
        } | {
            /** @enum {string} */
            action: "return";
            /** @description Reasons, one per line. */
            reasons: string[];
        } | {
            /** @enum {string} */
            action: "extend";
            /**
             * @description `task`, or a target or milestone id.
             * @default null
             */
            checkpoint?: string | null;
            /**
             * Format: date
             * @description New deadline.
             */
            new_date: string;
            /**
             * @description Progress so far.
             * @default
             */
            progress?: string;
            /** @description Reason. */
            reason: string;
        } | {
            /** @enum {string} */
            action: "decide_extension";
            /** @description Granted? */
            approved: boolean;
            /**
             * @description Note.
             * @default
             */
            note?: string;
        } | {
            /** @enum {string} */
            action: "escalate";
        } | {
            /** @enum {string} */
            action: "reassign";
            /** @description New lead units (codes). */
            lead: string[];
            /**
             * @description New participating units (codes).
             * @default []
             */
            participants?: string[];
            /** @description Why. */
            reason: string;
        } | {
            /** @enum {string} */
            action: "revise_target";
            /**
             * Format: date
             * @description New deadline.
             */
            deadline: string;
            /** @description Why. */
            reason: string;
            /** @description Target id. */
            target: string;
            /**
             * Format: double
             * @description New value.
             */
            value: number;
        };
        /** @description What an import found (and, when committed, stored). */
        TaskImport: {
            /** @description Whether it was stored (false: checked only). */
            committed: boolean;
            /** @description File name. */
            file: string;
            /** @description Task ids, parents first. */
            ids: string[];
            /**
             * Format: uint
             * @description Organisations named.
             */
            organisations: number;
            /** @description The jurisdiction the plan is filed under. */
            scope: string;
            /** @description Its source document. */
            source: string;
            /**
             * Format: uint
             * @description Tasks (all levels).
             */
            tasks: number;
            /** @description The plan's title. */
            title: string;
        };
        /** @description What the acting account may do on the task today. */
        TaskPermissions: {
            /** @description Decide a pending extension (the supervising office). */
            decide_extension: boolean;
            /** @description Record the escalation steps due (the supervising office). */
            escalate: boolean;
            /** @description Report progress, report done, ask for an extension (a lead unit). */
            report: boolean;
            /** @description Verify or return a done report (the supervising office, another account). */
            verify: boolean;
        };
        /** @description One row of the board. */
        TaskRow: {
            /** @description Division codes concerned. */
            divisions: string[];
            /** @description The next open deadline. */
            due: string;
            /** @description Task group. */
            group: string | null;
            /** @description Task id. */
            id: string;
            /** @description Lead units' names, joined with 、. */
            lead: string;
            /** @description Lead units' codes. */
            lead_codes: string[];
            /** @description `task`, `subtask` or `item`. */
            level: string;
            /** @description The task's own light: `blue`, `yellow`, `red`, `green` or `done`. */
            light: string;
            /** @description Whether the acting account's organisation leads it. */
            mine: boolean;
            /** @description Parent task id. */
            parent: string | null;
            /**
             * Format: double
             * @description Progress 0–1.
             */
            progress: number;
            /**
             * Format: double
             * @description Elapsed-time share 0–1 (序时进度).
             */
            schedule: number;
            /** @description Start of the task's clock. */
            start: string;
            /** @description Status id (`in_progress`, `reported`, `returned`, `closed`). */
            status: string;
            /** @description Status (English). */
            status_en: string;
            /** @description Status (Chinese). */
            status_zh: string;
            /** @description The worst light of the task and everything below it. */
            subtree_light: string;
            /** @description Synthetic (示意) history. */
            synthetic: boolean;
            /** @description Title (Chinese). */
            title: string;
            /** @description Title (English; may be empty). */
            title_en: string;
        };
        /** @description One task in full as of a date. */
        TaskView: {
            /** @description Legal or policy basis. */
            basis: string;
            /** @description What the actor may do. */
            can: components["schemas"]["TaskPermissions"];
            /** @description Every deadline. */
            checkpoints: components["schemas"]["CheckpointView"][];
            /** @description Subtasks' ids. */
            children: string[];
            /** @description What is to be done. */
            description: string;
            /** @description Escalation steps due now and not yet recorded, each with the deadline it concerns. */
            escalations_due: components["schemas"]["EscalatedStep"][];
            /** @description History up to the date, oldest first. */
            history: components["schemas"]["EventView"][];
            /** @description Participating units' names. */
            participants: string;
            /**
             * Format: uint32
             * @description The pending extension request's sequence number.
             */
            pending_extension: number | null;
            /** @description The account whose done report waits for verification. */
            reported_by: string | null;
            /** @description The row (as on the board). */
            row: components["schemas"]["TaskRow"];
            /** @description The supervising office's name. */
            supervisor: string;
            /**
             * Format: int64
             * @description The stored version (for information; actions re-apply on conflict).
             */
            version: number;
        };
        /** @description A message in both languages. */
        Text: {
            /** @description English. */
            en: string;
            /** @description Chinese. */
            zh: string;
        };
        /** @description A township as named in the answer. */
        TownshipRef: {
            /** @description Its 9-digit code. */
            code: string;
            /** @description Its name. */
            name: string;
        };
        /** @description A resulting unit of an evaluation; `village_idx` indexes the county base's villages. */
        UnitOut: {
            /** Format: double */
            area_km2: number | null;
            attrs: {
                [key: string]: number;
            };
            code: string | null;
            flags: string[];
            kind: string;
            name: string;
            /** Format: double */
            population: number | null;
            predecessors: string[];
            proposed_code: string | null;
            seat: string | null;
            status: string;
            village_idx: number[];
            /** Format: uint */
            villages: number;
        };
        /** @description A township as the handover names it. */
        UnitRef: {
            /** @description The 9-digit code (for a successor still without a code: the proposed one, 拟用代码). */
            code: string;
            /** @description Name. */
            name: string;
            /**
             * @description True when `code` is only proposed (a scenario not yet applied).
             * @default false
             */
            provisional: boolean;
        };
        /** @description One township on one side. */
        UnitRow: {
            /**
             * Format: double
             * @description Area (km²), when known.
             */
            area_km2: number | null;
            /** @description Code. */
            code: string;
            /** @description 乡 / 镇 / 街道. */
            kind_zh: string;
            /** @description Name. */
            name: string;
            /**
             * Format: double
             * @description Population, when known.
             */
            population: number | null;
            /**
             * Format: double
             * @description 行政编制, when known.
             */
            staff_quota: number | null;
            /**
             * Format: uint
             * @description Villages (村 + 居).
             */
            villages: number;
        };
        /** @description Body of `PUT /api/scenarios/{id}`. */
        UpdateBody: {
            /**
             * @description The registry date the scenario was drafted on (`YYYY-MM-DD`).
             * @default null
             */
            base_date?: string | null;
            /**
             * Format: int64
             * @description The version the client edited.
             */
            expected_version: number;
            /** @description Name. */
            name: string;
            /**
             * @description Notes (kept when not sent).
             * @default null
             */
            note?: string | null;
            /**
             * @description Operations.
             * @default []
             */
            ops?: components["schemas"]["OperationInput"][];
            /**
             * @description The policy it is checked against (kept when not sent).
             * @default null
             */
            policy?: string | null;
        };
        /** @description One version of an item. */
        VersionView: {
            /** @description Account. */
            account: string;
            /** @description 登记, 分办, 答复, 回访 or 更正. */
            action: string;
            /** @description When. */
            at: string;
            /** @description Organisation (name). */
            org: string;
            /** @description The reason (corrections). */
            reason: string;
            /**
             * Format: uint32
             * @description Version number.
             */
            version: number;
        };
        /** @description Each village concerned and where its assent stands. */
        VillageAssent: {
            /** @description Whether it agreed. */
            agreed: boolean;
            /** @description Its latest assembly record, if any. */
            record: components["schemas"]["AssemblyRecord"] | (null);
            /** @description The village as the scheme names it. */
            village: string;
            /** @description Why not, when it has not (both languages). */
            why_not: components["schemas"]["Text"] | (null);
        };
        /** @description Before and after. */
        VillageComparison: {
            /** @description After the scheme. */
            after: components["schemas"]["VillageIndicators"];
            /** @description Before the scheme. */
            before: components["schemas"]["VillageIndicators"];
            /**
             * Format: int64
             * @description Villages removed (before − after).
             */
            reduction: number;
        };
        /** @description The village layer of an evaluation. */
        VillageEvaluation: {
            /** @description Villages merged away. */
            abolished: components["schemas"]["AbolishedVillageView"][];
            /** @description Villages changed or created, by township and name. */
            changed: components["schemas"]["VillageView"][];
            /** @description Indicators before and after. */
            indicators: components["schemas"]["VillageComparison"];
        };
        /** @description What a set of villages looks like. */
        VillageIndicators: {
            /** @description Count by kind (Chinese kind name: 村委会, 居委会 …). */
            by_kind: {
                [key: string]: number;
            };
            /**
             * Format: uint
             * @description Number of villages (村 + 居).
             */
            count: number;
            /** @description Households per village (`households`), where known. */
            households: components["schemas"]["Stats"];
            /** @description Villages per township. */
            per_township: components["schemas"]["Stats"];
            /** @description Population per village (the policy's key). */
            population: components["schemas"]["Stats"];
            /**
             * Format: uint
             * @description Villages below the policy's village households floor, if it has one.
             */
            under_households_floor: number | null;
            /**
             * Format: uint
             * @description Villages below the policy's village population floor, if it has one.
             */
            under_population_floor: number | null;
        };
        /** @description The proposal: operations, each township's outcome and the village indicators. */
        VillageProposal: {
            /** @description County code. */
            county: string;
            /** @description The findings on the villages the proposal changes. */
            findings: components["schemas"]["Finding"][];
            /**
             * Format: double
             * @description The floor used, and what it counts (`population` or `households`).
             */
            floor: number;
            /** @description `population` or `households`. */
            floor_basis: string;
            /** @description Village indicators before and after. */
            indicators: components["schemas"]["VillageComparison"];
            /**
             * Format: double
             * @description The area cap used, if any.
             */
            max_area: number | null;
            /** @description The 合并村 operations, township by township. */
            ops: components["schemas"]["Operation"][];
            /** @description The policy the scheme was checked under. */
            policy: string;
            /** @description Whether the figures include synthetic (示意) data. */
            synthetic: boolean;
            /** @description Each township's outcome, in code order. */
            townships: components["schemas"]["VillageTownshipRun"][];
        };
        /** @description What the planner asks for (every field optional). */
        VillageRequest: {
            /**
             * @description The floor counts households (户数) instead of people.
             * @default false
             */
            by_households?: boolean;
            /**
             * Format: double
             * @description Exact-check time limit per township, seconds (default 0.2, at most 5; 0 skips it).
             */
            exact_time_limit?: number | null;
            /**
             * Format: double
             * @description The floor per merged village (people, or households with `by_households`); by default
             *     the policy's village floor.
             */
            floor?: number | null;
            /**
             * Format: double
             * @description Area cap per merged village (km²), if any.
             */
            max_area?: number | null;
            /** @description Policy: a built-in id or a stored policy's name; none: the county's own province's. */
            policy?: string | null;
            /** @description Which rule gives way where floor and cap cannot both hold (default: the floor holds). */
            prefer?: components["schemas"]["PreferRule"] | (null);
            /**
             * Format: uint64
             * @description Random seed (default 1).
             */
            seed?: number | null;
        };
        /** @description One township's outcome. */
        VillageTownshipRun: {
            /**
             * Format: uint
             * @description Villages after.
             */
            after: number;
            /**
             * Format: uint
             * @description Villages before.
             */
            before: number;
            /**
             * Format: uint
             * @description Proven upper bound on the villages any scheme meeting the rules can keep, if known.
             */
            bound: number | null;
            /**
             * Format: uint
             * @description New villages breaking the rule that gives way (each contains a village proven unable
             *     to meet both rules).
             */
            conflicts: number;
            /** @description Whether `after` is proven the largest possible. */
            optimal: boolean;
            /** @description Township name. */
            township: string;
        };
        /** @description A village the scheme changed or created. */
        VillageView: {
            /**
             * Format: double
             * @description Area, km².
             */
            area_km2: number | null;
            /** @description The code kept, if any. */
            code: string | null;
            /**
             * Format: double
             * @description Households.
             */
            households: number | null;
            /** @description Kind (Chinese). */
            kind: string;
            /** @description Name. */
            name: string;
            /**
             * Format: double
             * @description Population under the policy's key.
             */
            population: number | null;
            /** @description Former village codes whose territory it holds. */
            predecessor_codes: string[];
            /** @description Former villages whose territory it holds (names). */
            predecessors: string[];
            /**
             * @description For a village needing a new code: the next free number in its kind's range under its
             *     township, when the township keeps its code (拟用代码).
             */
            proposed_code: string | null;
            /** @description 合并 / 新设 / 撤村设居 (建制变更) / 拆分 / 更名. */
            status: string;
            /** @description Its township (result name). */
            township: string;
        };
        /** @description A violated hard constraint in a scheme. */
        Violation: {
            /**
             * Format: uint
             * @description Units.
             */
            expected: number;
            /**
             * Format: uint
             * @description Entries found.
             */
            got: number;
            /** @enum {string} */
            kind: "length";
        } | {
            /** @enum {string} */
            kind: "unassigned";
            /**
             * Format: uint32
             * @description Unit.
             */
            unit: number;
        } | {
            /** @enum {string} */
            kind: "not_contiguous";
            /**
             * Format: uint
             * @description Number of connected pieces.
             */
            pieces: number;
            /**
             * Format: uint32
             * @description Region.
             */
            region: number;
        } | {
            /**
             * Format: double
             * @description The floor.
             */
            floor: number;
            /** @enum {string} */
            kind: "below_floor";
            /**
             * Format: double
             * @description Its population.
             */
            population: number;
            /**
             * Format: uint32
             * @description Region.
             */
            region: number;
        } | {
            /**
             * Format: double
             * @description Its area.
             */
            area: number;
            /**
             * Format: double
             * @description The ceiling.
             */
            ceiling: number;
            /** @enum {string} */
            kind: "above_ceiling";
            /**
             * Format: uint32
             * @description Region.
             */
            region: number;
        } | {
            /** @enum {string} */
            kind: "locked_not_alone";
            /**
             * Format: uint32
             * @description Its region.
             */
            region: number;
            /**
             * Format: uint32
             * @description Locked unit.
             */
            unit: number;
        } | {
            /** @enum {string} */
            kind: "seeds_share_region";
            /**
             * Format: uint32
             * @description Region.
             */
            region: number;
            /** @description The seeds in it. */
            seeds: number[];
        } | {
            /** @description Groups it touches. */
            groups: number[];
            /** @enum {string} */
            kind: "crosses_group";
            /**
             * Format: uint32
             * @description Region.
             */
            region: number;
        } | {
            /** @enum {string} */
            kind: "together_split";
            /**
             * Format: uint
             * @description Index in `Problem::together`.
             */
            set: number;
        } | {
            /** @enum {string} */
            kind: "apart_joined";
            /**
             * Format: uint32
             * @description Region.
             */
            region: number;
            /**
             * Format: uint
             * @description Index in `Problem::apart`.
             */
            set: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAudit: {
        parameters: {
            query?: {
                /** @description Rows older than this seq (the previous page's `next_before`). */
                before?: number | null;
                /** @description Rows per page (1–500, default 50). */
                limit?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 日志与校验 / the log and its verification */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 仅省级审批人员 / provincial approvers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 每页条数无效 / a bad page size */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCompare: {
        parameters: {
            query: {
                /** @description First scenario. */
                a: string;
                /** @description Second scenario. */
                b: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 两个方案及其评估 / both scenarios with their evaluations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioComparison"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在 / missing */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCounties: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 县列表 / counties */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountyList"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeBase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 底数 / the base */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountyBase"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 县不存在 / unknown county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postCountiesByCodeBoundaries: {
        parameters: {
            query: {
                /** @description The attribute holding the codes (default: the field matching most codes). */
                code_field?: string | null;
                /** @description Store it (`true`) or only check and preview (`false`, the default). */
                commit?: boolean;
                /** @description The file's name (.geojson/.json, .zip holding a Shapefile, .gpkg). */
                file_name: string;
                /** @description `township` or `village` (default: the level the codes match). */
                level?: components["schemas"]["BoundaryLevel"] | null;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 预览或逐要素问题（未保存） / the preview or the problems by feature (nothing stored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryImport"];
                };
            };
            /** @description 已保存 / stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryImport"];
                };
            };
            /** @description 文件无法读取或没有代码字段：指明文件与成员 / an unreadable file or no code field: names the file and member */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeChanges: {
        parameters: {
            query: {
                /** @description From (exclusive), YYYY-MM-DD. */
                from: string;
                /** @description To (inclusive), YYYY-MM-DD. */
                to: string;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 变更 / the changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryChanges"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 县不存在 / no such county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 日期无效 / a bad date */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeCrosswalk: {
        parameters: {
            query: {
                /** @description `backward`: the share of each target coming from each source (default: forward). */
                direction?: string | null;
                /** @description xlsx (default), csv or json. */
                format?: string | null;
                /** @description From: a date YYYY-MM-DD. */
                from: string;
                /** @description To: a date YYYY-MM-DD (may be earlier than `from`). */
                to: string;
                /** @description population (default), households, area or villages. */
                weight?: string | null;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 / the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 参数无效 / a bad parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 该日期没有此县 / no such county on that date */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postCountiesByCodeEvaluate: {
        parameters: {
            query?: {
                /** @description `1` (or `true`): include the resulting townships as GeoJSON. */
                geojson?: string | null;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluateBody"];
            };
        };
        responses: {
            /** @description 评估结果与调整后的乡镇边界 / the evaluation and the resulting townships */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationResult"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 县不存在 / unknown county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 某项操作无法执行 / an operation cannot be applied */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeEvaluation: {
        parameters: {
            query?: {
                /** @description Before: a date YYYY-MM-DD (default: the registry's first date). */
                from?: string | null;
                /** @description After: a date YYYY-MM-DD (default: the registry's latest date). */
                to?: string | null;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估 / the evaluation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationView"];
                };
            };
            /** @description 日期无效 / a bad date */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeGeojson: {
        parameters: {
            query?: {
                /** @description `village` (default) or `township`. */
                level?: string | null;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description GeoJSON 要素集（示意） / GeoJSON FeatureCollection (示意) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureCollection"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 没有边界数据 / no boundaries */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeLineageByUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
                /** @description 单位代码（现行或已停用，9 位或 12 位） / the unit's code, current or retired (9 or 12 digits) */
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 沿革 / the lineage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryLineage"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 本县无此代码 / no such code in the county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 代码无效 / a malformed code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeObservations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 统计数据 / the statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObservationsView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postCountiesByCodeObservations: {
        parameters: {
            query: {
                /** @description Store it (`true`) or only check and preview (`false`, the default). */
                commit?: boolean;
                /** @description The file's name (its extension decides how it is read: .csv, .xlsx, .xls). */
                file_name: string;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 预览（未保存） / the preview (nothing stored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObservationOutcome"];
                };
            };
            /** @description 已保存 / stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObservationOutcome"];
                };
            };
            /** @description 文件有误：指明文件、行与列 / a bad file: names the file, row and column */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与名录不符：未知代码、该年份不存在、重复 / does not fit the registry: unknown codes, not in force, duplicates */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodePolicies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 可选政策 / the choices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyChoices"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 县不存在 / unknown county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postCountiesByCodePropose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposeRequest"];
            };
        };
        responses: {
            /** @description 方案 / the schemes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 县不存在 / unknown county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 缺少邻接或人口数据，或优化器拒绝输入 / no adjacency or population data, or the optimizer refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postCountiesByCodeProposevillages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VillageRequest"];
            };
        };
        responses: {
            /** @description 合并村操作、各乡镇结果与村级指标 / the merge operations, each township's outcome and the village indicators */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VillageProposal"];
                };
            };
            /** @description 缺少或超出范围的下限、上限 / a floor or cap missing or out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 县不存在 / unknown county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 尚未导入村级边界 / no village boundaries */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeRecast: {
        parameters: {
            query: {
                /** @description For an upload: the file's name (.csv, .xlsx, .xls). */
                file_name?: string | null;
                /** @description xlsx (default), csv or json. */
                format?: string | null;
                /** @description The boundaries: a date YYYY-MM-DD. */
                to: string;
                /** @description population (default), households, area or villages. */
                weight?: string | null;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 / the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 参数无效 / a bad parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 尚未导入统计数据 / no statistics imported */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postCountiesByCodeRecast: {
        parameters: {
            query: {
                /** @description For an upload: the file's name (.csv, .xlsx, .xls). */
                file_name?: string | null;
                /** @description xlsx (default), csv or json. */
                format?: string | null;
                /** @description The boundaries: a date YYYY-MM-DD. */
                to: string;
                /** @description population (default), households, area or villages. */
                weight?: string | null;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 文件 / the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 文件或参数有误：指明文件、行与列 / a bad file or parameter: names the file, row and column */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与名录不符 / does not fit the registry */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCountiesByCodeRegistry: {
        parameters: {
            query: {
                /** @description The date, YYYY-MM-DD. */
                date: string;
                /** @description `township` (default) or `village`. */
                level?: string | null;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 名录 / the units */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryAsOf"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 县不存在 / no such county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 日期无效 / a bad date */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postCountiesByCodeSurvey: {
        parameters: {
            query: {
                /** @description Store it (`true`) or only check and preview (`false`, the default). */
                commit?: boolean;
                /** @description The date the figures hold from (YYYY-MM-DD). */
                date: string;
                /** @description The file's name (.csv, .xlsx, .xls). */
                file_name: string;
            };
            header?: never;
            path: {
                /** @description 6 位县级区划代码 / 6-digit county code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 预览（未保存） / the preview (nothing stored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyPreview"];
                };
            };
            /** @description 已保存 / stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyPreview"];
                };
            };
            /** @description 文件有误：指明文件、行与列 / a bad file: names the file, row and column */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不在本账号辖区内 / outside this account's jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getFeedback: {
        parameters: {
            query?: {
                /** @description As of (YYYY-MM-DD; risks only; default today). */
                date?: string | null;
                /** @description Jurisdiction prefix (default: all the account sees). */
                scope?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 台账 / the register */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewFeedback"];
            };
        };
        responses: {
            /** @description 诉求 / the item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackRow"];
                };
            };
            /** @description 请求无效 / a bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 非改革办 / not the office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体字段不合法 / a field of the body is invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postFeedbackImports: {
        parameters: {
            query: {
                /** @description `false`: check only (default `true`). */
                commit?: boolean | null;
                /** @description The file's name (.csv or .xlsx). */
                file_name: string;
                /** @description The jurisdiction (default: by each ticket's division code). */
                scope?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 导入结果 / what was found and stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackImport"];
                };
            };
            /** @description 文件有误 / the file has errors */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 非改革办 / not the office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postFeedbackByIdActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 编号 / the id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackAction"];
            };
        };
        responses: {
            /** @description 诉求 / the item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackRow"];
                };
            };
            /** @description 请求无效 / a bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权办理 / not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 当前状态下不能办理 / not possible now */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getInbox: {
        parameters: {
            query?: {
                /** @description As of (YYYY-MM-DD; default today). */
                date?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 待办 / the inbox */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginBody"];
            };
        };
        responses: {
            /** @description 会话 / the session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description 请求体不合法 / malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 用户名或密码错误 / wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体字段不合法 / a field of the body is invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 登录失败次数过多 / too many failed logins */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已退出 / logged out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Done"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 会话 / the session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getOpenapijson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3 文档 / the OpenAPI 3 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPlans: {
        parameters: {
            query?: {
                /** @description Only this county. */
                county?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 报批方案 / plans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanList"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitBody"];
            };
        };
        responses: {
            /** @description 看板 / the board */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 请求体不合法 / malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 方案不存在 / missing scenario */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许 / refused by the procedure */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansApprovebatch: {
        parameters: {
            query: {
                /** @description Date of approval. */
                date: string;
                /** @description 批准文号. */
                document_no: string;
                /** @description Effective date. */
                effective: string;
                /** @description The approval document's file name, when the body carries it. */
                file_name?: string | null;
                /** @description The plans, comma-separated ids. */
                ids: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPlansById: {
        parameters: {
            query?: {
                /** @description The date the clocks are computed on (default: today). */
                today?: string | null;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 看板 / the board */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdApply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdApprove: {
        parameters: {
            query: {
                /** @description Date of approval. */
                date: string;
                /** @description 批准文号. */
                document_no: string;
                /** @description Effective date. */
                effective: string;
                /** @description The approval document's file name, when the body carries it. */
                file_name?: string | null;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdAssemblies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssemblyBody"];
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdConsultation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsultBody"];
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPlansByIdDocumentsByDoc: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                doc: "notice.docx" | "notice.md" | "change-table.xlsx" | "change-table.csv" | "indicators.xlsx" | "scheme.docx" | "scheme.pdf" | "summary.docx" | "summary.pdf" | "evaluation.docx" | "evaluation.pdf" | "mca-table.xlsx" | "map-before.svg" | "map-before.png" | "map-after.svg" | "map-after.png" | "village-list.xlsx" | "village-plan.docx" | "village-plan.pdf";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 / the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing, unknown or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 方案尚未实施 / the plan is not applied yet */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPlansByIdEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估 / the evaluation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 方案无法套用 / the scheme does not apply */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdExtensions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendBody"];
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPlansByIdHandover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 交接 / the handover */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未生成、不存在或不在辖区内 / not generated, missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdHandover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 交接 / the handover */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 尚未批复，或已销号的事项会因此消失 / not approved, or a closed section would disappear */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdHandoverActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Action"];
            };
        };
        responses: {
            /** @description 已完成 / done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Acted"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 该事项不由本部门办理 / the section is another department's work */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不允许：事项已销号、去向不合规、尚有未完成的工作 / refused: closed section, route not allowed, work left */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPlansByIdHandoverDocumentsByDoc: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description summary.xlsx、list-130634203.docx、list-130634203.xlsx */
                doc: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 / the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing, unknown or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdHandoverImportsByKind: {
        parameters: {
            query: {
                /** @description Store it (`true`) or only check and preview (`false`, the default). */
                commit?: boolean;
                /** @description The file's name (its extension decides how it is read: .csv, .xlsx, .xls). */
                file_name: string;
            };
            header?: never;
            path: {
                id: string;
                kind: "assets" | "debts" | "cadres" | "services" | "quotas";
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 预览（未保存） / the preview (nothing stored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportOutcome"];
                };
            };
            /** @description 已保存 / stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportOutcome"];
                };
            };
            /** @description 文件有误：指明文件、行与列 / a bad file: names the file, row and column */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不由本部门导入 / not this department's import */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 文件过大 / the file is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与交接不符：未知单位、重复编号、事项已销号 / does not fit the handover: unknown units, duplicate ids, closed sections */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPlansByIdHandoverSectionsBySection: {
        parameters: {
            query?: {
                /** @description At most this many (default 100, at most 1,000). */
                limit?: number | null;
                /** @description Skip this many. */
                offset?: number;
                /** @description Only items not yet decided. */
                unassigned?: boolean;
            };
            header?: never;
            path: {
                id: string;
                /** @description 事项编号，如 130634203-state_assets / section id */
                section: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 事项 / the section */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SectionDetail"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdMaterials: {
        parameters: {
            query: {
                /** @description Date (default today). */
                date?: string | null;
                /** @description File name. */
                file_name: string;
                /** @description Material kind (`application`, `basic_facts`, `map_before` … or the Chinese name). */
                kind: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPlansByIdMaterialsBySha256: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description 材料的 SHA-256 / the material's SHA-256 */
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 / the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdOpinions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpinionBody"];
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdReturn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnBody"];
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdRevise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseBody"];
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdStepsByStep: {
        parameters: {
            query?: {
                /** @description Date (default today). */
                date?: string | null;
                /** @description The document's file name, when the body carries one. */
                file_name?: string | null;
                /** @description Note. */
                note?: string | null;
            };
            header?: never;
            path: {
                id: string;
                /** @description 环节编号 / the step's id */
                step: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 操作后的看板 / the board after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanBoard"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 他人同时修改，请重试 / changed by someone else at the same moment; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postPlansByIdTasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 生成的任务 / the tasks filed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskImport"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未批复或已生成 / not approved, or filed already */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRisks: {
        parameters: {
            query?: {
                /** @description As of (YYYY-MM-DD; risks only; default today). */
                date?: string | null;
                /** @description Jurisdiction prefix (default: all the account sees). */
                scope?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 风险清单 / the register */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RisksView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postRisks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewRisk"];
            };
        };
        responses: {
            /** @description 风险点 / the risk */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskRow"];
                };
            };
            /** @description 请求无效 / a bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体字段不合法 / a field of the body is invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postRisksByIdActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 编号 / the id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskAction"];
            };
        };
        responses: {
            /** @description 风险点 / the risk */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskRow"];
                };
            };
            /** @description 请求无效 / a bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 非责任单位或督办单位 / neither the owner nor the supervising office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 当前状态下不能办理 / not possible now */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getScenarios: {
        parameters: {
            query?: {
                /** @description Only this county. */
                county?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 方案列表 / scenarios */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioList"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postScenarios: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBody"];
            };
        };
        responses: {
            /** @description 已保存 / saved */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioView"];
                };
            };
            /** @description 请求体不合法 / malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 县不存在 / unknown county */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 操作无法执行 / an operation cannot be applied */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getScenariosById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 方案 / the scenario */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putScenariosById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBody"];
            };
        };
        responses: {
            /** @description 已修改 / updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在 / missing */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 已被他人修改：附 current_version 与 current / changed by someone else: with current_version and current */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 操作无法执行 / an operation cannot be applied */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getScenariosByIdFreshness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 核对结果 / the check */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftFreshness"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 不存在或不在辖区内 / missing or outside the jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTasks: {
        parameters: {
            query?: {
                /** @description As of (YYYY-MM-DD; default today). */
                date?: string | null;
                /** @description Only this task group. */
                group?: string | null;
                /** @description Only this light: red, yellow, blue, green or done. */
                light?: string | null;
                /** @description `true`: the account's own tasks first. */
                mine_first?: boolean | null;
                /** @description Jurisdiction prefix (default: all the account sees). */
                scope?: string | null;
                /** @description Only tasks this organisation (code) leads or takes part in. */
                unit?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 看板 / the board */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardView"];
                };
            };
            /** @description 日期或灯色无效 / a bad date or light */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 辖区不在本账号范围内 / outside this account's jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTasksChanges: {
        parameters: {
            query: {
                /** @description As of (default today). */
                date?: string | null;
                /** @description Jurisdiction prefix. */
                scope?: string | null;
                /** @description The baseline date. */
                since: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 变化 / the changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeView"][];
                };
            };
            /** @description 日期无效 / a bad date */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postTasksEscalations: {
        parameters: {
            query?: {
                /** @description Jurisdiction prefix (default: all the account sees). */
                scope?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已升级的任务 / the tasks escalated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalatedTask"][];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 非督办单位 / not a supervising office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postTasksImports: {
        parameters: {
            query: {
                /** @description `false`: check only (default `true`). */
                commit?: boolean | null;
                /** @description The file's name. */
                file_name: string;
                /** @description A prefix for the task ids. */
                prefix?: string | null;
                /** @description The jurisdiction to file under (default: the supervising office's). */
                scope?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 导入结果 / what was found and stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskImport"];
                };
            };
            /** @description 文件有误 / the file has errors */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 非督办单位 / not the supervising office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 任务编号已存在 / a task id already filed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTasksImportsTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 模板 / the template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTasksReportsByPeriod: {
        parameters: {
            query?: {
                /** @description As of (YYYY-MM-DD; default today). */
                date?: string | null;
                /** @description `docx` (default), `pdf` or `xlsx`. */
                format?: string | null;
                /** @description Jurisdiction prefix (default: all the account sees). */
                scope?: string | null;
            };
            header?: never;
            path: {
                period: "week" | "fortnight" | "month";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 报告 / the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 日期或格式无效 / a bad date or format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 辖区不在本账号范围内 / outside this account's jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTasksSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 督办设置 / the settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTasksSummary: {
        parameters: {
            query?: {
                /** @description As of (YYYY-MM-DD; default today). */
                date?: string | null;
                /** @description Jurisdiction prefix (default: all the account sees). */
                scope?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 汇总 / the summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewView"];
                };
            };
            /** @description 日期或辖区无效 / a bad date or jurisdiction */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 辖区不在本账号范围内 / a jurisdiction outside the account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTasksById: {
        parameters: {
            query?: {
                /** @description As of (YYYY-MM-DD; default today). */
                date?: string | null;
            };
            header?: never;
            path: {
                /** @description 任务编号 / the task's id (e.g. 6.3.510824) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 任务 / the task */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 任务不存在或不在辖区内 / no such task in this account's jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postTasksByIdActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 任务编号 / the task's id (e.g. 6.3.510824) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskAction"];
            };
        };
        responses: {
            /** @description 办理后的任务 / the task after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            /** @description 请求无效 / a bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 本账号所属单位不是该任务的牵头单位或督办单位 / this account's organisation neither leads nor supervises the task */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 任务不存在或不在辖区内 / no such task in this account's jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 需要 JSON 请求体 / the body must be JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 当前状态下不能办理（如期限已过才申请延期、没有待核验的报告） / not possible now (an extension asked after the deadline, nothing to verify …) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postTasksByIdEvidence: {
        parameters: {
            query: {
                /** @description The file's name (its extension decides the accepted type). */
                file_name: string;
            };
            header?: never;
            path: {
                /** @description 任务编号 / the task's id (e.g. 6.3.510824) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description 材料 / the stored file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceRef"];
                };
            };
            /** @description 文件类型或大小不符 / a file of the wrong type or size */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 本账号所属单位不是该任务的牵头单位或督办单位 / this account's organisation neither leads nor supervises the task */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 任务不存在或不在辖区内 / no such task in this account's jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求体过大 / the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTasksByIdEvidenceBySha256: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 任务编号 / the task's id (e.g. 6.3.510824) */
                id: string;
                /** @description 材料的 SHA-256 / the file's SHA-256 */
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 / the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/msword": string;
                    "application/octet-stream": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            /** @description 参数不合法 / malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录 / not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 任务不存在或不在辖区内 / no such task in this account's jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求超时 / the request took too long to arrive */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务繁忙 / the server is busy; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
