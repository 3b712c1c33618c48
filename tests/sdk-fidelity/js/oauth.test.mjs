// OAuth 2 through the SDK's DropboxAuth: code flow with PKCE S256 and state against the consent
// page, refresh of an expired token, invalid_grant, and revocation of the refresh grant.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Dropbox } from 'dropbox';
import {
  ALICE, APP_KEY, APP_SECRET, REDIRECT_URI, accountByEmail, clientWithToken, dbxError, emulatorFetch, expireTokens,
  mintToken, newAuth, resetEmulator, sdkOptions, wireLog, HTTPS_URL,
} from './helpers.mjs';
import { AuthError, FullAccount, check, checkErrorBody } from './shapes.mjs';

before(resetEmulator);

const decodeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
  .replace(/&amp;/g, '&');

/** Plays the user at the consent page: GET the authorize URL, submit the form, return the redirect. */
async function consent(authorizeUrl, { decision = 'allow', account = ALICE } = {}) {
  const page = await emulatorFetch(authorizeUrl);
  const html = await page.text();
  assert.equal(page.status, 200, html);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    form.append(decodeHtml(m[1]), decodeHtml(m[2]));
  }
  assert.ok(form.has('client_id'), 'the consent form carries the request as hidden fields');
  form.append('decision', decision);
  form.append('account', account);
  const action = new URL('/oauth2/authorize', new URL(authorizeUrl).origin);
  const answer = await emulatorFetch(action, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString(),
  });
  assert.equal(answer.status, 302, await answer.clone().text());
  return new URL(answer.headers.get('location'));
}

test('code flow with PKCE S256 and state through DropboxAuth', async () => {
  const auth = newAuth({ clientId: APP_KEY });
  const url = await auth.getAuthenticationUrl(REDIRECT_URI, 'state-42', 'code', 'offline', null, 'none', true);
  const parsed = new URL(url);
  assert.equal(parsed.pathname, '/oauth2/authorize');
  assert.equal(parsed.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(parsed.searchParams.get('code_challenge').length >= 43);

  const redirect = await consent(url);
  assert.equal(`${redirect.origin}${redirect.pathname}`, REDIRECT_URI);
  assert.equal(redirect.searchParams.get('state'), 'state-42');
  const code = redirect.searchParams.get('code');
  assert.ok(code);

  const mark = wireLog.length;
  const token = await auth.getAccessTokenFromCode(REDIRECT_URI, code);
  assert.equal(token.status, 200);
  const sent = wireLog.slice(mark).find((c) => c.url.includes('/oauth2/token'));
  assert.ok(!sent.url.includes('client_secret'), 'PKCE exchange sends no secret');
  assert.ok(sent.url.includes('code_verifier='), 'PKCE exchange sends the verifier');
  const t = token.result;
  assert.equal(t.token_type, 'bearer');
  assert.equal(typeof t.access_token, 'string');
  assert.ok(Number.isInteger(t.expires_in) && t.expires_in > 0);
  assert.equal(typeof t.refresh_token, 'string', 'offline access returns a refresh token');
  assert.equal(typeof t.scope, 'string');
  const alice = await accountByEmail(ALICE);
  assert.equal(t.account_id, alice.account_id);
  assert.equal(typeof t.uid, 'string');

  const me = await clientWithToken(t.access_token).usersGetCurrentAccount();
  check(FullAccount, me.result, 'FullAccount(oauth)');
  assert.equal(me.result.email, ALICE);

  // The code is single use.
  const reuse = await auth.getAccessTokenFromCode(REDIRECT_URI, code).then(() => null, (e) => e);
  assert.equal(reuse?.status, 400);
  assert.equal(reuse.error.error, 'invalid_grant');

  // The PKCE refresh grant works with the client id alone (no secret).
  const dbx = new Dropbox({ ...sdkOptions(), clientId: APP_KEY, refreshToken: t.refresh_token });
  const refreshed = await dbx.usersGetCurrentAccount();
  assert.equal(refreshed.result.email, ALICE);
  assert.notEqual(dbx.auth.getAccessToken(), t.access_token);
});

test('code flow: a wrong verifier, a wrong redirect_uri and a denied consent', async () => {
  const auth = newAuth({ clientId: APP_KEY });
  const url = await auth.getAuthenticationUrl(REDIRECT_URI, 's1', 'code', 'online', null, 'none', true);
  const code = (await consent(url)).searchParams.get('code');
  auth.setCodeVerifier('x'.repeat(64));
  const wrong = await auth.getAccessTokenFromCode(REDIRECT_URI, code).then(() => null, (e) => e);
  assert.equal(wrong?.status, 400);
  assert.equal(wrong.error.error, 'invalid_grant');
  assert.equal(typeof wrong.error.error_description, 'string');

  const withSecret = newAuth({ clientId: APP_KEY, clientSecret: APP_SECRET });
  const url2 = await withSecret.getAuthenticationUrl(REDIRECT_URI, 's2', 'code', 'online');
  const code2 = (await consent(url2)).searchParams.get('code');
  const mismatch = await withSecret.getAccessTokenFromCode('http://127.0.0.1:53682/other', code2).then(() => null, (e) => e);
  assert.equal(mismatch?.status, 400);
  assert.equal(mismatch.error.error, 'invalid_grant');

  const url3 = await withSecret.getAuthenticationUrl(REDIRECT_URI, 's3', 'code', 'online');
  const denied = await consent(url3, { decision: 'deny' });
  assert.equal(denied.searchParams.get('error'), 'access_denied');
  assert.equal(denied.searchParams.get('state'), 's3');

  // Confidential client: code + secret exchange, online access has no refresh token.
  const url4 = await withSecret.getAuthenticationUrl(REDIRECT_URI, 's4', 'code', 'online');
  const ok = await withSecret.getAccessTokenFromCode(REDIRECT_URI, (await consent(url4)).searchParams.get('code'));
  assert.equal(ok.result.refresh_token, undefined);
  assert.equal((await clientWithToken(ok.result.access_token).usersGetCurrentAccount()).result.email, ALICE);
});

test('refresh: an SDK that knows its token expired refreshes before the call', async () => {
  const minted = await mintToken({ account: ALICE, refresh: true });
  await expireTokens({ token: minted.access_token });
  const dbx = new Dropbox({
    ...sdkOptions(), accessToken: minted.access_token, accessTokenExpiresAt: new Date(Date.now() - 1000),
    refreshToken: minted.refresh_token, clientId: APP_KEY, clientSecret: APP_SECRET,
  });
  const mark = wireLog.length;
  const me = await dbx.usersGetCurrentAccount();
  check(FullAccount, me.result, 'FullAccount(after refresh)');
  const calls = wireLog.slice(mark).map((c) => new URL(c.url).pathname);
  assert.deepEqual(calls, ['/oauth2/token', '/2/users/get_current_account']);
  assert.notEqual(dbx.auth.getAccessToken(), minted.access_token);
  assert.ok(dbx.auth.getAccessTokenExpiresAt() > new Date(), 'new expiry from expires_in');

  // The refresh reply itself, sent exactly as the SDK sends it (query string, JSON Content-Type).
  const q = new URLSearchParams({
    grant_type: 'refresh_token', refresh_token: minted.refresh_token, client_id: APP_KEY, client_secret: APP_SECRET,
  });
  const reply = await emulatorFetch(`${HTTPS_URL}/oauth2/token?${q}`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('content-type'), 'application/json');
  const body = await reply.json();
  assert.equal(body.token_type, 'bearer');
  assert.equal(typeof body.access_token, 'string');
  assert.ok(Number.isInteger(body.expires_in) && body.expires_in > 0);
  assert.equal(body.refresh_token, undefined, 'a refresh reply carries no new refresh token');
});

test('refresh: a server-side expiry surfaces 401 expired_access_token; refreshAccessToken recovers', async () => {
  const minted = await mintToken({ account: ALICE, refresh: true });
  const dbx = new Dropbox({
    ...sdkOptions(), accessToken: minted.access_token, accessTokenExpiresAt: new Date(Date.now() + 3_600_000),
    refreshToken: minted.refresh_token, clientId: APP_KEY, clientSecret: APP_SECRET,
  });
  await dbx.usersGetSpaceUsage();
  await expireTokens({ token: minted.access_token });
  const err = await dbxError(dbx.usersGetSpaceUsage(), 401);
  checkErrorBody(AuthError, err.error, ['expired_access_token']);
  await dbx.auth.refreshAccessToken();
  assert.equal((await dbx.usersGetSpaceUsage()).status, 200);
});

test('invalid_grant for a bogus refresh token; revoke kills the refresh grant', async () => {
  const bogus = new Dropbox({ ...sdkOptions(), refreshToken: 'nope', clientId: APP_KEY, clientSecret: APP_SECRET });
  const err = await bogus.usersGetCurrentAccount().then(() => null, (e) => e);
  assert.equal(err?.status, 400);
  assert.equal(err.error.error, 'invalid_grant');
  assert.equal(typeof err.error.error_description, 'string');

  const wrongSecret = new Dropbox({ ...sdkOptions(), refreshToken: 'nope', clientId: APP_KEY, clientSecret: 'wrong' });
  const bad = await wrongSecret.usersGetCurrentAccount().then(() => null, (e) => e);
  assert.ok([400, 401].includes(bad?.status));
  assert.equal(bad.error.error, 'invalid_client');

  const minted = await mintToken({ account: ALICE, refresh: true });
  const dbx = new Dropbox({ ...sdkOptions(), refreshToken: minted.refresh_token, clientId: APP_KEY, clientSecret: APP_SECRET });
  await dbx.usersGetCurrentAccount();
  await dbx.authTokenRevoke();
  const revoked = await dbxError(clientWithToken(minted.access_token).usersGetCurrentAccount(), 401);
  checkErrorBody(AuthError, revoked.error, ['invalid_access_token']);
  const again = await dbx.auth.refreshAccessToken().then(() => null, (e) => e);
  assert.equal(again?.status, 400);
  assert.equal(again.error.error, 'invalid_grant');
});
