// Injected faults (429 with both reasons, plain 429, 500, 503), real namespace-lock contention,
// and wire-level errors the SDK cannot produce (unknown route, wrong method, bad body).
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, admin, clearFaults, clientFor, dbxError, raw, resetEmulator, setFaults } from './helpers.mjs';
import { RateLimitError, SpaceUsage, check, checkErrorBody } from './shapes.mjs';

let dbx;
let token;
before(async () => {
  await resetEmulator();
  dbx = await clientFor(ALICE);
  token = dbx.auth.getAccessToken();
});
afterEach(clearFaults);

test('429 too_many_requests: status, Retry-After header, JSON body with reason and retry_after', async () => {
  await setFaults([{ kind: 'too_many_requests', route: 'users/get_current_account', count: 1, retry_after: 3 }]);
  const err = await dbxError(dbx.usersGetCurrentAccount(), 429);
  assert.equal(err.headers.get('retry-after'), '3');
  assert.equal(err.headers.get('content-type'), 'application/json');
  checkErrorBody(RateLimitError, err.error, ['too_many_requests']);
  assert.deepEqual(err.error.error, { reason: { '.tag': 'too_many_requests' }, retry_after: 3 });
  // The rule fired once; the retry succeeds.
  assert.equal((await dbx.usersGetCurrentAccount()).status, 200);
  const { log } = await admin('GET', '/faults');
  assert.ok(log.some((e) => e.route === 'users/get_current_account' && e.kind === 'too_many_requests'));
});

test('429 too_many_write_operations on an upload', async () => {
  await setFaults([{ kind: 'too_many_write_operations', route: 'files/*', count: 1, retry_after: 2 }]);
  const err = await dbxError(dbx.filesUpload({ path: '/w.txt', contents: Buffer.from('w') }), 429);
  assert.equal(err.headers.get('retry-after'), '2');
  checkErrorBody(RateLimitError, err.error, ['too_many_write_operations']);
  assert.equal(err.error.error.reason['.tag'], 'too_many_write_operations');
  assert.equal(err.error.error.retry_after, 2);
  await dbxError(dbx.filesGetMetadata({ path: '/w.txt' }), 409);
});

test('plain-text 429 still carries Retry-After', async () => {
  await setFaults([{ kind: 'plain_429', route: '*', count: 1, retry_after: 4 }]);
  const err = await dbxError(dbx.usersGetSpaceUsage(), 429);
  assert.equal(err.error, 'too_many_requests');
  assert.equal(err.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(err.headers.get('retry-after'), '4');
});

test('500 and 503 surface as text errors with their status', async () => {
  await setFaults([{ kind: '500', route: 'files/list_folder', count: 1 }]);
  const err = await dbxError(dbx.filesListFolder({ path: '' }), 500);
  assert.equal(err.error, '', 'the API servers send 5xx with an empty body');
  assert.ok(err.headers.get('x-dropbox-request-id'));
  assert.equal(err.headers.get('retry-after'), null);
  assert.equal((await dbx.filesListFolder({ path: '' })).status, 200);

  await setFaults([{ kind: '503', route: 'files/list_folder', count: 1, retry_after: 5 }]);
  const unavailable = await dbxError(dbx.filesListFolder({ path: '' }), 503);
  assert.equal(unavailable.headers.get('retry-after'), '5');
});

test('edge 502/503/504: the proxy\'s own text or HTML page, no request id', async () => {
  for (const [kind, status, type] of [['edge_502', 502, 'text/html'], ['edge_503', 503, 'text/plain'], ['edge_504', 504, 'text/plain']]) {
    await setFaults([{ kind, route: 'files/list_folder', count: 1 }]);
    const err = await dbxError(dbx.filesListFolder({ path: '' }), status);
    assert.equal(typeof err.error, 'string');
    assert.ok(err.error.length > 0);
    assert.equal(err.headers.get('content-type'), type);
    assert.equal(err.headers.get('x-dropbox-request-id'), null);
    assert.equal((await dbx.filesListFolder({ path: '' })).status, 200);
  }
});

test('namespace lock contention answers 429 too_many_write_operations', async () => {
  await admin('POST', '/namespace-lock', { hold_ms: 400, wait_ms: 20 });
  try {
    const results = await Promise.allSettled([
      dbx.filesCreateFolderV2({ path: '/lock/a' }),
      dbx.filesCreateFolderV2({ path: '/lock/b' }),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'one commit wins the lock');
    assert.equal(rejected.length, 1);
    assert.equal(rejected[0].status, 429);
    checkErrorBody(RateLimitError, rejected[0].error, ['too_many_write_operations']);
    assert.ok(rejected[0].headers.get('retry-after'));
  } finally {
    await admin('POST', '/namespace-lock', { hold_ms: 0, wait_ms: 10_000 });
  }
});

test('unknown route, wrong method, bad bodies: 4xx plain text (raw fetch)', async () => {
  const auth = { Authorization: `Bearer ${token}` };
  const unknown = await raw('/2/files/not_a_route', { headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(unknown.status, 404);
  assert.match(unknown.headers.get('content-type'), /^text\/plain/);
  assert.match(unknown.text, /Unknown API function/);

  const get = await raw('/2/users/get_current_account', { method: 'GET', headers: auth });
  assert.equal(get.status, 405);

  const badJson = await raw('/2/files/list_folder', { headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"path":' });
  assert.equal(badJson.status, 400);
  assert.match(badJson.text, /could not decode input as JSON/);

  const badType = await raw('/2/files/list_folder', { headers: { ...auth, 'Content-Type': 'text/xml' }, body: '{"path":""}' });
  assert.equal(badType.status, 400);
  assert.match(badType.text, /Content-Type/);

  const missingField = await raw('/2/files/get_metadata', { headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(missingField.status, 400);
  assert.match(missingField.text, /path/);

  const noAuth = await raw('/2/users/get_current_account', { body: undefined });
  assert.equal(noAuth.status, 400);
  assert.match(noAuth.text, /Authorization/);

  // Raw UTF-8 in Dropbox-API-Arg (as the Go SDK sends it) is accepted as well as \u escapes.
  const utf8Arg = Buffer.from(JSON.stringify({ path: '/raw-ütf8 ✓.txt', mode: 'add' }), 'utf8').toString('latin1');
  const rawUpload = await raw('/2/files/upload', {
    headers: { ...auth, 'Content-Type': 'application/octet-stream', 'Dropbox-API-Arg': utf8Arg }, body: Buffer.from('u'),
  });
  assert.equal(rawUpload.status, 200, rawUpload.text);
  assert.equal(rawUpload.json.name, 'raw-ütf8 ✓.txt');

  const cors = await raw('/2/users/get_space_usage', { headers: { ...auth, 'Content-Type': 'text/plain; charset=dropbox-cors-hack' }, body: 'null' });
  assert.equal(cors.status, 200);
  assert.equal(cors.headers.get('content-type'), 'application/json');
  check(SpaceUsage, cors.json, 'SpaceUsage(cors-hack)');
});
