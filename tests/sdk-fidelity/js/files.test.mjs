// Single-item file routes: upload (write modes, content hash), get_metadata, create_folder_v2,
// delete_v2, move_v2, copy_v2, download (+Range), get_temporary_link, list_revisions, restore.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALICE, BOB, clientFor, dbxError, dropboxContentHash, raw, resetEmulator, wireLog, emulatorFetch,
} from './helpers.mjs';
import {
  CreateFolderError, CreateFolderResult, DeleteError, DeleteResult, DownloadError, FileMetadata, GetMetadataError,
  GetTemporaryLinkError, GetTemporaryLinkResult, ListRevisionsError, ListRevisionsResult, MetadataOf,
  RelocationError, RelocationResult, RestoreError, UploadError, check, checkErrorBody,
} from './shapes.mjs';

let dbx;
before(async () => {
  await resetEmulator();
  dbx = await clientFor(ALICE);
});

const text = (s) => Buffer.from(s, 'utf8');

test('files/upload: a correct content_hash is accepted; FileMetadata is untagged and exact', async () => {
  const body = text('hello from the JS SDK\n');
  const before = wireLog.length;
  // SDK 10.47.0's autoContentHash compares the route 'files/upload' with '/2/files/upload', so it
  // never fires; if a later SDK fixes that, whatever it sends must be the right hash.
  const auto = (await dbx.filesUpload({ path: '/Docs/auto.txt', contents: body })).result;
  const autoArg = JSON.parse(wireLog.slice(before).find((c) => c.url.endsWith('/2/files/upload')).headers['Dropbox-API-Arg']);
  assert.ok(autoArg.content_hash === undefined || autoArg.content_hash === dropboxContentHash(body), 'SDK-computed hash');
  assert.equal(auto.content_hash, dropboxContentHash(body));

  const mark = wireLog.length;
  const res = await dbx.filesUpload({
    path: '/Docs/hello.txt', contents: body, client_modified: '2024-05-01T10:20:30Z', content_hash: dropboxContentHash(body),
  });
  const sent = wireLog.slice(mark).find((c) => c.url.endsWith('/2/files/upload'));
  assert.equal(sent.headers['Content-Type'], 'application/octet-stream');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json');
  check(FileMetadata, res.result, 'upload result');
  assert.equal(res.result.name, 'hello.txt');
  assert.equal(res.result.path_lower, '/docs/hello.txt');
  assert.equal(res.result.path_display, '/Docs/hello.txt');
  assert.equal(res.result.size, body.length);
  assert.equal(res.result.content_hash, dropboxContentHash(body));
  assert.equal(res.result.client_modified, '2024-05-01T10:20:30Z');
  assert.match(res.result.id, /^id:/);
});

test('files/upload: write modes add / autorename / overwrite / update and strict_conflict', async () => {
  const first = (await dbx.filesUpload({ path: '/modes/a.txt', contents: text('one') })).result;
  // Identical content under add: no new revision.
  const same = (await dbx.filesUpload({ path: '/modes/a.txt', contents: text('one') })).result;
  assert.equal(same.rev, first.rev);
  // Different content under add: conflict, reported through UploadError.path (inlined UploadWriteFailed).
  const conflict = await dbxError(dbx.filesUpload({ path: '/modes/a.txt', contents: text('two') }), 409);
  checkErrorBody(UploadError, conflict.error, ['path', 'conflict', 'file']);
  assert.deepEqual(conflict.error.error.reason, { '.tag': 'conflict', conflict: { '.tag': 'file' } });
  const renamed = (await dbx.filesUpload({ path: '/modes/a.txt', contents: text('two'), autorename: true })).result;
  check(FileMetadata, renamed, 'autorenamed');
  assert.equal(renamed.name, 'a (1).txt');
  const over = (await dbx.filesUpload({ path: '/modes/a.txt', contents: text('three'), mode: 'overwrite' })).result;
  check(FileMetadata, over, 'overwrite (void member as a bare string)');
  assert.notEqual(over.rev, first.rev);
  const upd = (await dbx.filesUpload({ path: '/modes/a.txt', contents: text('four'), mode: { '.tag': 'update', update: over.rev } })).result;
  check(FileMetadata, upd, 'update');
  const stale = await dbxError(dbx.filesUpload({ path: '/modes/a.txt', contents: text('five'), mode: { '.tag': 'update', update: over.rev } }), 409);
  checkErrorBody(UploadError, stale.error, ['path', 'conflict']);
  const strict = await dbxError(dbx.filesUpload({ path: '/modes/a.txt', contents: text('four'), mode: { '.tag': 'update', update: over.rev }, strict_conflict: true }), 409);
  checkErrorBody(UploadError, strict.error, ['path', 'conflict']);
  // A folder in the way is always a conflict.
  await dbx.filesCreateFolderV2({ path: '/modes/dir' });
  const folder = await dbxError(dbx.filesUpload({ path: '/modes/dir', contents: text('x'), mode: { '.tag': 'overwrite' } }), 409);
  checkErrorBody(UploadError, folder.error, ['path', 'conflict', 'folder']);
});

test('files/upload: a wrong content_hash answers 409 content_hash_mismatch', async () => {
  const err = await dbxError(dbx.filesUpload({ path: '/bad-hash.txt', contents: text('abc'), content_hash: 'a'.repeat(64) }), 409);
  checkErrorBody(UploadError, err.error, ['content_hash_mismatch']);
  assert.deepEqual(err.error.error, { '.tag': 'content_hash_mismatch' });
  await dbxError(dbx.filesGetMetadata({ path: '/bad-hash.txt' }), 409);
  // With the SDK's autoContentHash switched off, nothing is sent and the upload still works.
  const plain = await clientFor(ALICE, {}, { autoContentHash: false });
  const before = wireLog.length;
  const ok = (await plain.filesUpload({ path: '/no-hash.txt', contents: text('abc') })).result;
  assert.equal(JSON.parse(wireLog[before].headers['Dropbox-API-Arg']).content_hash, undefined);
  assert.equal(ok.content_hash, dropboxContentHash(text('abc')));
  // An empty body hashes to the empty-string SHA-256.
  const empty = (await dbx.filesUpload({ path: '/empty.txt', contents: Buffer.alloc(0), content_hash: dropboxContentHash(Buffer.alloc(0)) })).result;
  assert.equal(empty.content_hash, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(empty.size, 0);
});

test('files/get_metadata: file, folder, deleted (include_deleted), not_found and root', async () => {
  await dbx.filesUpload({ path: '/meta/f.txt', contents: text('meta') });
  const file = (await dbx.filesGetMetadata({ path: '/meta/f.txt' })).result;
  check(MetadataOf('file'), file, 'file metadata');
  const folder = (await dbx.filesGetMetadata({ path: '/META' })).result;
  check(MetadataOf('folder'), folder, 'folder metadata');
  assert.equal(folder.path_display, '/meta');
  const byId = (await dbx.filesGetMetadata({ path: file.id })).result;
  assert.equal(byId.path_lower, '/meta/f.txt');
  const byRev = (await dbx.filesGetMetadata({ path: `rev:${file.rev}` })).result;
  check(MetadataOf('file'), byRev, 'rev: metadata');

  await dbx.filesDeleteV2({ path: '/meta/f.txt' });
  const missing = await dbxError(dbx.filesGetMetadata({ path: '/meta/f.txt' }), 409);
  checkErrorBody(GetMetadataError, missing.error, ['path', 'not_found']);
  assert.deepEqual(missing.error.error, { '.tag': 'path', path: { '.tag': 'not_found' } });
  const deleted = (await dbx.filesGetMetadata({ path: '/meta/f.txt', include_deleted: true })).result;
  check(MetadataOf('deleted'), deleted, 'deleted metadata');
  assert.equal(deleted.id, undefined, 'DeletedMetadata has no id');

  // The root is not supported by get_metadata.
  const root = await dbx.filesGetMetadata({ path: '' }).then(() => null, (e) => e);
  assert.ok(root, 'get_metadata on the root fails');
  assert.equal(root.status, 400);
  assert.equal(typeof root.error, 'string');
});

test('malformed path: 400 plain text from the SDK call', async () => {
  const err = await dbxError(dbx.filesGetMetadata({ path: 'no-leading-slash' }), 400);
  assert.equal(typeof err.error, 'string');
  assert.match(err.error, /^Error in call to API function "files\/get_metadata": /);
  assert.match(err.headers.get('content-type'), /^text\/plain/);
  const slash = await dbxError(dbx.filesListFolder({ path: '/' }), 400);
  assert.match(slash.error, /files\/list_folder/);
});

test('files/create_folder_v2 and conflict', async () => {
  const res = (await dbx.filesCreateFolderV2({ path: '/Projects/Q3' })).result;
  check(CreateFolderResult, res, 'CreateFolderResult');
  assert.equal(res.metadata.path_display, '/Projects/Q3');
  const again = await dbxError(dbx.filesCreateFolderV2({ path: '/projects/q3' }), 409);
  checkErrorBody(CreateFolderError, again.error, ['path', 'conflict', 'folder']);
  const auto = (await dbx.filesCreateFolderV2({ path: '/Projects/Q3', autorename: true })).result;
  assert.equal(auto.metadata.name, 'Q3 (1)');
});

test('files/delete_v2: returns the metadata as it was; errors path_lookup / path_write', async () => {
  const up = (await dbx.filesUpload({ path: '/del/x.txt', contents: text('x') })).result;
  const wrongRev = await dbxError(dbx.filesDeleteV2({ path: '/del/x.txt', parent_rev: 'abcdef0123' }), 409);
  checkErrorBody(DeleteError, wrongRev.error, ['path_write']);
  const res = (await dbx.filesDeleteV2({ path: '/del/x.txt', parent_rev: up.rev })).result;
  check(DeleteResult, res, 'DeleteResult');
  check(MetadataOf('file'), res.metadata, 'deleted item metadata');
  assert.equal(res.metadata.rev, up.rev);
  const gone = await dbxError(dbx.filesDeleteV2({ path: '/del/x.txt' }), 409);
  checkErrorBody(DeleteError, gone.error, ['path_lookup', 'not_found']);
  const folder = (await dbx.filesDeleteV2({ path: '/del' })).result;
  check(MetadataOf('folder'), folder.metadata, 'deleted folder metadata');
});

test('files/move_v2 and files/copy_v2 with their RelocationError paths', async () => {
  const up = (await dbx.filesUpload({ path: '/rel/src.txt', contents: text('relocate me') })).result;
  const copied = (await dbx.filesCopyV2({ from_path: '/rel/src.txt', to_path: '/rel/copy.txt' })).result;
  check(RelocationResult, copied, 'copy RelocationResult');
  check(MetadataOf('file'), copied.metadata, 'copy metadata');
  assert.notEqual(copied.metadata.id, up.id);
  assert.equal(copied.metadata.content_hash, up.content_hash);

  const moved = (await dbx.filesMoveV2({ from_path: '/rel/src.txt', to_path: '/rel/sub/moved.txt' })).result;
  check(RelocationResult, moved, 'move RelocationResult');
  assert.equal(moved.metadata.id, up.id, 'a move keeps the file id');
  assert.equal(moved.metadata.path_display, '/rel/sub/moved.txt');

  const missing = await dbxError(dbx.filesMoveV2({ from_path: '/rel/src.txt', to_path: '/rel/x.txt' }), 409);
  checkErrorBody(RelocationError, missing.error, ['from_lookup', 'not_found']);
  const occupied = await dbxError(dbx.filesCopyV2({ from_path: '/rel/copy.txt', to_path: '/rel/sub/moved.txt' }), 409);
  checkErrorBody(RelocationError, occupied.error, ['to', 'conflict']);
  const intoSelf = await dbxError(dbx.filesMoveV2({ from_path: '/rel', to_path: '/rel/sub/inner' }), 409);
  checkErrorBody(RelocationError, intoSelf.error);
  assert.ok(['cant_move_folder_into_itself', 'duplicated_or_nested_paths'].includes(intoSelf.error.error['.tag']));
  const folderCopy = (await dbx.filesCopyV2({ from_path: '/rel', to_path: '/rel2' })).result;
  check(MetadataOf('folder'), folderCopy.metadata, 'folder copy');
});

test('files/download: bytes, Dropbox-API-Result metadata, errors; Range via raw GET', async () => {
  const body = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256));
  const up = (await dbx.filesUpload({ path: '/dl/bin.dat', contents: body })).result;
  const res = await dbx.filesDownload({ path: '/dl/bin.dat' });
  assert.equal(res.status, 200);
  assert.ok(Buffer.isBuffer(res.result.fileBinary));
  assert.deepEqual(res.result.fileBinary, body);
  const { fileBinary, ...meta } = res.result;
  check(FileMetadata, meta, 'Dropbox-API-Result');
  assert.equal(meta.rev, up.rev);
  assert.match(res.headers.get('dropbox-api-result'), /^[\x20-\x7e]+$/, 'ASCII-only result header');
  assert.equal(res.headers.get('content-type'), 'application/octet-stream');
  assert.ok(res.headers.get('x-dropbox-request-id'));

  const old = (await dbx.filesDownload({ path: `rev:${up.rev}` })).result;
  assert.deepEqual(old.fileBinary, body);

  const missing = await dbxError(dbx.filesDownload({ path: '/dl/none.dat' }), 409);
  checkErrorBody(DownloadError, missing.error, ['path', 'not_found']);
  const folder = await dbxError(dbx.filesDownload({ path: '/dl' }), 409);
  checkErrorBody(DownloadError, folder.error, ['path', 'not_file']);

  // The SDK gives download calls no header hook, so Range goes over the wire directly (same route).
  const token = dbx.auth.getAccessToken();
  const arg = encodeURIComponent(JSON.stringify({ path: '/dl/bin.dat' }));
  const ranged = await raw(`/2/files/download?arg=${arg}`, {
    method: 'GET', headers: { Authorization: `Bearer ${token}`, Range: 'bytes=10-19' },
  });
  assert.equal(ranged.status, 206);
  assert.equal(ranged.headers.get('content-range'), `bytes 10-19/${body.length}`);
  assert.deepEqual(ranged.bytes, body.subarray(10, 20));
  const tail = await raw('/2/files/download', {
    headers: { Authorization: `Bearer ${token}`, 'Dropbox-API-Arg': JSON.stringify({ path: '/dl/bin.dat' }), Range: 'bytes=-5' },
  });
  assert.equal(tail.status, 206);
  assert.deepEqual(tail.bytes, body.subarray(body.length - 5));
  const unsatisfiable = await raw('/2/files/download', {
    headers: { Authorization: `Bearer ${token}`, 'Dropbox-API-Arg': JSON.stringify({ path: '/dl/bin.dat' }), Range: 'bytes=1000-' },
  });
  assert.equal(unsatisfiable.status, 416);
  const etag = ranged.headers.get('etag');
  assert.ok(etag, 'downloads carry an ETag');
  const notModified = await raw(`/2/files/download?arg=${arg}`, {
    method: 'GET', headers: { Authorization: `Bearer ${token}`, 'If-None-Match': etag },
  });
  assert.equal(notModified.status, 304);
});

test('files/get_temporary_link: link serves the bytes', async () => {
  const body = text('temporary link content');
  await dbx.filesUpload({ path: '/tmp link/é file.txt', contents: body });
  const res = (await dbx.filesGetTemporaryLink({ path: '/tmp link/é file.txt' })).result;
  check(GetTemporaryLinkResult, res, 'GetTemporaryLinkResult');
  assert.equal(res.metadata.name, 'é file.txt');
  const fetched = await emulatorFetch(res.link);
  assert.equal(fetched.status, 200);
  assert.deepEqual(Buffer.from(await fetched.arrayBuffer()), body);
  const missing = await dbxError(dbx.filesGetTemporaryLink({ path: '/tmp link/none.txt' }), 409);
  checkErrorBody(GetTemporaryLinkError, missing.error, ['path', 'not_found']);
});

test('files/list_revisions and files/restore', async () => {
  const r1 = (await dbx.filesUpload({ path: '/rev/doc.txt', contents: text('v1') })).result;
  const r2 = (await dbx.filesUpload({ path: '/rev/doc.txt', contents: text('v2'), mode: { '.tag': 'overwrite' } })).result;
  const revs = (await dbx.filesListRevisions({ path: '/rev/doc.txt' })).result;
  check(ListRevisionsResult, revs, 'ListRevisionsResult');
  assert.equal(revs.is_deleted, false);
  assert.deepEqual(revs.entries.map((e) => e.rev), [r2.rev, r1.rev]);
  const byId = (await dbx.filesListRevisions({ path: r1.id, mode: { '.tag': 'id' } })).result;
  check(ListRevisionsResult, byId, 'ListRevisionsResult(id)');

  const restored = (await dbx.filesRestore({ path: '/rev/doc.txt', rev: r1.rev })).result;
  check(FileMetadata, restored, 'restore result');
  assert.equal(restored.content_hash, r1.content_hash);
  const now = (await dbx.filesDownload({ path: '/rev/doc.txt' })).result.fileBinary.toString();
  assert.equal(now, 'v1');

  const badRev = await dbxError(dbx.filesRestore({ path: '/rev/doc.txt', rev: '0123456789abcdef' }), 409);
  checkErrorBody(RestoreError, badRev.error, ['invalid_revision']);

  await dbx.filesDeleteV2({ path: '/rev/doc.txt' });
  const afterDelete = (await dbx.filesListRevisions({ path: '/rev/doc.txt' })).result;
  check(ListRevisionsResult, afterDelete, 'ListRevisionsResult(deleted)');
  assert.equal(afterDelete.is_deleted, true);
  assert.ok(afterDelete.server_deleted, 'server_deleted is set once deleted');

  const missing = await dbxError(dbx.filesListRevisions({ path: '/rev/never.txt' }), 409);
  checkErrorBody(ListRevisionsError, missing.error, ['path', 'not_found']);
});

test('accounts are isolated: bob cannot see alice\'s files', async () => {
  await dbx.filesUpload({ path: '/private.txt', contents: text('alice only') });
  const bob = await clientFor(BOB);
  const err = await dbxError(bob.filesGetMetadata({ path: '/private.txt' }), 409);
  checkErrorBody(GetMetadataError, err.error, ['path', 'not_found']);
});
