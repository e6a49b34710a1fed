//! quhua-workflow: the statutory procedure and the follow-up registers, as pure domain logic.
//!
//! - [`procedure`]: a plan (报批方案) through the steps of the 行政区划管理条例 (2018), with
//!   gating, consultation, returns for revision, approval and the statutory clocks;
//! - [`org`]: organisations (the county's departments, the leadership-group office, township
//!   governments, city and province) that accounts belong to and that steps and tasks name;
//! - [`handover`]: 实施, the handover after an approved scheme (quotas, cadres, 清产核资
//!   ledgers with exact conservation, service continuity, seals and archives);
//! - [`calendar`]: working days (weekends, the State Council's holiday arrangements as data);
//! - [`tasks`]: follow-up task supervision (督查督办): the task tree, targets, progress, the
//!   三色督办 lights, extensions, escalation, verified closure (销号), the board;
//! - [`risks`]: the risk register (风险清单) with verified resolution (化解销号);
//! - [`feedback`]: the public feedback register (12345热线, 留言, 来信来访), versioned, never
//!   deleted or hidden.
//!
//! Storage, authorization and rendering live elsewhere (quhua-store, quhua-app, the adapters).

pub mod calendar;
pub mod feedback;
pub mod handover;
pub mod org;
pub mod procedure;
pub mod risks;
pub mod tasks;

/// Test support: `e` has exactly these texts, the Chinese one has Chinese characters, the
/// English one has none, and `Display` is "zh / en".
#[cfg(test)]
pub(crate) fn assert_bilingual<E>(e: &E, zh: &str, en: &str)
where
    E: quhua_core::i18n::Bilingual + std::fmt::Display,
{
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let t = e.text();
    assert_eq!(t.zh, zh);
    assert_eq!(t.en, en);
    assert!(t.zh.chars().any(cjk), "not Chinese: {}", t.zh);
    assert!(!t.en.chars().any(cjk), "not English: {}", t.en);
    assert_eq!(e.to_string(), format!("{} / {}", t.zh, t.en));
}
