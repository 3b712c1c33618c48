// users/*, team/members/list_v2 (+continue_v2), auth/token/revoke, select-user, path-root and the
// 401/400/422 shapes, all through the official SDK's own methods and options.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALICE, BOB, CAROL, DAVE, accountByEmail, clientFor, clientWithToken, dbxError, mintToken, resetEmulator,
  teamId, expireTokens, APP_KEY, APP_SECRET, clientWithApp,
} from './helpers.mjs';
import {
  AuthError, BasicAccount, EchoResult, GetAccountError, FullAccount, MembersListContinueError, MembersListV2Result, PathRootError, SpaceUsage, ListFolderResult,
  check, checkErrorBody,
} from './shapes.mjs';

before(resetEmulator);

test('users/get_current_account: personal basic and pro accounts', async () => {
  const alice = await accountByEmail(ALICE);
  const res = await (await clientFor(ALICE)).usersGetCurrentAccount();
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json');
  check(FullAccount, res.result, 'FullAccount');
  assert.equal(res.result.account_id, alice.account_id);
  assert.equal(res.result.email, ALICE);
  assert.deepEqual(res.result.account_type, { '.tag': 'basic' });
  assert.equal(res.result.root_info['.tag'], 'user');
  assert.equal(res.result.root_info.root_namespace_id, res.result.root_info.home_namespace_id);
  assert.equal(res.result.team ?? null, null);

  const bob = await (await clientFor(BOB)).usersGetCurrentAccount();
  check(FullAccount, bob.result, 'FullAccount(bob)');
  assert.deepEqual(bob.result.account_type, { '.tag': 'pro' });
});

test('users/get_current_account: team member has team, team_member_id and team root_info', async () => {
  const carol = await accountByEmail(CAROL);
  const res = await (await clientFor(CAROL)).usersGetCurrentAccount();
  check(FullAccount, res.result, 'FullAccount(carol)');
  assert.equal(res.result.team.id, carol.team_id);
  assert.equal(res.result.team_member_id, carol.team_member_id);
  assert.equal(res.result.root_info['.tag'], 'team');
  assert.notEqual(res.result.root_info.root_namespace_id, res.result.root_info.home_namespace_id);
  assert.match(res.result.root_info.home_path, /^\/.+/);
  assert.deepEqual(res.result.account_type, { '.tag': 'business' });
});

test('users/get_space_usage: individual and team allocations', async () => {
  const alice = await (await clientFor(ALICE)).usersGetSpaceUsage();
  check(SpaceUsage, alice.result, 'SpaceUsage(alice)');
  assert.equal(alice.result.allocation['.tag'], 'individual');
  assert.ok(alice.result.allocation.allocated > 0);

  const carol = await (await clientFor(CAROL)).usersGetSpaceUsage();
  check(SpaceUsage, carol.result, 'SpaceUsage(carol)');
  assert.equal(carol.result.allocation['.tag'], 'team');
});

test('401 invalid_access_token shape for an unknown token', async () => {
  const err = await dbxError(clientWithToken('sl.not-a-real-token').usersGetCurrentAccount(), 401);
  assert.equal(err.headers.get('content-type'), 'application/json');
  checkErrorBody(AuthError, err.error, ['invalid_access_token']);
  assert.deepEqual(err.error.error, { '.tag': 'invalid_access_token' });
});

test('401 expired_access_token shape once the token is expired', async () => {
  const { access_token: token } = await mintToken({ account: ALICE });
  const dbx = clientWithToken(token);
  await dbx.usersGetCurrentAccount();
  await expireTokens({ token });
  const err = await dbxError(dbx.usersGetCurrentAccount(), 401);
  checkErrorBody(AuthError, err.error, ['expired_access_token']);
});

test('401 missing_scope carries required_scope', async () => {
  const dbx = await clientFor(ALICE, { scopes: ['files.metadata.read'] });
  const err = await dbxError(dbx.usersGetCurrentAccount(), 401);
  checkErrorBody(AuthError, err.error, ['missing_scope']);
  assert.equal(err.error.error.required_scope, 'account_info.read');
});

test('auth/token/revoke: the SDK call answers null, then the token is invalid', async () => {
  const dbx = await clientFor(ALICE);
  const res = await dbx.authTokenRevoke();
  assert.equal(res.status, 200);
  assert.equal(res.result, null);
  const err = await dbxError(dbx.usersGetCurrentAccount(), 401);
  checkErrorBody(AuthError, err.error, ['invalid_access_token']);
});

test('team/members/list_v2 and list/continue_v2 with a team token', async () => {
  const team = await teamId();
  const dbx = clientWithToken((await mintToken({ team_id: team })).access_token);
  const first = await dbx.teamMembersListV2({ limit: 1 });
  check(MembersListV2Result, first.result, 'MembersListV2Result');
  assert.equal(first.result.members.length, 1);
  assert.equal(first.result.has_more, true);
  const emails = [first.result.members[0].profile.email];
  let page = first.result;
  while (page.has_more) {
    page = (await dbx.teamMembersListContinueV2({ cursor: page.cursor })).result;
    check(MembersListV2Result, page, 'MembersListV2Result(continue)');
    emails.push(...page.members.map((m) => m.profile.email));
  }
  assert.deepEqual(emails.sort(), [CAROL, DAVE].sort());
  const all = (await dbx.teamMembersListV2({})).result;
  const carol = all.members.find((m) => m.profile.email === CAROL);
  assert.ok(carol.roles.some((r) => r.role_id === 'pid_dbtmr:team_admin'), 'carol is a team admin');

  const err = await dbxError(dbx.teamMembersListContinueV2({ cursor: 'bogus' }), 409);
  checkErrorBody(MembersListContinueError, err.error, ['invalid_cursor']);
});

test('team token on a user route: 400 text without select_user; selectUser acts as the member', async () => {
  const team = await teamId();
  const dave = await accountByEmail(DAVE);
  const { access_token: token } = await mintToken({ team_id: team });
  const err = await dbxError(clientWithToken(token).usersGetCurrentAccount(), 400);
  assert.equal(typeof err.error, 'string');
  assert.match(err.error, /Dropbox-API-Select-User/);

  const asDave = clientWithToken(token, { selectUser: dave.team_member_id });
  const me = await asDave.usersGetCurrentAccount();
  check(FullAccount, me.result, 'FullAccount(select_user dave)');
  assert.equal(me.result.email, DAVE);

  const bad = await dbxError(clientWithToken(token, { selectUser: 'dbmid:nobody' }).usersGetCurrentAccount(), 401);
  checkErrorBody(AuthError, bad.error, ['invalid_select_user']);
});

test('selectAdmin option: an admin acts on whole-team routes; a non-admin is refused', async () => {
  const team = await teamId();
  const carol = await accountByEmail(CAROL);
  const dave = await accountByEmail(DAVE);
  const { access_token: token } = await mintToken({ team_id: team });
  const asAdmin = clientWithToken(token, { selectAdmin: carol.team_member_id });
  const me = await asAdmin.usersGetCurrentAccount();
  check(FullAccount, me.result, 'FullAccount(select_admin)');
  assert.equal(me.result.email, CAROL);
  check(ListFolderResult, (await asAdmin.filesListFolder({ path: '' })).result, 'ListFolderResult(select_admin)');
  const notAdmin = await dbxError(clientWithToken(token, { selectAdmin: dave.team_member_id }).usersGetCurrentAccount(), 401);
  checkErrorBody(AuthError, notAdmin.error, ['invalid_select_admin']);
});

test('user token on a team route: 400 text', async () => {
  const err = await dbxError((await clientFor(ALICE)).teamMembersListV2({}), 400);
  assert.equal(typeof err.error, 'string');
  assert.match(err.error, /team/i);
});

test('pathRoot option: root namespace shows the team folder; bad roots answer 422', async () => {
  const dbx = await clientFor(CAROL);
  const me = (await dbx.usersGetCurrentAccount()).result;
  const home = await dbx.filesListFolder({ path: '' });
  check(ListFolderResult, home.result, 'ListFolderResult(home)');

  const rootDbx = await clientFor(CAROL, {}, {
    pathRoot: JSON.stringify({ '.tag': 'root', root: me.root_info.root_namespace_id }),
  });
  const root = await rootDbx.filesListFolder({ path: '' });
  check(ListFolderResult, root.result, 'ListFolderResult(root)');
  const names = root.result.entries.map((e) => e.name);
  assert.ok(names.includes('Acme Shared'), `team root lists the team folder: ${names}`);
  assert.ok(names.includes(me.root_info.home_path.slice(1)), `team root lists carol's home: ${names}`);

  const nsDbx = await clientFor(CAROL, {}, {
    pathRoot: JSON.stringify({ '.tag': 'namespace_id', namespace_id: me.root_info.home_namespace_id }),
  });
  check(ListFolderResult, (await nsDbx.filesListFolder({ path: '' })).result, 'ListFolderResult(ns)');

  const wrongRoot = await clientFor(CAROL, {}, { pathRoot: JSON.stringify({ '.tag': 'root', root: '999999' }) });
  const err = await dbxError(wrongRoot.filesListFolder({ path: '' }), 422);
  checkErrorBody(PathRootError, err.error, ['invalid_root']);
  assert.equal(err.error.error.invalid_root.root_namespace_id, me.root_info.root_namespace_id);

  const alice = await accountByEmail(ALICE);
  const foreign = await clientFor(CAROL, {}, {
    pathRoot: JSON.stringify({ '.tag': 'namespace_id', namespace_id: alice.home_namespace_id }),
  });
  const denied = await dbxError(foreign.filesListFolder({ path: '' }), 422);
  checkErrorBody(PathRootError, denied.error, ['no_permission']);
});

test('users/get_account: BasicAccount for a stranger and a teammate; no_account', async () => {
  const bob = await accountByEmail(BOB);
  const dave = await accountByEmail(DAVE);
  const stranger = (await (await clientFor(ALICE)).usersGetAccount({ account_id: bob.account_id })).result;
  check(BasicAccount, stranger, 'BasicAccount(bob)');
  assert.equal(stranger.email, BOB);
  assert.equal(stranger.is_teammate, false);
  assert.equal(stranger.team_member_id ?? null, null);
  const mate = (await (await clientFor(CAROL)).usersGetAccount({ account_id: dave.account_id })).result;
  check(BasicAccount, mate, 'BasicAccount(dave)');
  assert.equal(mate.is_teammate, true);
  assert.equal(mate.team_member_id, dave.team_member_id);
  const missing = await dbxError((await clientFor(ALICE)).usersGetAccount({ account_id: `dbid:${'A'.repeat(35)}` }), 409);
  checkErrorBody(GetAccountError, missing.error, ['no_account']);
  const short = await dbxError((await clientFor(ALICE)).usersGetAccount({ account_id: 'dbid:short' }), 400);
  assert.equal(typeof short.error, 'string');
});

test('check/user echoes with a user token; check/app echoes with app key and secret', async () => {
  const user = await (await clientFor(ALICE)).checkUser({ query: 'ping ü' });
  check(EchoResult, user.result, 'EchoResult(user)');
  assert.equal(user.result.result, 'ping ü');
  const app = await clientWithApp(APP_KEY, APP_SECRET).checkApp({ query: 'app ping' });
  check(EchoResult, app.result, 'EchoResult(app)');
  assert.equal(app.result.result, 'app ping');
  const wrong = await dbxError(clientWithApp(APP_KEY, 'not-the-secret').checkApp({ query: 'x' }), 401);
  checkErrorBody(AuthError, wrong.error, ['invalid_access_token']);
  const bearer = await dbxError((await clientFor(ALICE)).checkApp({ query: 'x' }), 400);
  assert.equal(typeof bearer.error, 'string');
});
