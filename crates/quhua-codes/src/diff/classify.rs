//! Turning a matched pair, or a left-over entry, into a proposed event with
//! its confidence and evidence (the table in the parent module's docs).

use super::ChangeKind;
use super::context::{Ctx, Draft, Evidence, Tier, group_of, range_en, range_zh, round2};
use super::items::{Item, type_change};
use super::names;
use crate::code::Level;
use crate::kind::TownshipKind;

impl Ctx<'_> {
    /// Classifies a matched pair at a tier.
    pub(super) fn pair(&self, o: &Item, n: &Item, tier: Tier) -> Draft {
        let (oc, nc) = (o.code(), n.code());
        let (on, nn) = (&o.entry.name, &n.entry.name);
        let (szh, sen) = self.scope(oc);
        let stem = &o.name.stem;
        let mut ev = Evidence::default();
        // Kind change with both kinds read from the names.
        let certain_change = match (o.kind, n.kind) {
            (Some(a), Some(b)) if a.from_name && b.from_name && a.class() != b.class() => {
                Some((a, b))
            }
            _ => None,
        };
        // Kind change where a kind only comes from the code range.
        let range_change = matches!(
            (o.kind, n.kind),
            (Some(a), Some(b)) if a.class() != b.class() && !(a.from_name && b.from_name)
        );
        let (kind, confidence) = match tier {
            Tier::SameCodeSameStem => {
                ev.push(
                    format!(
                        "{szh}同码{}，名称主干“{stem}”相同（“{on}”→“{nn}”）",
                        self.local(oc)
                    ),
                    format!(
                        "{sen}, same code {}, same stem “{stem}” (“{on}” → “{nn}”)",
                        self.local(oc)
                    ),
                );
                if let Some((a, b)) = certain_change {
                    Self::kind_change(a, b, &mut ev);
                    ev.push(
                        "但代码未变（按规则建制变更应废旧码、在新类型号段编新码，可能为发布机构差异）",
                        "but the code was kept (a change of kind should retire the code and take one in the new kind's range; possibly a publisher difference)",
                    );
                    (type_change(a.class(), b.class()), 0.60)
                } else if range_change {
                    ev.push(
                        "一方类型只能由号段推断，可能仅为发布机构写法差异",
                        "one side's kind is known only from the code range; probably just a publisher's way of writing the name",
                    );
                    (ChangeKind::Renamed, 0.70)
                } else {
                    ev.push(
                        "仅后缀或民族名写法不同",
                        "only the suffix or ethnic-group part differs",
                    );
                    (ChangeKind::Renamed, 0.95)
                }
            }
            Tier::SameName => {
                ev.push(
                    format!(
                        "{szh}同名“{on}”，代码由{}变为{}",
                        self.local(oc),
                        self.local(nc)
                    ),
                    format!(
                        "{sen}, same name “{on}”, code {} → {}",
                        self.local(oc),
                        self.local(nc)
                    ),
                );
                self.describe_moved_codes(o, n, &mut ev);
                (ChangeKind::Recoded, 0.90)
            }
            Tier::SameStem | Tier::CloseStem => {
                let close = tier == Tier::CloseStem;
                if close {
                    ev.push(
                        format!("{szh}名称主干仅差一字（“{on}”→“{nn}”）",),
                        format!("{sen}, stems one character apart (“{on}” → “{nn}”)"),
                    );
                } else {
                    ev.push(
                        format!("{szh}名称主干“{stem}”相同（“{on}”→“{nn}”）"),
                        format!("{sen}, same stem “{stem}” (“{on}” → “{nn}”)"),
                    );
                }
                let base = if close { 0.60 } else { 0.80 };
                if let Some((a, b)) = certain_change {
                    Self::kind_change(a, b, &mut ev);
                    let bonus = self.type_change_checks(o, n, &mut ev);
                    (type_change(a.class(), b.class()), base + bonus)
                } else {
                    ev.push(
                        format!("建制未变，代码由{}变为{}", self.local(oc), self.local(nc)),
                        format!("same kind, code {} → {}", self.local(oc), self.local(nc)),
                    );
                    self.describe_moved_codes(o, n, &mut ev);
                    (ChangeKind::Recoded, base)
                }
            }
            Tier::SameCodeCloseStem | Tier::SameCode => {
                let close = tier == Tier::SameCodeCloseStem;
                if close {
                    ev.push(
                        format!("{szh}同码{}，名称仅差一字（“{on}”→“{nn}”）", self.local(oc)),
                        format!(
                            "{sen}, same code {}, names one character apart (“{on}” → “{nn}”)",
                            self.local(oc)
                        ),
                    );
                } else {
                    ev.push(
                        format!("{szh}同码{}，名称由“{on}”改为“{nn}”", self.local(oc)),
                        format!("{sen}, same code {}, name “{on}” → “{nn}”", self.local(oc)),
                    );
                    ev.push(
                        "未找到按名称或名称主干更好的配对",
                        "no better pairing by name or stem was found",
                    );
                }
                if let Some((a, b)) = certain_change {
                    Self::kind_change(a, b, &mut ev);
                    ev.push(
                        "代码未随建制变更，名称也不同，须核对",
                        "the code was kept across a change of kind and the name differs; needs checking",
                    );
                    (
                        type_change(a.class(), b.class()),
                        if close { 0.50 } else { 0.40 },
                    )
                } else if close {
                    (ChangeKind::Renamed, 0.90)
                } else {
                    let ratio = names::shared_ratio(
                        &o.name.stem.chars().collect::<Vec<_>>(),
                        &n.name.stem.chars().collect::<Vec<_>>(),
                    );
                    if ratio >= 0.5 {
                        ev.push(
                            "名称主干有一半以上的字相同",
                            "the stems share at least half their characters",
                        );
                        (ChangeKind::Renamed, 0.70)
                    } else {
                        ev.push("名称差异较大", "the names differ substantially");
                        (ChangeKind::Renamed, 0.60)
                    }
                }
            }
        };
        Draft {
            kind,
            confidence: round2(confidence),
            evidence: ev,
        }
    }

    /// For a unit that moved to another code: what the old code carries now
    /// and what the new code carried before (a permutation or renumbering).
    pub(super) fn describe_moved_codes(&self, o: &Item, n: &Item, ev: &mut Evidence) {
        let (oc, nc) = (o.code(), n.code());
        match self.new.by_code.get(&oc) {
            Some(&j) => ev.push(
                format!(
                    "旧码{}在新表中为“{}”（码位互换或重排）",
                    self.local(oc),
                    self.new.items[j].entry.name
                ),
                format!(
                    "old code {} carries \"{}\" in the new list (codes swapped or renumbered)",
                    self.local(oc),
                    self.new.items[j].entry.name
                ),
            ),
            None => ev.push(
                format!("旧码{}在新表中停用", self.local(oc)),
                format!("old code {} is unused in the new list", self.local(oc)),
            ),
        }
        if let Some(&i) = self.old.by_code.get(&nc) {
            ev.push(
                format!(
                    "新码{}在旧表中为“{}”",
                    self.local(nc),
                    self.old.items[i].entry.name
                ),
                format!(
                    "new code {} carried \"{}\" in the old list",
                    self.local(nc),
                    self.old.items[i].entry.name
                ),
            );
        }
    }

    /// Step 7: a one-to-one left-over type change.
    pub(super) fn leftover_type_change(&self, o: &Item, n: &Item) -> Option<Draft> {
        let (a, b) = (o.kind?, n.kind?);
        if !(a.from_name && b.from_name) {
            return None;
        }
        let kind = type_change(a.class(), b.class());
        if !kind.is_type_change() || !b.kind.range().numbers().contains(&n.code().township_seq()) {
            return None;
        }
        let (szh, sen) = self.scope(o.code());
        let (on, nn) = (&o.entry.name, &n.entry.name);
        let mut ev = Evidence::default();
        ev.push(
            format!(
                "{szh}旧{}“{on}”与新{}“{nn}”是该县仅余的一对{}→{}候选",
                a.kind.zh(),
                b.kind.zh(),
                a.kind.zh(),
                b.kind.zh()
            ),
            format!(
                "{sen}: old {} “{on}” and new {} “{nn}” are the county's only remaining {}→{} pair",
                a.kind.en(),
                b.kind.en(),
                a.kind.en(),
                b.kind.en()
            ),
        );
        let bonus = self.type_change_checks(o, n, &mut ev);
        ev.push(
            format!("但名称也变了（主干“{}”→“{}”），可能是{}同时更名，须核对批文", o.name.stem, n.name.stem, kind.zh()),
            format!(
                "but the name changed too (stem “{}” → “{}”): possibly a {} combined with a rename; check the approval",
                o.name.stem,
                n.name.stem,
                kind.en()
            ),
        );
        Some(Draft {
            kind,
            confidence: round2(0.40 + bonus),
            evidence: ev,
        })
    }

    /// Step 8: the same name in another county of the same city.
    pub(super) fn transfer(&self, o: &Item, n: &Item) -> Draft {
        let (oc, nc) = (o.code(), n.code());
        let (op, np) = (group_of(oc), group_of(nc));
        let city = group_of(op);
        let name = &o.entry.name;
        let (parent_zh, parent_en) = if oc.level() == Level::Township {
            ("县", "counties")
        } else {
            ("上级", "parents")
        };
        let mut ev = Evidence::default();
        ev.push(
            format!("同属{city}的两个{parent_zh}各有一个同名“{name}”：旧码{oc}属{op}，新码{nc}属{np}"),
            format!("same name “{name}” in two {parent_en} of {city}: old code {oc} under {op}, new code {nc} under {np}"),
        );
        ev.push(
            "可能为隶属关系变更（按规则应废旧码、编新码），也可能是两个不同单位",
            "possibly a change of parent (which retires the old code and creates a new one), or two different units",
        );
        Draft {
            kind: ChangeKind::Other,
            confidence: 0.50,
            evidence: ev,
        }
    }

    /// Step 9: an old unit that matched nothing.
    pub(super) fn abolished(&self, o: &Item, revoked_in_new: bool) -> Draft {
        let oc = o.code();
        let (szh, sen) = self.scope(oc);
        let mut ev = Evidence::default();
        ev.push(
            format!(
                "旧表有“{}”（{}），新表{szh}未找到可与之配对的条目（同码、同名、同名称主干或一对一的建制变更）",
                o.entry.name,
                self.local(oc)
            ),
            format!(
                "“{}” ({}) is in the old list; nothing in the new list ({sen}) pairs with it (same code, name, stem, or a one-to-one change of kind)",
                o.entry.name,
                self.local(oc)
            ),
        );
        if let Some(&j) = self.new.by_code.get(&oc) {
            let other = &self.new.items[j].entry.name;
            ev.push(
                format!(
                    "其代码{}在新表中为“{other}”，该条目已另行配对",
                    self.local(oc)
                ),
                format!(
                    "its code {} carries “{other}” in the new list, paired elsewhere",
                    self.local(oc)
                ),
            );
        }
        let confidence = if revoked_in_new {
            ev.push("新表将其标注为撤销", "the new list marks it revoked");
            0.90
        } else {
            Self::coverage_note(o, &mut ev)
        };
        Draft {
            kind: ChangeKind::Abolished,
            confidence,
            evidence: ev,
        }
    }

    /// Step 9: a new unit that matched nothing.
    pub(super) fn established(&self, n: &Item) -> Draft {
        let nc = n.code();
        let (szh, sen) = self.scope(nc);
        let mut ev = Evidence::default();
        ev.push(
            format!(
                "新表有“{}”（{}），旧表{szh}未找到可与之配对的条目（同码、同名、同名称主干或一对一的建制变更）",
                n.entry.name,
                self.local(nc)
            ),
            format!(
                "“{}” ({}) is in the new list; nothing in the old list ({sen}) pairs with it (same code, name, stem, or a one-to-one change of kind)",
                n.entry.name,
                self.local(nc)
            ),
        );
        if let Some(&i) = self.old.by_code.get(&nc) {
            let other = &self.old.items[i].entry.name;
            ev.push(
                format!(
                    "其代码{}在旧表中为“{other}”，该条目已另行配对",
                    self.local(nc)
                ),
                format!(
                    "its code {} carried “{other}” in the old list, paired elsewhere",
                    self.local(nc)
                ),
            );
        }
        let mut confidence = Self::coverage_note(n, &mut ev);
        if let Some(kind) = n.kind {
            let range = kind.kind.range();
            if let Some(prev) = self.next_free(nc, range, nc.township_seq()) {
                confidence += 0.10;
                let (rzh, ren) = (range_zh(range), range_en(range));
                let (zh_prev, en_prev) = match prev {
                    Some(m) => (
                        format!("（原最大{m:03}）"),
                        format!(" (previous maximum {m:03})"),
                    ),
                    None => (
                        "（此前该号段无代码）".to_string(),
                        " (the range was empty)".to_string(),
                    ),
                };
                ev.push(
                    format!("新码为该县{rzh}号段下一个空号{zh_prev}"),
                    format!("the new code is the county's next free {ren} number{en_prev}"),
                );
            }
        }
        Draft {
            kind: ChangeKind::Established,
            confidence: round2(confidence),
            evidence: ev,
        }
    }

    /// The caveat for a unit found in one list only, and the base confidence:
    /// 0.50 for 类似乡级单位 (which 民政 lists leave out), else 0.60.
    fn coverage_note(item: &Item, ev: &mut Evidence) -> f64 {
        if item.kind.is_some_and(|k| k.kind == TownshipKind::Similar) {
            ev.push(
                "类似乡级单位（开发区、农场等）不由民政部门确认，常只见于统计局名单",
                "township-like units (development zones, farms …) are not recognised by the civil-affairs authorities and often appear only in NBS lists",
            );
            0.50
        } else {
            ev.push(
                "若两表出自不同发布机构或年份，也可能只是收录口径不同",
                "if the lists come from different publishers or years, it may only be a difference in coverage",
            );
            0.60
        }
    }
}
