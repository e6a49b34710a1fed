//! Name handling for the diff: normalisation, revoked markers, name stems and
//! loose similarity.
//!
//! Official lists differ in how they write the same name: 民政 lists use
//! "…街道办事处" or "…地区" where NBS writes "…街道", full-width and ASCII
//! brackets are mixed, and revoked units may be kept with a "（撤销）" mark
//! (codes.md §4.2). Everything here is a pure function of the name.

/// Suffixes stripped to get a name's stem, longest first so that "街道办事处"
/// is removed whole. Only one suffix is removed.
const KIND_SUFFIXES: [(&str, bool); 12] = [
    // (suffix, is a 乡-type suffix after which ethnic-group names are stripped)
    ("街道办事处", false),
    ("地区办事处", false),
    ("街道地区", false),
    ("民族苏木", true),
    ("办事处", false),
    ("民族乡", true),
    ("区公所", false),
    ("街道", false),
    ("地区", false),
    ("苏木", true),
    ("乡", true),
    ("镇", false),
];

/// The 56 ethnic groups, as they appear in 民族乡 names (孙各庄满族乡,
/// 庙子沟蒙古族满族乡). Longer names first where one ends with another.
const ETHNIC_GROUPS: [&str; 56] = [
    "柯尔克孜族",
    "乌孜别克族",
    "维吾尔族",
    "哈萨克族",
    "达斡尔族",
    "俄罗斯族",
    "鄂伦春族",
    "鄂温克族",
    "塔吉克族",
    "塔塔尔族",
    "蒙古族",
    "朝鲜族",
    "布依族",
    "土家族",
    "哈尼族",
    "傈僳族",
    "拉祜族",
    "东乡族",
    "纳西族",
    "景颇族",
    "仫佬族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "德昂族",
    "保安族",
    "裕固族",
    "独龙族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "高山族",
    "回族",
    "藏族",
    "苗族",
    "彝族",
    "壮族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "傣族",
    "黎族",
    "佤族",
    "畲族",
    "水族",
    "土族",
    "羌族",
    "怒族",
    "京族",
    "汉族",
];

/// A name prepared for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PreparedName {
    /// Normalised full name: no whitespace, full-width brackets, revoked mark
    /// removed, "街道办事处" written "街道".
    pub norm: String,
    /// The name without its kind suffix (and ethnic-group names before 乡).
    pub stem: String,
    /// Whether the list marks the unit as revoked (…（撤销）, …（2021年撤销）).
    pub revoked: bool,
}

/// Normalises a name and splits off its stem.
pub(crate) fn prepare(name: &str) -> PreparedName {
    let mut norm: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            other => other,
        })
        .collect();
    let mut revoked = false;
    if let Some(open) = norm.rfind('（').filter(|_| norm.ends_with('）')) {
        let inner = &norm[open..];
        if inner.contains("撤销") || inner.contains("撤消") {
            revoked = true;
            norm.truncate(open);
        }
    }
    if let Some(head) = norm.strip_suffix("街道办事处") {
        norm = format!("{head}街道");
    }
    let stem = stem_of(&norm);
    PreparedName {
        norm,
        stem,
        revoked,
    }
}

/// The stem of a normalised name: 下河乡 → 下河, 小峡街道 → 小峡,
/// 孙各庄满族乡 → 孙各庄, 南磨房地区 → 南磨房. Names without a known
/// suffix (开发区, 农场 …) are their own stem. A stem is never empty.
pub(crate) fn stem_of(norm: &str) -> String {
    for (suffix, xiang) in KIND_SUFFIXES {
        let Some(mut head) = norm.strip_suffix(suffix) else {
            continue;
        };
        if head.is_empty() {
            return norm.to_string();
        }
        if xiang {
            'strip: loop {
                for group in ETHNIC_GROUPS {
                    match head.strip_suffix(group) {
                        Some(h) if !h.is_empty() => {
                            head = h;
                            continue 'strip;
                        }
                        _ => {}
                    }
                }
                break;
            }
        }
        return head.to_string();
    }
    norm.to_string()
}

/// Whether two stems differ by exactly one character (one substitution,
/// insertion or deletion), with both at least `min_len` characters long:
/// 岗面/冈面, 圪当店/圪垱店, 安才楼/安蔡楼.
pub(crate) fn one_char_apart(a: &[char], b: &[char], min_len: usize) -> bool {
    if a.len().min(b.len()) < min_len || a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(long).filter(|(x, y)| x != y).count() == 1,
        1 => {
            let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
            short[prefix..] == long[prefix + 1..]
        }
        _ => false,
    }
}

/// Share of characters the two stems have in common (multiset), relative to
/// the longer stem: 1.0 for anagrams, 0.0 for nothing in common.
pub(crate) fn shared_ratio(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 0.0;
    }
    let mut rest = b.to_vec();
    let mut common = 0usize;
    for c in a {
        if let Some(pos) = rest.iter().position(|x| x == c) {
            rest.swap_remove(pos);
            common += 1;
        }
    }
    common as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(stem_of("下河乡"), "下河");
        assert_eq!(stem_of("下河镇"), "下河");
        assert_eq!(stem_of("小峡街道"), "小峡");
        assert_eq!(stem_of("孙各庄满族乡"), "孙各庄");
        assert_eq!(stem_of("庙子沟蒙古族满族乡"), "庙子沟");
        assert_eq!(stem_of("满族屯满族乡"), "满族屯");
        assert_eq!(stem_of("恩和俄罗斯族民族乡"), "恩和");
        assert_eq!(stem_of("南磨房地区"), "南磨房");
        assert_eq!(stem_of("巴彦苏木"), "巴彦");
        assert_eq!(stem_of("经济开发区"), "经济开发区");
        assert_eq!(stem_of("乡"), "乡");
        // 回族乡 alone: stripping would leave nothing after the group name.
        assert_eq!(stem_of("回族乡"), "回族");
    }

    #[test]
    fn normalises_and_detects_revoked() {
        let p = prepare(" 东旺乡（已撤销）");
        assert!(p.revoked);
        assert_eq!(p.norm, "东旺乡");
        let p = prepare("东旺乡(2021年撤销)");
        assert!(p.revoked);
        assert_eq!(p.stem, "东旺");
        let p = prepare("保康街道办事处");
        assert!(!p.revoked);
        assert_eq!(p.norm, "保康街道");
        let p = prepare("某某（筹）");
        assert!(!p.revoked);
        assert_eq!(p.norm, "某某（筹）");
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn loose_similarity() {
        let apart = |a: &str, b: &str, n| one_char_apart(&chars(a), &chars(b), n);
        assert!(apart("岗面", "冈面", 2));
        assert!(!apart("岗面", "冈面", 3));
        assert!(apart("圪当店", "圪垱店", 3));
        assert!(apart("孙各庄", "孙各庄村", 3));
        assert!(apart("孙各庄村", "孙各庄", 3));
        assert!(apart("孙庄", "孙各庄", 2));
        assert!(!apart("东关", "东关", 2));
        assert!(!apart("郑庄子", "越河", 2));
        assert!(!apart("郑庄子", "郑庄子村镇", 2));
        assert!(shared_ratio(&chars("郑庄子"), &chars("越河")) < 0.01);
        let r = shared_ratio(&chars("安才楼"), &chars("安蔡楼"));
        assert!((r - 2.0 / 3.0).abs() < 1e-9);
    }
}
