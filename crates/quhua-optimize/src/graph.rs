//! Undirected adjacency graph in compressed sparse row (CSR) form.

use crate::error::PlanError;

/// Undirected simple graph over units `0..n` in CSR form: the neighbours of
/// `u` are `targets[offsets[u]..offsets[u + 1]]`, sorted, without self-loops
/// or duplicates. Every edge is stored in both directions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    offsets: Vec<usize>,
    targets: Vec<u32>,
}

impl Graph {
    /// Builds a graph from an undirected edge list. Self-loops and duplicate
    /// edges (in either orientation) are dropped. Fails if an endpoint is `>= n`.
    pub fn from_edges(n: usize, edges: &[(u32, u32)]) -> Result<Graph, PlanError> {
        if n > u32::MAX as usize - 2 {
            return Err(PlanError::param(
                "单元过多",
                "too many units for u32 indices",
            ));
        }
        let mut deg = vec![0usize; n + 1];
        for &(a, b) in edges {
            for x in [a, b] {
                if x as usize >= n {
                    return Err(PlanError::UnitOutOfRange {
                        field: "edges",
                        unit: x as u64,
                        n,
                    });
                }
            }
            if a != b {
                deg[a as usize] += 1;
                deg[b as usize] += 1;
            }
        }
        let mut offsets = vec![0usize; n + 1];
        for u in 0..n {
            offsets[u + 1] = offsets[u] + deg[u];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n]];
        for &(a, b) in edges {
            if a != b {
                targets[fill[a as usize]] = b;
                fill[a as usize] += 1;
                targets[fill[b as usize]] = a;
                fill[b as usize] += 1;
            }
        }
        Ok(Self::compact(n, offsets, targets))
    }

    /// Sorts and deduplicates every adjacency list in place.
    fn compact(n: usize, offsets: Vec<usize>, mut targets: Vec<u32>) -> Graph {
        let mut new_off = vec![0usize; n + 1];
        let mut w = 0usize;
        for u in 0..n {
            let (s, e) = (offsets[u], offsets[u + 1]);
            targets[s..e].sort_unstable();
            let mut last = u32::MAX;
            for i in s..e {
                let t = targets[i];
                if t != last {
                    targets[w] = t;
                    w += 1;
                    last = t;
                }
            }
            new_off[u + 1] = w;
        }
        targets.truncate(w);
        Graph {
            offsets: new_off,
            targets,
        }
    }

    /// Builds a graph from CSR arrays (`offsets.len() == n + 1`). The arrays are
    /// validated, symmetrised, sorted and deduplicated.
    pub fn from_csr(offsets: &[usize], targets: &[u32]) -> Result<Graph, PlanError> {
        if offsets.is_empty() || offsets[0] != 0 || offsets.windows(2).any(|w| w[0] > w[1]) {
            return Err(PlanError::param("CSR 偏移量无效", "invalid CSR offsets"));
        }
        let n = offsets.len() - 1;
        if offsets[n] != targets.len() {
            return Err(PlanError::param(
                "CSR 长度不一致",
                "CSR offsets do not match targets",
            ));
        }
        let mut edges = Vec::with_capacity(targets.len());
        for u in 0..n {
            for &t in &targets[offsets[u]..offsets[u + 1]] {
                edges.push((u as u32, t));
            }
        }
        Graph::from_edges(n, &edges)
    }

    /// Number of vertices.
    #[inline]
    pub fn n(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Sorted neighbours of `u`.
    #[inline]
    pub fn neighbors(&self, u: usize) -> &[u32] {
        &self.targets[self.offsets[u]..self.offsets[u + 1]]
    }

    /// Degree of `u`.
    #[inline]
    pub fn degree(&self, u: usize) -> usize {
        self.offsets[u + 1] - self.offsets[u]
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    /// All undirected edges `(a, b)` with `a < b`.
    pub fn edges(&self) -> Vec<(u32, u32)> {
        let mut out = Vec::with_capacity(self.edge_count());
        for u in 0..self.n() {
            for &v in self.neighbors(u) {
                if (u as u32) < v {
                    out.push((u as u32, v));
                }
            }
        }
        out
    }

    /// This graph plus `extra` edges (e.g. a planner attaching an island to a
    /// named neighbour).
    pub fn with_extra_edges(&self, extra: &[(u32, u32)]) -> Result<Graph, PlanError> {
        if extra.is_empty() {
            return Ok(self.clone());
        }
        let mut e = self.edges();
        e.extend_from_slice(extra);
        Graph::from_edges(self.n(), &e)
    }

    /// The subgraph keeping only edges for which `keep(a, b)` holds.
    pub fn filtered(&self, keep: impl Fn(u32, u32) -> bool) -> Graph {
        let n = self.n();
        let mut offsets = vec![0usize; n + 1];
        let mut targets = Vec::with_capacity(self.targets.len());
        for u in 0..n {
            for &v in self.neighbors(u) {
                if keep(u as u32, v) {
                    targets.push(v);
                }
            }
            offsets[u + 1] = targets.len();
        }
        Graph { offsets, targets }
    }

    /// Connected components: `(component id per vertex, number of components)`,
    /// ids in order of the lowest vertex.
    pub fn components(&self) -> (Vec<u32>, usize) {
        let n = self.n();
        let mut comp = vec![u32::MAX; n];
        let mut stack = Vec::new();
        let mut c = 0u32;
        for s in 0..n {
            if comp[s] != u32::MAX {
                continue;
            }
            comp[s] = c;
            stack.push(s as u32);
            while let Some(u) = stack.pop() {
                for &v in self.neighbors(u as usize) {
                    if comp[v as usize] == u32::MAX {
                        comp[v as usize] = c;
                        stack.push(v);
                    }
                }
            }
            c += 1;
        }
        (comp, c as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_and_symmetry() {
        let g = Graph::from_edges(4, &[(0, 1), (1, 0), (1, 2), (2, 2), (0, 1)]).unwrap();
        assert_eq!(g.neighbors(0), &[1]);
        assert_eq!(g.neighbors(1), &[0, 2]);
        assert_eq!(g.neighbors(3), &[] as &[u32]);
        assert_eq!(g.edge_count(), 2);
        let (c, k) = g.components();
        assert_eq!(k, 2);
        assert_eq!(c, vec![0, 0, 0, 1]);
        assert!(Graph::from_edges(2, &[(0, 5)]).is_err());
        let h = g.with_extra_edges(&[(2, 3)]).unwrap();
        assert_eq!(h.components().1, 1);
        let csr = Graph::from_csr(&[0, 1, 1], &[1]).unwrap();
        assert_eq!(csr.neighbors(1), &[0]);
    }
}
