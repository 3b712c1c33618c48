// files/list_folder (+continue, get_latest_cursor, longpoll) and search_v2 (+continue_v2).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, admin, clientFor, dbxError, resetEmulator, sleep, wireLog } from './helpers.mjs';
import {
  ListFolderContinueError, ListFolderError, ListFolderGetLatestCursorResult, ListFolderLongpollError,
  ListFolderLongpollResult, ListFolderResult, SearchError, SearchV2Result, check, checkErrorBody,
} from './shapes.mjs';

let dbx;
before(async () => {
  await resetEmulator();
  dbx = await clientFor(ALICE);
  for (const name of ['a.txt', 'b.txt', 'c.md', 'sub/d.txt', 'sub/deeper/e.txt']) {
    await dbx.filesUpload({ path: `/List/${name}`, contents: Buffer.from(`content of ${name}`) });
  }
});

async function listAll(first) {
  const pages = [first];
  let page = first;
  while (page.has_more) {
    page = (await dbx.filesListFolderContinue({ cursor: page.cursor })).result;
    check(ListFolderResult, page, 'ListFolderResult(continue)');
    pages.push(page);
  }
  return { entries: pages.flatMap((p) => p.entries), cursor: page.cursor, pages: pages.length };
}

test('files/list_folder: direct children, tagged Metadata, paging with limit through continue', async () => {
  const first = (await dbx.filesListFolder({ path: '/List', limit: 2 })).result;
  check(ListFolderResult, first, 'ListFolderResult');
  assert.equal(first.entries.length, 2);
  assert.equal(first.has_more, true);
  const all = await listAll(first);
  assert.ok(all.pages >= 2);
  assert.deepEqual(all.entries.map((e) => e.path_lower).sort(), ['/list/a.txt', '/list/b.txt', '/list/c.md', '/list/sub']);
  assert.deepEqual(all.entries.find((e) => e.name === 'sub')['.tag'], 'folder');
});

test('files/list_folder: recursive listing from the root and by id', async () => {
  const all = await listAll((await dbx.filesListFolder({ path: '', recursive: true })).result);
  const paths = all.entries.map((e) => e.path_lower);
  for (const p of ['/list', '/list/sub', '/list/sub/deeper', '/list/sub/deeper/e.txt']) assert.ok(paths.includes(p), p);
  const folderId = all.entries.find((e) => e.path_lower === '/list/sub').id;
  const byId = (await dbx.filesListFolder({ path: folderId })).result;
  check(ListFolderResult, byId, 'ListFolderResult(id)');
  assert.deepEqual(byId.entries.map((e) => e.name).sort(), ['d.txt', 'deeper']);
});

test('files/list_folder errors: not_found, not_folder', async () => {
  const missing = await dbxError(dbx.filesListFolder({ path: '/nope' }), 409);
  checkErrorBody(ListFolderError, missing.error, ['path', 'not_found']);
  const file = await dbxError(dbx.filesListFolder({ path: '/List/a.txt' }), 409);
  checkErrorBody(ListFolderError, file.error, ['path', 'not_folder']);
});

test('files/list_folder/continue: the change feed reports adds, edits and deletions', async () => {
  const start = await listAll((await dbx.filesListFolder({ path: '/List', recursive: true })).result);
  await dbx.filesUpload({ path: '/List/new.txt', contents: Buffer.from('new') });
  await dbx.filesDeleteV2({ path: '/List/b.txt' });
  await dbx.filesDeleteV2({ path: '/List/sub/deeper' });
  const changes = await listAll((await dbx.filesListFolderContinue({ cursor: start.cursor })).result);
  const byPath = Object.fromEntries(changes.entries.map((e) => [e.path_lower, e['.tag']]));
  assert.equal(byPath['/list/new.txt'], 'file');
  assert.equal(byPath['/list/b.txt'], 'deleted');
  assert.equal(byPath['/list/sub/deeper'], 'deleted');
  const quiet = (await dbx.filesListFolderContinue({ cursor: changes.cursor })).result;
  check(ListFolderResult, quiet, 'ListFolderResult(no changes)');
  assert.deepEqual(quiet.entries, []);
  assert.equal(quiet.has_more, false);
});

test('files/list_folder/get_latest_cursor: only later changes', async () => {
  const latest = (await dbx.filesListFolderGetLatestCursor({ path: '/List', recursive: true })).result;
  check(ListFolderGetLatestCursorResult, latest, 'ListFolderGetLatestCursorResult');
  await dbx.filesUpload({ path: '/List/after-cursor.txt', contents: Buffer.from('later') });
  const page = (await dbx.filesListFolderContinue({ cursor: latest.cursor })).result;
  check(ListFolderResult, page, 'ListFolderResult(from latest)');
  assert.deepEqual(page.entries.map((e) => e.path_lower), ['/list/after-cursor.txt']);
});

test('files/list_folder/continue: reset and a garbage cursor', async () => {
  const { cursor } = (await dbx.filesListFolderGetLatestCursor({ path: '/List' })).result;
  await admin('POST', '/cursors/reset', { cursor });
  const reset = await dbxError(dbx.filesListFolderContinue({ cursor }), 409);
  checkErrorBody(ListFolderContinueError, reset.error, ['reset']);
  assert.deepEqual(reset.error.error, { '.tag': 'reset' });
  const bad = await dbxError(dbx.filesListFolderContinue({ cursor: 'not-a-cursor' }), 400);
  assert.equal(typeof bad.error, 'string');
});

test('files/list_folder/longpoll: notify route with no auth; wakes on a change; backoff; reset', async () => {
  const { cursor } = (await dbx.filesListFolderGetLatestCursor({ path: '/List' })).result;
  const mark = wireLog.length;
  const started = Date.now();
  const poll = dbx.filesListFolderLongpoll({ cursor, timeout: 30 });
  await sleep(300);
  await dbx.filesUpload({ path: '/List/wake.txt', contents: Buffer.from('wake up') });
  const res = (await poll).result;
  check(ListFolderLongpollResult, res, 'ListFolderLongpollResult');
  assert.equal(res.changes, true);
  assert.ok(Date.now() - started < 10_000, 'the longpoll answered as soon as something changed');
  const call = wireLog.slice(mark).find((c) => c.url.endsWith('/2/files/list_folder/longpoll'));
  assert.equal(call.headers.Authorization, undefined, 'longpoll is sent without auth');

  // Changes already pending answer at once; the emulator can be told to ask for backoff.
  await admin('POST', '/longpoll', { backoff: 7 });
  const pending = (await dbx.filesListFolderLongpoll({ cursor, timeout: 30 })).result;
  check(ListFolderLongpollResult, pending, 'ListFolderLongpollResult(backoff)');
  assert.deepEqual(pending, { changes: true, backoff: 7 });
  await admin('POST', '/longpoll', {});

  const short = await dbxError(dbx.filesListFolderLongpoll({ cursor, timeout: 10 }), 400);
  assert.match(short.error, /timeout/);

  await admin('POST', '/cursors/reset', { cursor });
  const reset = await dbxError(dbx.filesListFolderLongpoll({ cursor, timeout: 30 }), 409);
  checkErrorBody(ListFolderLongpollError, reset.error, ['reset']);
});

test('files/search_v2 and search/continue_v2: matches, paging, errors', async () => {
  const res = (await dbx.filesSearchV2({ query: 'txt', options: { path: '/List', max_results: 2 } })).result;
  check(SearchV2Result, res, 'SearchV2Result');
  assert.equal(res.matches.length, 2);
  assert.equal(res.has_more, true);
  const names = res.matches.map((m) => m.metadata.metadata.name);
  let page = res;
  while (page.has_more) {
    page = (await dbx.filesSearchContinueV2({ cursor: page.cursor })).result;
    check(SearchV2Result, page, 'SearchV2Result(continue)');
    names.push(...page.matches.map((m) => m.metadata.metadata.name));
  }
  assert.ok(names.includes('a.txt') && names.includes('d.txt'), names.join(','));
  assert.ok(!names.includes('c.md'));
  assert.equal(res.matches[0].metadata['.tag'], 'metadata');

  const content = (await dbx.filesSearchV2({ query: 'content of c.md', options: { path: '/List' } })).result;
  check(SearchV2Result, content, 'SearchV2Result(content)');
  const hit = content.matches.find((m) => m.metadata.metadata.name === 'c.md');
  assert.ok(hit, 'found by file content');

  const byExt = (await dbx.filesSearchV2({ query: 'c', options: { path: '/List', file_extensions: ['md'] } })).result;
  assert.deepEqual(byExt.matches.map((m) => m.metadata.metadata.name), ['c.md']);

  const missing = await dbxError(dbx.filesSearchV2({ query: 'x', options: { path: '/nowhere' } }), 409);
  checkErrorBody(SearchError, missing.error, ['path', 'not_found']);
});
