// Upload sessions (start, append_v2, finish, finish_batch_v2, v1 finish_batch + check) and the
// batched folder, delete, move and copy routes with their /check polls.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, clientFor, dbxError, dropboxContentHash, pollJob, resetEmulator } from './helpers.mjs';
import {
  CreateFolderBatchJobStatus, CreateFolderBatchLaunch, DeleteBatchJobStatus, DeleteBatchLaunch, FileMetadata, PollError,
  RelocationBatchV2JobStatus, RelocationBatchV2Launch, UploadSessionAppendError, UploadSessionFinishBatchJobStatus,
  UploadSessionFinishBatchLaunch, UploadSessionFinishBatchResult, UploadSessionFinishError, UploadSessionStartError,
  UploadSessionStartBatchResult, UploadSessionStartResult, Null, check, checkErrorBody,
} from './shapes.mjs';

let dbx;
before(async () => {
  await resetEmulator();
  dbx = await clientFor(ALICE);
});

const bytes = (n, seed = 1) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));

test('upload_session start / append_v2 / finish assembles the file', async () => {
  const data = bytes(5000);
  const start = await dbx.filesUploadSessionStart({ contents: data.subarray(0, 2000) });
  check(UploadSessionStartResult, start.result, 'UploadSessionStartResult');
  const sessionId = start.result.session_id;
  const append = await dbx.filesUploadSessionAppendV2({
    cursor: { session_id: sessionId, offset: 2000 }, contents: data.subarray(2000, 4000),
    content_hash: dropboxContentHash(data.subarray(2000, 4000)),
  });
  assert.equal(append.status, 200);
  check(Null, append.result, 'append_v2 result');
  const fin = await dbx.filesUploadSessionFinish({
    cursor: { session_id: sessionId, offset: 4000 },
    commit: { path: '/sessions/big.bin', mode: { '.tag': 'add' } },
    contents: data.subarray(4000),
  });
  check(FileMetadata, fin.result, 'finish result');
  assert.equal(fin.result.size, data.length);
  assert.equal(fin.result.content_hash, dropboxContentHash(data));
  assert.deepEqual((await dbx.filesDownload({ path: '/sessions/big.bin' })).result.fileBinary, data);
});

test('upload_session errors: incorrect_offset, not_found, closed, content_hash_mismatch, concurrent start', async () => {
  const { session_id: id } = (await dbx.filesUploadSessionStart({ contents: bytes(10) })).result;
  const wrong = await dbxError(dbx.filesUploadSessionAppendV2({ cursor: { session_id: id, offset: 3 }, contents: bytes(5) }), 409);
  checkErrorBody(UploadSessionAppendError, wrong.error, ['incorrect_offset']);
  assert.equal(wrong.error.error.correct_offset, 10);

  const hash = await dbxError(dbx.filesUploadSessionAppendV2({
    cursor: { session_id: id, offset: 10 }, contents: bytes(5), content_hash: '0'.repeat(64),
  }), 409);
  checkErrorBody(UploadSessionAppendError, hash.error, ['content_hash_mismatch']);

  await dbx.filesUploadSessionAppendV2({ cursor: { session_id: id, offset: 10 }, contents: bytes(5), close: true });
  const closed = await dbxError(dbx.filesUploadSessionAppendV2({ cursor: { session_id: id, offset: 15 }, contents: bytes(1) }), 409);
  checkErrorBody(UploadSessionAppendError, closed.error, ['closed']);

  const missing = await dbxError(dbx.filesUploadSessionAppendV2({ cursor: { session_id: 'pid_upload_session:nope', offset: 0 }, contents: bytes(1) }), 409);
  checkErrorBody(UploadSessionAppendError, missing.error, ['not_found']);

  const finMissing = await dbxError(dbx.filesUploadSessionFinish({
    cursor: { session_id: 'pid_upload_session:nope', offset: 0 }, commit: { path: '/x.bin' }, contents: Buffer.alloc(0),
  }), 409);
  checkErrorBody(UploadSessionFinishError, finMissing.error, ['lookup_failed', 'not_found']);

  const startHash = await dbxError(dbx.filesUploadSessionStart({ contents: bytes(3), content_hash: 'f'.repeat(64) }), 409);
  checkErrorBody(UploadSessionStartError, startHash.error, ['content_hash_mismatch']);
  const concurrentData = await dbxError(dbx.filesUploadSessionStart({ session_type: { '.tag': 'concurrent' }, contents: bytes(3) }), 409);
  checkErrorBody(UploadSessionStartError, concurrentData.error, ['concurrent_session_data_not_allowed']);

  const { session_id: s1 } = (await dbx.filesUploadSessionStart({ contents: bytes(4) })).result;
  const finHash = await dbxError(dbx.filesUploadSessionFinish({
    cursor: { session_id: s1, offset: 4 }, commit: { path: '/sessions/h.bin' }, contents: bytes(2), content_hash: '1'.repeat(64),
  }), 409);
  checkErrorBody(UploadSessionFinishError, finHash.error, ['content_hash_mismatch']);

  // A finish whose commit hits a conflict reports path/conflict.
  await dbx.filesUpload({ path: '/sessions/taken.bin', contents: bytes(4, 9) });
  const { session_id: s2 } = (await dbx.filesUploadSessionStart({ contents: bytes(4), close: true })).result;
  const taken = await dbxError(dbx.filesUploadSessionFinish({
    cursor: { session_id: s2, offset: 4 }, commit: { path: '/sessions/taken.bin' }, contents: Buffer.alloc(0),
  }), 409);
  checkErrorBody(UploadSessionFinishError, taken.error, ['path', 'conflict', 'file']);
});

test('upload_session/start_batch and the v1 upload_session/append', async () => {
  const res = await dbx.filesUploadSessionStartBatch({ num_sessions: 3 });
  check(UploadSessionStartBatchResult, res.result, 'UploadSessionStartBatchResult');
  assert.equal(res.result.session_ids.length, 3);
  assert.equal(new Set(res.result.session_ids).size, 3);
  const [id] = res.result.session_ids;
  const data = bytes(900, 5);
  const v1 = await dbx.filesUploadSessionAppend({ session_id: id, offset: 0, contents: data.subarray(0, 500) });
  check(Null, v1.result, 'append (v1) result');
  const wrong = await dbxError(dbx.filesUploadSessionAppend({ session_id: id, offset: 0, contents: data.subarray(500) }), 409);
  checkErrorBody(UploadSessionAppendError, wrong.error, ['incorrect_offset']);
  assert.equal(wrong.error.error.correct_offset, 500);
  await dbx.filesUploadSessionAppend({ session_id: id, offset: 500, contents: data.subarray(500) });
  const fin = (await dbx.filesUploadSessionFinish({
    cursor: { session_id: id, offset: data.length }, commit: { path: '/sessions/batch-started.bin' }, contents: Buffer.alloc(0),
  })).result;
  check(FileMetadata, fin, 'finish after start_batch');
  assert.equal(fin.content_hash, dropboxContentHash(data));
  const tooMany = await dbxError(dbx.filesUploadSessionStartBatch({ num_sessions: 1001 }), 400);
  assert.equal(typeof tooMany.error, 'string');
});

async function closedSession(data) {
  const { session_id: id } = (await dbx.filesUploadSessionStart({ contents: data, close: true })).result;
  return id;
}

test('upload_session/finish_batch_v2: success and failure entries in order', async () => {
  const a = bytes(100, 1);
  const b = bytes(200, 2);
  const open = (await dbx.filesUploadSessionStart({ contents: bytes(3) })).result.session_id;
  const entries = [
    { cursor: { session_id: await closedSession(a), offset: a.length }, commit: { path: '/batch/a.bin' } },
    { cursor: { session_id: await closedSession(b), offset: b.length }, commit: { path: '/batch/b.bin' } },
    { cursor: { session_id: open, offset: 3 }, commit: { path: '/batch/open.bin' } },
    { cursor: { session_id: 'pid_upload_session:missing', offset: 0 }, commit: { path: '/batch/missing.bin' } },
  ];
  const res = await dbx.filesUploadSessionFinishBatchV2({ entries });
  check(UploadSessionFinishBatchResult, res.result, 'UploadSessionFinishBatchResult');
  const tags = res.result.entries.map((e) => e['.tag']);
  assert.deepEqual(tags, ['success', 'success', 'failure', 'failure']);
  assert.equal(res.result.entries[0].path_display, '/batch/a.bin');
  assert.equal(res.result.entries[1].content_hash, dropboxContentHash(b));
  assert.deepEqual(res.result.entries[2].failure, { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'not_closed' } });
  assert.deepEqual(res.result.entries[3].failure, { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'not_found' } });
});

test('upload_session/finish_batch (v1) and finish_batch/check', async () => {
  const c = bytes(64, 3);
  const launch = (await dbx.filesUploadSessionFinishBatch({
    entries: [{ cursor: { session_id: await closedSession(c), offset: c.length }, commit: { path: '/batch/v1.bin' } }],
  })).result;
  check(UploadSessionFinishBatchLaunch, launch, 'UploadSessionFinishBatchLaunch');
  let status = launch;
  if (launch['.tag'] === 'async_job_id') {
    status = (await pollJob((a) => dbx.filesUploadSessionFinishBatchCheck(a), launch.async_job_id)).result;
    check(UploadSessionFinishBatchJobStatus, status, 'UploadSessionFinishBatchJobStatus');
  }
  assert.equal(status['.tag'], 'complete');
  assert.equal(status.entries[0]['.tag'], 'success');
  assert.equal(status.entries[0].path_lower, '/batch/v1.bin');
  const bad = await dbxError(dbx.filesUploadSessionFinishBatchCheck({ async_job_id: 'dbjid:nope' }), 409);
  checkErrorBody(PollError, bad.error, ['invalid_async_job_id']);
});

test('files/create_folder_batch (sync and force_async) and create_folder_batch/check', async () => {
  await dbx.filesCreateFolderV2({ path: '/cfb/exists' });
  const sync = (await dbx.filesCreateFolderBatch({ paths: ['/cfb/one', '/cfb/two', '/cfb/exists'] })).result;
  check(CreateFolderBatchLaunch, sync, 'CreateFolderBatchLaunch');
  let status = sync;
  if (sync['.tag'] === 'async_job_id') {
    status = (await pollJob((a) => dbx.filesCreateFolderBatchCheck(a), sync.async_job_id)).result;
  }
  assert.equal(status['.tag'], 'complete');
  assert.deepEqual(status.entries.map((e) => e['.tag']), ['success', 'success', 'failure']);
  assert.equal(status.entries[0].metadata.path_display, '/cfb/one');
  assert.deepEqual(status.entries[2].failure, { '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'folder' } } });

  const launch = (await dbx.filesCreateFolderBatch({ paths: ['/cfb/three'], force_async: true })).result;
  check(CreateFolderBatchLaunch, launch, 'CreateFolderBatchLaunch(async)');
  assert.equal(launch['.tag'], 'async_job_id');
  const done = (await pollJob((a) => dbx.filesCreateFolderBatchCheck(a), launch.async_job_id)).result;
  check(CreateFolderBatchJobStatus, done, 'CreateFolderBatchJobStatus');
  assert.equal(done.entries[0].metadata.name, 'three');
  const bad = await dbxError(dbx.filesCreateFolderBatchCheck({ async_job_id: 'dbjid:nope' }), 409);
  checkErrorBody(PollError, bad.error, ['invalid_async_job_id']);
});

test('files/delete_batch and delete_batch/check', async () => {
  await dbx.filesUpload({ path: '/db/1.txt', contents: bytes(5) });
  await dbx.filesUpload({ path: '/db/2.txt', contents: bytes(6) });
  const launch = (await dbx.filesDeleteBatch({ entries: [{ path: '/db/1.txt' }, { path: '/db/2.txt' }, { path: '/db/none.txt' }] })).result;
  check(DeleteBatchLaunch, launch, 'DeleteBatchLaunch');
  let status = launch;
  if (launch['.tag'] === 'async_job_id') {
    status = (await pollJob((a) => dbx.filesDeleteBatchCheck(a), launch.async_job_id)).result;
    check(DeleteBatchJobStatus, status, 'DeleteBatchJobStatus');
  }
  assert.equal(status['.tag'], 'complete');
  assert.deepEqual(status.entries.map((e) => e['.tag']), ['success', 'success', 'failure']);
  assert.equal(status.entries[0].metadata['.tag'], 'file');
  assert.deepEqual(status.entries[2].failure, { '.tag': 'path_lookup', path_lookup: { '.tag': 'not_found' } });
  const bad = await dbxError(dbx.filesDeleteBatchCheck({ async_job_id: 'dbjid:nope' }), 409);
  checkErrorBody(PollError, bad.error, ['invalid_async_job_id']);
});

test('files/move_batch_v2 + move_batch/check_v2 and copy_batch_v2 + copy_batch/check_v2', async () => {
  await dbx.filesUpload({ path: '/mb/a.txt', contents: bytes(7) });
  await dbx.filesUpload({ path: '/mb/b.txt', contents: bytes(8) });
  const move = (await dbx.filesMoveBatchV2({
    entries: [{ from_path: '/mb/a.txt', to_path: '/mb/moved/a.txt' }, { from_path: '/mb/zzz.txt', to_path: '/mb/moved/z.txt' }],
  })).result;
  check(RelocationBatchV2Launch, move, 'RelocationBatchV2Launch(move)');
  let status = move;
  if (move['.tag'] === 'async_job_id') {
    status = (await pollJob((a) => dbx.filesMoveBatchCheckV2(a), move.async_job_id)).result;
    check(RelocationBatchV2JobStatus, status, 'RelocationBatchV2JobStatus(move)');
  }
  assert.equal(status['.tag'], 'complete');
  assert.equal(status.entries[0]['.tag'], 'success');
  assert.equal(status.entries[0].success.path_display, '/mb/moved/a.txt');
  assert.equal(status.entries[0].success['.tag'], 'file');
  assert.deepEqual(status.entries[1].failure, {
    '.tag': 'relocation_error', relocation_error: { '.tag': 'from_lookup', from_lookup: { '.tag': 'not_found' } },
  });

  const copy = (await dbx.filesCopyBatchV2({ entries: [{ from_path: '/mb/b.txt', to_path: '/mb/copied/b.txt' }] })).result;
  check(RelocationBatchV2Launch, copy, 'RelocationBatchV2Launch(copy)');
  status = copy;
  if (copy['.tag'] === 'async_job_id') {
    status = (await pollJob((a) => dbx.filesCopyBatchCheckV2(a), copy.async_job_id)).result;
    check(RelocationBatchV2JobStatus, status, 'RelocationBatchV2JobStatus(copy)');
  }
  assert.equal(status.entries[0].success.path_lower, '/mb/copied/b.txt');
  assert.equal((await dbx.filesGetMetadata({ path: '/mb/b.txt' })).result.name, 'b.txt', 'copy keeps the source');

  for (const checkCall of [(a) => dbx.filesMoveBatchCheckV2(a), (a) => dbx.filesCopyBatchCheckV2(a)]) {
    const bad = await dbxError(checkCall({ async_job_id: 'dbjid:nope' }), 409);
    checkErrorBody(PollError, bad.error, ['invalid_async_job_id']);
  }
});
