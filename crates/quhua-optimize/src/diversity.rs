//! Diversity among schemes.
//!
//! The distance between two partitions is the fraction of units whose region
//! is *composed differently* in the two schemes: unit `u` counts as unchanged
//! when the set of units sharing its region is identical in both. It is what
//! a planner reads as "x % of townships end up in a different merger", is 0
//! exactly for identical partitions (up to relabelling) and costs O(n).

use crate::problem::EXCLUDED;

/// Fraction of units whose co-membership set differs between `a` and `b`
/// (both canonical or not; labels are irrelevant). Lengths must match.
pub fn difference(a: &[u32], b: &[u32]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    let pa = a
        .iter()
        .filter(|&&r| r != EXCLUDED)
        .map(|&r| r as usize + 1)
        .max()
        .unwrap_or(0);
    let pb = b
        .iter()
        .filter(|&&r| r != EXCLUDED)
        .map(|&r| r as usize + 1)
        .max()
        .unwrap_or(0);
    let mut size_a = vec![0u32; pa];
    let mut size_b = vec![0u32; pb];
    let mut first_b = vec![EXCLUDED; pa];
    let mut cell = vec![0u32; pa];
    for u in 0..n {
        if a[u] != EXCLUDED {
            size_a[a[u] as usize] += 1;
        }
        if b[u] != EXCLUDED {
            size_b[b[u] as usize] += 1;
        }
    }
    for u in 0..n {
        if a[u] == EXCLUDED {
            continue;
        }
        let ra = a[u] as usize;
        if first_b[ra] == EXCLUDED {
            first_b[ra] = b[u];
        }
        if b[u] == first_b[ra] && b[u] != EXCLUDED {
            cell[ra] += 1;
        }
    }
    let mut same = 0usize;
    for u in 0..n {
        if a[u] == EXCLUDED && b[u] == EXCLUDED {
            same += 1;
            continue;
        }
        if a[u] == EXCLUDED || b[u] == EXCLUDED {
            continue;
        }
        let ra = a[u] as usize;
        if b[u] == first_b[ra] && cell[ra] == size_a[ra] && size_b[b[u] as usize] == size_a[ra] {
            same += 1;
        }
    }
    1.0 - same as f64 / n as f64
}

#[cfg(test)]
mod tests {
    use super::difference;

    #[test]
    fn relabel_is_identical() {
        assert_eq!(difference(&[0, 0, 1, 1], &[1, 1, 0, 0]), 0.0);
        assert_eq!(difference(&[0, 0, 1, 1], &[0, 1, 1, 1]), 1.0);
        assert_eq!(difference(&[0, 0, 1, 1, 2], &[0, 0, 1, 2, 2]), 0.6);
    }
}
