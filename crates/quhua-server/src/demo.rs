//! `quhua serve --demo`: on first start, imports the demo county (曲阳县 130634, real codes,
//! synthetic 示意 figures and boundaries) through quhua-store, saves its sample scenario and
//! two demo plans in the procedure ([`plans`]), and creates demo accounts. Later starts reuse
//! the database as it is.

pub mod plans;

use crate::ServerError;
use crate::accounts::{AccountStore, Jurisdiction, Role};
use crate::auth::password::{self, HashParams};
use quhua_demo::Demo;
use quhua_store::{ImportMeta, Store};

/// A demo account (its password is printed at start: demo only).
#[derive(Debug, Clone)]
pub struct DemoAccount {
    /// User name.
    pub username: &'static str,
    /// Password.
    pub password: &'static str,
    /// Role.
    pub role: Role,
    /// Jurisdiction.
    pub jurisdiction: &'static str,
    /// Who it stands for.
    pub note: &'static str,
    /// The organisation (code) it belongs to, for department accounts.
    pub org: Option<&'static str>,
}

/// The demo accounts.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        username: "quyang",
        password: "quyang-demo-2026",
        role: Role::CountyEditor,
        jurisdiction: "130634",
        note: "曲阳县民政局（编辑）",
        org: None,
    },
    DemoAccount {
        username: "quyang2",
        password: "quyang2-demo-2026",
        role: Role::CountyEditor,
        jurisdiction: "130634",
        note: "曲阳县民政局第二位编辑（演示编辑冲突）",
        org: None,
    },
    DemoAccount {
        username: "tangxian",
        password: "tangxian-demo-2026",
        role: Role::CountyEditor,
        jurisdiction: "130627",
        note: "唐县民政局（看不到曲阳县）",
        org: None,
    },
    DemoAccount {
        username: "baoding",
        password: "baoding-demo-2026",
        role: Role::CityReviewer,
        jurisdiction: "1306",
        note: "保定市民政局（审核）",
        org: None,
    },
    DemoAccount {
        username: "hebei",
        password: "hebei-demo-2026",
        role: Role::ProvinceApprover,
        jurisdiction: "13",
        note: "河北省民政厅（审批）",
        org: None,
    },
    DemoAccount {
        username: "bianban",
        password: "bianban-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县委编办（部门意见）",
        org: Some("130634-staffing"),
    },
    DemoAccount {
        username: "fagai",
        password: "fagai-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县发展和改革局（部门意见）",
        org: Some("130634-development_reform"),
    },
    DemoAccount {
        username: "caizheng",
        password: "caizheng-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县财政局（部门意见）",
        org: Some("130634-finance"),
    },
    DemoAccount {
        username: "ziran",
        password: "ziran-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县自然资源和规划局（部门意见）",
        org: Some("130634-natural_resources"),
    },
    DemoAccount {
        username: "zhujian",
        password: "zhujian-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县住房和城乡建设局（部门意见）",
        org: Some("130634-housing"),
    },
    DemoAccount {
        username: "zuzhibu",
        password: "zuzhibu-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县委组织部（干部安置）",
        org: Some("130634-organisation"),
    },
    DemoAccount {
        username: "nongye",
        password: "nongye-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县农业农村局（村集体资产）",
        org: Some("130634-agriculture"),
    },
    DemoAccount {
        username: "weijian",
        password: "weijian-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县卫生健康局（卫生院）",
        org: Some("130634-health"),
    },
    DemoAccount {
        username: "jiaoti",
        password: "jiaoti-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县教育和体育局（学校）",
        org: Some("130634-education"),
    },
    DemoAccount {
        username: "zhengwu",
        password: "zhengwu-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县政务服务管理局（便民服务）",
        org: Some("130634-government_services"),
    },
    DemoAccount {
        username: "minzheng",
        password: "minzheng-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县民政局区划地名股（印章牌匾、制度）",
        org: Some("130634-civil_affairs"),
    },
    DemoAccount {
        username: "dangan",
        password: "dangan-demo-2026",
        role: Role::Department,
        jurisdiction: "130634",
        note: "曲阳县档案馆（档案移交）",
        org: Some("130634-archives"),
    },
    DemoAccount {
        username: "gy-ducha",
        password: "gy-ducha-demo-2026",
        role: Role::CityReviewer,
        jurisdiction: "5108",
        note: "广元市“后半篇”专项工作领导小组办公室（督查督办、核验销号）",
        org: Some("gy-office"),
    },
    DemoAccount {
        username: "gy-jiaotong",
        password: "gy-jiaotong-demo-2026",
        role: Role::Department,
        jurisdiction: "5108",
        note: "广元市交通运输局（牵头单位：报送进度）",
        org: Some("gy-transport"),
    },
    DemoAccount {
        username: "gy-bianban",
        password: "gy-bianban-demo-2026",
        role: Role::Department,
        jurisdiction: "5108",
        note: "中共广元市委编办（牵头单位：报送进度）",
        org: Some("gy-staffing"),
    },
    DemoAccount {
        username: "cangxi-jiaotong",
        password: "cangxi-jiaotong-demo-2026",
        role: Role::Department,
        jurisdiction: "510824",
        note: "苍溪县交通运输局（县级事项：报送进度）",
        org: Some("510824-transport"),
    },
    DemoAccount {
        username: "guest",
        password: "guest-demo-2026",
        role: Role::Viewer,
        jurisdiction: "130634",
        note: "查看（只读）",
        org: None,
    },
];

/// Stores the demo county's schematic village boundaries unless some are stored already.
fn ensure_demo_boundaries(store: &Store, demo: Option<&Demo>) -> Result<(), ServerError> {
    let county = quhua_demo::county_code().to_string();
    if store
        .boundary_sets()?
        .iter()
        .any(|s| s.set.county == county)
    {
        return Ok(());
    }
    let loaded;
    let demo = match demo {
        Some(d) => d,
        None => {
            loaded = Demo::load().map_err(|e| ServerError::Demo(e.to_string()))?;
            &loaded
        }
    };
    let app = quhua_app::App::new(store.clone()).map_err(|e| ServerError::Demo(e.to_string()))?;
    let operator = quhua_app::access::Actor::operator("quhua-demo");
    quhua_app::boundaries::store_demo(&app, &operator, demo)
        .map_err(|e| ServerError::Demo(e.to_string()))?;
    Ok(())
}

/// Prepares the demo database at `db_url`; returns whether the registry was imported now.
pub fn prepare(db_url: &str, params: &HashParams) -> Result<bool, ServerError> {
    let store = Store::open(db_url)?;
    let mut imported = false;
    if store.load_registry()?.is_none() {
        let demo = Demo::load().map_err(|e| ServerError::Demo(e.to_string()))?;
        let meta = ImportMeta::from_bytes(
            "quhua serve --demo",
            "quhua-demo: 曲阳县 130634（代码真实，数据与边界为示意）",
            quhua_demo::SAMPLE_SCENARIO.as_bytes(),
        );
        store.save_registry_import(&demo.registry, &meta)?;
        ensure_demo_boundaries(&store, Some(&demo))?;
        let mut sample = Demo::sample_scenario().map_err(|e| ServerError::Demo(e.to_string()))?;
        // Drafted on the registry as imported: loading it after a change says so.
        sample.base_date = Some(quhua_app::county::latest_date(&demo.registry).to_string());
        store.create(&sample, "quhua-demo")?;
        let mut approved = None;
        for (plan, is_approved) in [
            (plans::in_progress(quhua_demo::SAMPLE_SCENARIO), false),
            (plans::approved(quhua_demo::SAMPLE_SCENARIO), true),
        ] {
            let plan = plan.map_err(ServerError::Demo)?;
            let id = store.create(&plan, "quhua-demo")?;
            if is_approved {
                approved = Some(id);
            }
        }
        // The approved plan's handover, filled with the synthetic (示意) data set.
        if let Some(id) = approved {
            let app =
                quhua_app::App::new(store.clone()).map_err(|e| ServerError::Demo(e.to_string()))?;
            let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 10).unwrap_or_default();
            let operator = quhua_app::access::Actor::operator("quhua-demo");
            quhua_app::handover::seed_demo(&app, &operator, id, day)
                .map_err(|e| ServerError::Demo(e.to_string()))?;
            // Ten years of township statistics (示意) for the evaluation's series.
            quhua_app::stats::seed_demo_observations(&app, &operator)
                .map_err(|e| ServerError::Demo(e.to_string()))?;
            // 后半篇: the approved plan's statutory and handover tasks (示意 progress).
            quhua_app::followup::seed_demo(
                &app,
                &operator,
                Some(id),
                quhua_app::followup::DEMO_UNTIL,
            )
            .map_err(|e| ServerError::Demo(e.to_string()))?;
        }
        // The village adjustment draft (村级建制调整示意方案), next to the township scheme.
        let mut village = Demo::village_scenario().map_err(|e| ServerError::Demo(e.to_string()))?;
        village.base_date = Some(quhua_app::county::latest_date(&demo.registry).to_string());
        store.create(&village, "quhua-demo")?;
        imported = true;
    }
    // A demo database made before boundaries were stored gets its schematic polygons now.
    ensure_demo_boundaries(&store, None)?;
    store.add_organisations(
        &quhua_workflow::org::Organisation::county_set("130634", "曲阳县"),
        "quhua-demo",
    )?;
    // 后半篇: the seed city plan's 24 tasks with synthetic (示意) progress (also into a demo
    // database made before the follow-up registers existed).
    {
        let app =
            quhua_app::App::new(store.clone()).map_err(|e| ServerError::Demo(e.to_string()))?;
        let operator = quhua_app::access::Actor::operator("quhua-demo");
        quhua_app::followup::seed_demo(&app, &operator, None, quhua_app::followup::DEMO_UNTIL)
            .map_err(|e| ServerError::Demo(e.to_string()))?;
    }
    let accounts = AccountStore::new(store);
    for a in DEMO_ACCOUNTS {
        if accounts.find_user(a.username)?.is_none() {
            let j = Jurisdiction::parse(a.jurisdiction, a.role)
                .map_err(|(zh, en)| ServerError::Demo(format!("{zh} / {en}")))?;
            let hash = password::hash(a.password, params)?;
            accounts.create_user_in(a.username, &hash, a.role, &j, a.org)?;
        }
    }
    Ok(imported)
}
