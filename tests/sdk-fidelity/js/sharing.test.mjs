// sharing/create_shared_link_with_settings, list_shared_links and revoke_shared_link.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, BOB, clientFor, dbxError, emulatorFetch, resetEmulator } from './helpers.mjs';
import {
  CreateSharedLinkWithSettingsError, ListSharedLinksError, ListSharedLinksResult, RevokeSharedLinkError,
  SharedLinkMetadata, Null, check, checkErrorBody,
} from './shapes.mjs';

let dbx;
before(async () => {
  await resetEmulator();
  dbx = await clientFor(ALICE);
  await dbx.filesUpload({ path: '/Share/report.pdf', contents: Buffer.from('%PDF-1.4 fake') });
  await dbx.filesUpload({ path: '/Share/inner/notes.txt', contents: Buffer.from('notes') });
});

test('create_shared_link_with_settings: file link metadata, and the link serves the file', async () => {
  const res = await dbx.sharingCreateSharedLinkWithSettings({ path: '/Share/report.pdf' });
  check(SharedLinkMetadata, res.result, 'SharedLinkMetadata(file)');
  assert.equal(res.result['.tag'], 'file');
  assert.equal(res.result.name, 'report.pdf');
  assert.equal(res.result.path_lower, '/share/report.pdf');
  assert.equal(res.result.link_permissions.resolved_visibility['.tag'], 'public');
  const page = await emulatorFetch(res.result.url);
  assert.equal(page.status, 200);
  assert.equal(Buffer.from(await page.arrayBuffer()).toString(), '%PDF-1.4 fake');
});

test('create_shared_link_with_settings: folder link with settings; already_exists shapes', async () => {
  const folder = (await dbx.sharingCreateSharedLinkWithSettings({
    path: '/Share', settings: { audience: { '.tag': 'public' }, access: { '.tag': 'viewer' }, allow_download: true },
  })).result;
  check(SharedLinkMetadata, folder, 'SharedLinkMetadata(folder)');
  assert.equal(folder['.tag'], 'folder');

  // Without settings the existing link comes back inside the error.
  const again = await dbxError(dbx.sharingCreateSharedLinkWithSettings({ path: '/Share/report.pdf' }), 409);
  checkErrorBody(CreateSharedLinkWithSettingsError, again.error, ['shared_link_already_exists']);
  const existing = again.error.error.shared_link_already_exists;
  if (existing) {
    assert.equal(existing['.tag'], 'metadata');
    assert.equal(existing.metadata.name, 'report.pdf');
  }
  // With settings that could clash, the metadata may be omitted; the shape still validates.
  const clash = await dbxError(dbx.sharingCreateSharedLinkWithSettings({
    path: '/Share/report.pdf', settings: { access: { '.tag': 'viewer' }, allow_download: true },
  }), 409);
  checkErrorBody(CreateSharedLinkWithSettingsError, clash.error, ['shared_link_already_exists']);
});

test('create_shared_link_with_settings errors: path not_found, invalid settings', async () => {
  const missing = await dbxError(dbx.sharingCreateSharedLinkWithSettings({ path: '/Share/none.pdf' }), 409);
  checkErrorBody(CreateSharedLinkWithSettingsError, missing.error, ['path', 'not_found']);
  // A paid (pro) account may ask for a password, so a missing one is invalid rather than unauthorised.
  const bob = await clientFor(BOB);
  await bob.filesUpload({ path: '/notes.txt', contents: Buffer.from('notes') });
  const badSettings = await dbxError(bob.sharingCreateSharedLinkWithSettings({
    path: '/notes.txt', settings: { require_password: true },
  }), 409);
  checkErrorBody(CreateSharedLinkWithSettingsError, badSettings.error, ['settings_error', 'invalid_settings']);
  const expired = await dbxError(dbx.sharingCreateSharedLinkWithSettings({
    path: '/Share/inner/notes.txt', settings: { expires: '2001-01-01T00:00:00Z' },
  }), 409);
  checkErrorBody(CreateSharedLinkWithSettingsError, expired.error, ['settings_error']);
});

test('create_shared_link_with_settings: a basic account may not set an expiry, a password or a team audience', async () => {
  const future = new Date(Date.now() + 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const settings of [
    { expires: future },
    { requested_visibility: { '.tag': 'password' }, link_password: 's3cret-pass' },
    { audience: { '.tag': 'team' } },
  ]) {
    const refused = await dbxError(dbx.sharingCreateSharedLinkWithSettings({ path: '/Share/inner/notes.txt', settings }), 409);
    checkErrorBody(CreateSharedLinkWithSettingsError, refused.error, ['settings_error', 'not_authorized']);
    assert.match(refused.error.error_summary, /^settings_error\/not_authorized\//);
  }
  // Nothing was created by the refusals.
  const listed = (await dbx.sharingListSharedLinks({ path: '/Share/inner/notes.txt', direct_only: true })).result;
  assert.deepEqual(listed.links, []);
});

test('list_shared_links: all, by path, direct_only; errors', async () => {
  const all = (await dbx.sharingListSharedLinks({})).result;
  check(ListSharedLinksResult, all, 'ListSharedLinksResult');
  assert.deepEqual(all.links.map((l) => l.name).sort(), ['Share', 'report.pdf']);

  const byPath = (await dbx.sharingListSharedLinks({ path: '/Share/report.pdf' })).result;
  check(ListSharedLinksResult, byPath, 'ListSharedLinksResult(path)');
  assert.deepEqual(byPath.links.map((l) => l.name).sort(), ['Share', 'report.pdf'], 'parent folder links are included');
  const direct = (await dbx.sharingListSharedLinks({ path: '/Share/report.pdf', direct_only: true })).result;
  assert.deepEqual(direct.links.map((l) => l.name), ['report.pdf']);

  const missing = await dbxError(dbx.sharingListSharedLinks({ path: '/Share/none' }), 409);
  checkErrorBody(ListSharedLinksError, missing.error, ['path', 'not_found']);
  const bob = await clientFor(BOB);
  assert.deepEqual((await bob.sharingListSharedLinks({})).result.links, [], 'links are per account');
});

test('revoke_shared_link: revokes, then the link is gone; error shapes', async () => {
  const link = (await dbx.sharingListSharedLinks({ path: '/Share/report.pdf', direct_only: true })).result.links[0];
  const bob = await clientFor(BOB);
  const denied = await bob.sharingRevokeSharedLink({ url: link.url }).then(() => null, (e) => e);
  assert.ok(denied && denied.status === 409, 'another account cannot revoke the link');
  checkErrorBody(RevokeSharedLinkError, denied.error);
  assert.ok(['shared_link_access_denied', 'shared_link_not_found'].includes(denied.error.error['.tag']));

  const res = await dbx.sharingRevokeSharedLink({ url: link.url });
  check(Null, res.result, 'revoke result');
  const page = await emulatorFetch(link.url);
  assert.equal(page.status, 404);
  const again = await dbxError(dbx.sharingRevokeSharedLink({ url: link.url }), 409);
  checkErrorBody(RevokeSharedLinkError, again.error, ['shared_link_not_found']);
  const malformed = await dbxError(dbx.sharingRevokeSharedLink({ url: 'not a url' }), 409);
  checkErrorBody(RevokeSharedLinkError, malformed.error, ['shared_link_malformed']);
  const after = (await dbx.sharingListSharedLinks({})).result.links.map((l) => l.name);
  assert.deepEqual(after, ['Share']);
});
