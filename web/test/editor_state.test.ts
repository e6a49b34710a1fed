// Unit tests of the editor's state (src/editor_state.ts) with node's test runner; built by
// esbuild first: `npm run test:unit`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Operation } from '../src/api';
import { adoptScheme, conflictItems, lockedTownships, mergeVersions, push, redo, toggleSeeds, undo } from '../src/editor_state';

const merge = (a: string, into: string): Operation => ({ op: 'merge', units: [a], into });
const lock = (...units: string[]): Operation => ({ op: 'lock', units });
const towns = [{ code: '130634100', name: '恒州镇' }, { code: '130634101', name: '灵山镇' }, { code: '130634112', name: '党城镇' }];

test('undo and redo walk back and forth; a new operation clears redo', () => {
  let h = push({ ops: [], redo: [] }, merge('a', 'b'), merge('c', 'd'));
  h = undo(h);
  assert.deepEqual(h.ops, [merge('a', 'b')]);
  assert.deepEqual(h.redo, [merge('c', 'd')]);
  h = undo(h);
  assert.deepEqual(h, { ops: [], redo: [merge('c', 'd'), merge('a', 'b')] });
  assert.deepEqual(undo(h), h, 'nothing to undo');
  h = redo(h);
  assert.deepEqual(h.ops, [merge('a', 'b')]);
  h = push(h, lock('x'));
  assert.deepEqual(h.redo, [], 'a new operation clears redo');
  assert.deepEqual(redo(h), h, 'nothing to redo');
});

test('a conflict keeps theirs, adds mine once, and merges in order', () => {
  const theirs = [merge('a', 'b'), lock('c')];
  const mine = [merge('a', 'b'), merge('e', 'f')];
  const v = conflictItems(theirs, mine);
  assert.deepEqual(v.theirs.map((i) => i.checked), [true, true]);
  assert.deepEqual(v.mine.map((i) => [i.checked, i.same]), [[false, true], [true, false]]);
  const merged = mergeVersions(theirs, mine, v.theirs.map((i) => i.checked), v.mine.map((i) => i.checked));
  assert.deepEqual(merged, [merge('a', 'b'), lock('c'), merge('e', 'f')], 'nothing of theirs is lost');
  assert.deepEqual(mergeVersions(theirs, mine, [false, true], [true, true]), [lock('c'), merge('a', 'b'), merge('e', 'f')]);
});

test('locks passed to 方案推荐 are base townships, by code or name, once', () => {
  const ops = [lock('恒州镇'), merge('党城镇', '灵山镇'), lock('130634100', '新镇'), lock('130634112')];
  assert.deepEqual(lockedTownships(ops, towns), ['130634100', '130634112']);
  assert.deepEqual(lockedTownships([], towns), []);
});

test('an adopted scheme keeps the locks of base townships before its own operations', () => {
  const ops = [merge('党城镇', '灵山镇'), lock('恒州镇'), lock('新镇')];
  const scheme = [merge('130634112', '130634101')];
  assert.deepEqual(adoptScheme(ops, scheme, towns), [lock('恒州镇'), ...scheme]);
  assert.deepEqual(adoptScheme([], scheme, towns), scheme);
});

test('seeds toggle in and out, in the order added', () => {
  let s = toggleSeeds([], ['a', 'b']);
  assert.deepEqual(s, ['a', 'b']);
  s = toggleSeeds(s, ['a', 'c']);
  assert.deepEqual(s, ['b', 'c']);
});
