// The paced progress of a starting engine (src/engine/progress-pace.ts), on a clock the test moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paceProgress } from '../../../src/engine/progress-pace.ts';
import type { ProgressEvent } from '../../../src/engine/types.ts';

/** A pacer of 100 ms on a clock the test sets (`clock.now`), and the events it lets through. */
function pacedOnClock() {
  const clock = { now: 0 };
  const seen: ProgressEvent[] = [];
  const paced = paceProgress(
    (e) => seen.push(e),
    100,
    () => clock.now,
  );
  return { clock, seen, paced };
}

test('one progress event per file and interval; the first, the complete one and other kinds always pass', () => {
  const { clock, seen, paced } = pacedOnClock();
  const chunk = (file: string, loaded: number) => paced({ status: 'progress', file, loaded, total: 1000 });
  paced({ status: 'initiate', file: 'a' });
  chunk('a', 10); // the first: passes
  clock.now = 40;
  chunk('a', 20); // 40 ms after the last shown: dropped
  chunk('b', 5); // another file's first: passes
  clock.now = 99;
  chunk('a', 30); // dropped
  clock.now = 100;
  chunk('a', 40); // 100 ms: passes
  clock.now = 120;
  chunk('a', 1000); // all bytes in: passes however soon
  paced({ status: 'done', file: 'a' });
  const ready = { status: 'ready', model: { name: 'm' } } as unknown as ProgressEvent;
  paced(ready);
  assert.deepEqual(
    seen.map((e) => [e.status, 'file' in e ? e.file : '', 'loaded' in e ? e.loaded : '']),
    [
      ['initiate', 'a', ''],
      ['progress', 'a', 10],
      ['progress', 'b', 5],
      ['progress', 'a', 40],
      ['progress', 'a', 1000],
      ['done', 'a', ''],
      ['ready', '', ''],
    ],
  );
});

test('a file of unknown size is paced too, and its complete last event passes', () => {
  const { clock, seen, paced } = pacedOnClock();
  const chunk = (loaded: number, total: number) => paced({ status: 'progress', file: 'w', loaded, total });
  chunk(10, 0); // the first: passes
  clock.now = 10;
  chunk(20, 0); // unknown size, 10 ms later: dropped
  chunk(30, 0);
  clock.now = 20;
  chunk(30, 30); // all in: passes
  assert.deepEqual(
    seen.map((e) => (e.status === 'progress' ? [e.loaded, e.total] : [])),
    [
      [10, 0],
      [30, 30],
    ],
  );
});
