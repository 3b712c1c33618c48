// The validator is the judge of the battery, so it is tested too: it must reject a wrong type, a
// missing required field, an undeclared field, a wrong tag and a misplaced union value.
// (No emulator needed; helpers are not imported.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FileMetadata, Metadata, RateLimitError, SpaceUsage, UploadError, WriteError, check, checkErrorBody,
} from './shapes.mjs';

const file = () => ({
  name: 'a.txt',
  path_lower: '/a.txt',
  path_display: '/a.txt',
  id: 'id:abcdefghijklmnopqrstuv',
  client_modified: '2024-01-02T03:04:05Z',
  server_modified: '2024-01-02T03:04:05Z',
  rev: '0123456789abcdef',
  size: 3,
  is_downloadable: true,
  content_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
});

test('a spec-exact FileMetadata passes, untagged and (as Metadata) tagged', () => {
  check(FileMetadata, file());
  check(Metadata, { '.tag': 'file', ...file() });
  check(Metadata, { '.tag': 'deleted', name: 'a.txt', path_lower: '/a.txt', path_display: '/a.txt' });
});

test('the validator rejects wrong shapes', () => {
  const bad = [
    ['size as string', { ...file(), size: '3' }],
    ['negative size', { ...file(), size: -1 }],
    ['fractional seconds', { ...file(), server_modified: '2024-01-02T03:04:05.123Z' }],
    ['short rev', { ...file(), rev: 'abc' }],
    ['uppercase rev', { ...file(), rev: '0123456789ABCDEF' }],
    ['missing id', (({ id, ...rest }) => rest)(file())],
    ['undeclared field', { ...file(), is_downloadble: true }],
    ['.tag on an untagged struct', { '.tag': 'file', ...file() }],
    ['short content_hash', { ...file(), content_hash: 'abc' }],
  ];
  for (const [label, value] of bad) {
    assert.throws(() => check(FileMetadata, value), assert.AssertionError, label);
  }
  assert.throws(() => check(Metadata, file()), assert.AssertionError, 'Metadata without .tag');
  assert.throws(() => check(Metadata, { '.tag': 'deleted', ...file() }), assert.AssertionError, 'deleted with an id');
  assert.throws(() => check(Metadata, { '.tag': 'symlink', ...file() }), assert.AssertionError, 'unknown subtype');
});

test('the validator rejects wrong unions', () => {
  check(WriteError, { '.tag': 'conflict', conflict: { '.tag': 'file' } });
  assert.throws(() => check(WriteError, { '.tag': 'conflict' }), assert.AssertionError, 'nested value missing');
  assert.throws(() => check(WriteError, { '.tag': 'conflict', conflict: { '.tag': 'dir' } }), assert.AssertionError);
  assert.throws(() => check(WriteError, { '.tag': 'insufficient_space', extra: 1 }), assert.AssertionError);
  assert.throws(() => check(WriteError, 'insufficient_space'), assert.AssertionError, 'bare string');
  // UploadError.path inlines UploadWriteFailed beside the tag; nesting it under "path" is wrong.
  check(UploadError, { '.tag': 'path', reason: { '.tag': 'insufficient_space' }, upload_session_id: 's' });
  assert.throws(() => check(UploadError, { '.tag': 'path', path: { reason: { '.tag': 'insufficient_space' }, upload_session_id: 's' } }), assert.AssertionError);
  assert.throws(() => check(SpaceUsage, { used: 1, allocation: { '.tag': 'individual', individual: { allocated: 2 } } }), assert.AssertionError);
  assert.throws(() => check(RateLimitError, { reason: 'too_many_requests', retry_after: 1 }), assert.AssertionError);
  assert.throws(() => checkErrorBody(WriteError, { error: { '.tag': 'insufficient_space' } }), assert.AssertionError, 'no error_summary');
  assert.throws(() => checkErrorBody(WriteError, { error_summary: 'other/..', error: { '.tag': 'insufficient_space' } }, ['insufficient_space']), assert.AssertionError);
});
