//! The built-in policies and the resolver that gives each county its own province's policy.

use super::Policy;
use quhua_codes::{DivisionCode, Level};

/// The built-in policies: (id, TOML text). `default` is the national reference; the others
/// carry their province's 2-digit code in `meta.province_code`.
pub const BUILTIN: [(&str, &str); 5] = [
    ("default", include_str!("../../policies/default.toml")),
    ("hebei", include_str!("../../policies/hebei.toml")),
    ("zhejiang", include_str!("../../policies/zhejiang.toml")),
    ("hunan", include_str!("../../policies/hunan.toml")),
    ("sichuan", include_str!("../../policies/sichuan.toml")),
];

/// The policy a county is checked against, and whether it is its own province's.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyChoice {
    /// Built-in id (`hebei`, `default` …).
    pub id: &'static str,
    /// The policy.
    pub policy: Policy,
    /// True when the policy is the county's own province's; false for the national fallback.
    pub own_province: bool,
}

impl Policy {
    /// A built-in policy by id (`default`, `hebei`, `zhejiang`, `hunan`, `sichuan`).
    pub fn builtin(id: &str) -> Option<Policy> {
        BUILTIN
            .iter()
            .find(|(k, _)| *k == id)
            .and_then(|(_, t)| Policy::from_toml(t).ok())
    }

    /// The ids of the built-in policies, the national reference first.
    pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(id, _)| *id)
    }

    /// The national reference policy: national texts only, no province's standard.
    pub fn default_policy() -> Policy {
        match Policy::from_toml(BUILTIN[0].1) {
            Ok(p) => p,
            Err(e) => panic!("built-in default policy is invalid: {e}"),
        }
    }

    /// The policy for a province by its 2-digit code (`13` 河北, `33` 浙江, `43` 湖南,
    /// `51` 四川 …), falling back to the national reference.
    ///
    /// ```
    /// use quhua_core::policy::Policy;
    /// let hebei = Policy::for_province("13");
    /// assert_eq!((hebei.id, hebei.own_province), ("hebei", true));
    /// let other = Policy::for_province("65");
    /// assert_eq!((other.id, other.own_province), ("default", false));
    /// ```
    pub fn for_province(code: &str) -> PolicyChoice {
        let code = code.trim();
        let code = code.get(..2).unwrap_or(code);
        for (id, text) in BUILTIN.iter().skip(1) {
            if let Ok(p) = Policy::from_toml(text)
                && p.meta.province_code.as_deref() == Some(code)
            {
                return PolicyChoice {
                    id,
                    policy: p,
                    own_province: true,
                };
            }
        }
        PolicyChoice {
            id: BUILTIN[0].0,
            policy: Policy::default_policy(),
            own_province: false,
        }
    }

    /// The policy for the province a county (or any unit) lies in.
    ///
    /// ```
    /// use quhua_core::{DivisionCode, policy::Policy};
    /// let quyang = DivisionCode::parse("130634").unwrap();
    /// assert_eq!(Policy::for_county(quyang).id, "hebei");
    /// ```
    pub fn for_county(code: DivisionCode) -> PolicyChoice {
        let p = code.prefix(Level::Province).to_string();
        Policy::for_province(&p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_province_policy_resolves_to_itself() {
        for (id, _) in BUILTIN.iter().skip(1) {
            let p = Policy::builtin(id).expect("parses");
            let code = p.meta.province_code.clone().expect("a province code");
            let got = Policy::for_province(&code);
            assert_eq!(got.id, *id);
            assert!(got.own_province);
            assert_eq!(got.policy, p);
        }
        // 9-digit and 6-digit codes give the same answer as the province prefix.
        assert_eq!(Policy::for_province("430124").id, "hunan");
        assert_eq!(Policy::for_province("330106001").id, "zhejiang");
        assert_eq!(Policy::for_province("51").id, "sichuan");
        let none = Policy::for_province("37");
        assert_eq!(none.id, "default");
        assert!(!none.own_province);
    }
}
