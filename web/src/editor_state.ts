// The editor's state changes as pure functions (no DOM, no network), so they are tested with
// node's test runner (test/editor_state.test.ts): undo and redo, the per-operation merge of a
// conflicting save, the locks 方案推荐 must honour and the ones an adopted scheme keeps.

import type { Operation } from './api';

/** Operations and the undone ones (the last undone last). */
export interface History { ops: Operation[]; redo: Operation[] }

/** Undoes the last operation (nothing to undo: unchanged). */
export function undo(h: History): History {
  const last = h.ops.at(-1);
  if (!last) return h;
  return { ops: h.ops.slice(0, -1), redo: [...h.redo, last] };
}

/** Redoes the last undone operation (nothing to redo: unchanged). */
export function redo(h: History): History {
  const op = h.redo.at(-1);
  if (!op) return h;
  return { ops: [...h.ops, op], redo: h.redo.slice(0, -1) };
}

/** A new operation: appended, and the undone ones can no longer be redone. */
export function push(h: History, ...ops: Operation[]): History {
  return { ops: [...h.ops, ...ops], redo: [] };
}

const key = (o: Operation): string => JSON.stringify(o);

/** One operation of the conflict view, ticked or not, and whether both versions have it. */
export interface ConflictItem { op: Operation; checked: boolean; same: boolean }

/**
 * The conflict view of a save that met another editor's version: theirs ticked, mine ticked
 * unless theirs already has the same operation (then it is marked the same, unticked, so it is
 * not applied twice).
 */
export function conflictItems(theirs: Operation[], mine: Operation[]): { theirs: ConflictItem[]; mine: ConflictItem[] } {
  const theirKeys = new Set(theirs.map(key));
  return {
    theirs: theirs.map((op) => ({ op, checked: true, same: false })),
    mine: mine.map((op) => ({ op, checked: !theirKeys.has(key(op)), same: theirKeys.has(key(op)) })),
  };
}

/** The merged operations: the ticked ones of theirs, in their order, then the ticked ones of mine. */
export function mergeVersions(theirs: Operation[], mine: Operation[], tickedTheirs: boolean[], tickedMine: boolean[]): Operation[] {
  return [...theirs.filter((_, i) => tickedTheirs[i]), ...mine.filter((_, i) => tickedMine[i])];
}

/** A base township as the editor knows it. */
export interface Township { code: string; name: string }

/** The base townships (codes) the operations lock, for 方案推荐 (a lock of a unit the base
 * does not have — a unit made by a merge — cannot be passed and is left out). */
export function lockedTownships(ops: Operation[], townships: Township[]): string[] {
  const codes = new Set(townships.map((t) => t.code));
  const byName = new Map(townships.map((t) => [t.name, t.code] as const));
  const out: string[] = [];
  for (const o of ops) {
    if (o.op !== 'lock') continue;
    for (const r of o.units) {
      const c = codes.has(r) ? r : byName.get(r);
      if (c !== undefined && !out.includes(c)) out.push(c);
    }
  }
  return out;
}

/** The operations of an adopted scheme: the editor's locks of base townships first (the
 * optimizer kept those whole), then the scheme's. */
export function adoptScheme(ops: Operation[], scheme: Operation[], townships: Township[]): Operation[] {
  const kept = new Set(lockedTownships(ops, townships));
  const byName = new Map(townships.map((t) => [t.name, t.code] as const));
  const isBase = (r: string) => kept.has(r) || kept.has(byName.get(r) ?? '');
  const locks = ops.filter((o) => o.op === 'lock' && o.units.every(isBase));
  return [...locks, ...scheme];
}

/** Toggles `codes` in the seed list (in, then out), keeping the order they were added in. */
export function toggleSeeds(seeds: string[], codes: string[]): string[] {
  let out = [...seeds];
  for (const c of codes) out = out.includes(c) ? out.filter((x) => x !== c) : [...out, c];
  return out;
}
