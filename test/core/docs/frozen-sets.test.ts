/**
 * The frozen TEST sets stay frozen: every SHA-256 that test/fixtures/dialogues/README.md gives for
 * a set (a `sha256sum` line run from the repository root, or a row of the Chinese dialogues' table)
 * still matches the file. A changed test set makes its figures incomparable with the ones reported
 * before, so a change must be a new file with a new date, not an edit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const readmePath = join(root, 'test/fixtures/dialogues/README.md');

/** `[path from the repository root, sha256]` for every checksum the README pins. */
function pinnedChecksums(readme: string): [string, string][] {
  const pinned: [string, string][] = [];
  for (const line of readme.split('\n')) {
    const sumLine = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line.trim());
    if (sumLine) pinned.push([sumLine[2]!, sumLine[1]!]);
    const tableRow = /^\|\s*`([\w.-]+\.json)`\s*\|.*\|\s*`([0-9a-f]{64})`\s*\|$/.exec(line.trim());
    if (tableRow) pinned.push([`test/fixtures/dialogues/${tableRow[1]!}`, tableRow[2]!]);
  }
  return pinned;
}

test('every frozen set matches the SHA-256 its README pins', () => {
  const pinned = pinnedChecksums(readFileSync(readmePath, 'utf8'));
  const paths = pinned.map(([path]) => path);
  // The sets issues 13 and 15 are measured on; a README edit that dropped one would hide a change.
  for (const frozen of [
    'test/fixtures/dialogues/en-test.json',
    'test/fixtures/dialogues/zh-test.json',
    'test/fixtures/nlu/chatbox-en.json',
    'test/fixtures/nlu/chatbox-zh.json',
  ]) {
    assert.ok(paths.includes(frozen), `${frozen} has no pinned SHA-256 in the README`);
  }
  for (const [path, sha] of pinned) {
    const actual = createHash('sha256')
      .update(readFileSync(join(root, path)))
      .digest('hex');
    assert.equal(actual, sha, `${path} changed since it was frozen`);
  }
});
