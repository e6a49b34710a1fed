//! Exact apportionment: an amount split by integer weights so the parts sum to the whole.
//!
//! Largest-remainder (Hamilton) method on the fixed-point integer: each part gets the floor of
//! its exact share, and the units left over go to the largest remainders (ties to the earlier
//! part). Nothing is lost or created, whatever the weights.

use quhua_core::attr::Amount;

/// Splits `total` by `weights` (non-negative, not all zero) into parts summing to `total`.
/// With all weights zero, every part is zero except the first, which takes the whole.
///
/// ```
/// use quhua_core::attr::Amount;
/// let parts = quhua_stats::apportion::apportion(Amount(10), &[1, 1, 1]);
/// assert_eq!(parts, vec![Amount(4), Amount(3), Amount(3)]);
/// assert_eq!(parts.iter().copied().sum::<Amount>(), Amount(10));
/// ```
pub fn apportion(total: Amount, weights: &[i128]) -> Vec<Amount> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let den: i128 = weights.iter().map(|w| (*w).max(0)).sum();
    if den == 0 {
        let mut v = vec![Amount::ZERO; n];
        v[0] = total;
        return v;
    }
    let neg = total.0 < 0;
    let t = (total.0 as i128).abs();
    let mut parts: Vec<i128> = Vec::with_capacity(n);
    let mut rems: Vec<(i128, usize)> = Vec::with_capacity(n);
    let mut given = 0i128;
    for (i, w) in weights.iter().enumerate() {
        let prod = t * (*w).max(0);
        let q = prod / den;
        parts.push(q);
        rems.push((prod % den, i));
        given += q;
    }
    let mut left = t - given;
    if left > 0 {
        // Largest remainder first; ties to the earlier part.
        rems.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in rems {
            if left == 0 {
                break;
            }
            parts[i] += 1;
            left -= 1;
        }
    }
    parts
        .into_iter()
        .map(|p| Amount(if neg { -p } else { p } as i64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_sum_to_whole() {
        for total in [-7i64, 0, 1, 9, 10_001, 123_456_789] {
            for w in [vec![1, 2, 3], vec![0, 5], vec![7], vec![3, 3, 3, 1]] {
                let p = apportion(Amount(total), &w);
                assert_eq!(
                    p.iter().copied().sum::<Amount>(),
                    Amount(total),
                    "{total} {w:?}"
                );
            }
        }
        assert_eq!(apportion(Amount(5), &[0, 0]), vec![Amount(5), Amount::ZERO]);
        assert_eq!(apportion(Amount(6), &[1, 2]), vec![Amount(2), Amount(4)]);
    }
}
