// Shared plumbing for the JS SDK fidelity battery: a fetch that reaches the emulator's HTTPS port
// (trusting its dev CA), SDK client factories, the emulator admin API, and raw wire helpers.
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import assert from 'node:assert/strict';
import { Dropbox, DropboxAuth, DropboxResponseError } from 'dropbox';

for (const name of ['EMULATOR_URL', 'EMULATOR_HTTPS_URL', 'EMULATOR_HTTPS_HOST', 'EMULATOR_CA', 'EMULATOR_ADMIN_SECRET']) {
  if (!process.env[name]) {
    throw new Error(`${name} is not set: run this battery through tests/sdk-fidelity/with-emulator.sh`);
  }
}

export const ADMIN_URL = process.env.EMULATOR_URL.replace(/\/$/, '');
export const ADMIN_SECRET = process.env.EMULATOR_ADMIN_SECRET;
export const HTTPS_URL = process.env.EMULATOR_HTTPS_URL.replace(/\/$/, '');
export const HTTPS_HOST = process.env.EMULATOR_HTTPS_HOST;
export const APP_KEY = 'docsync-dev-app';
export const APP_SECRET = 'docsync-dev-secret';
export const REDIRECT_URI = 'http://127.0.0.1:53682/callback';
export const ALICE = 'alice@example.com';
export const BOB = 'bob@example.com';
export const CAROL = 'carol@acme.example';
export const DAVE = 'dave@acme.example';

// No keep-alive: pooled sockets would hold each test process open after its last test.
const agent = new https.Agent({ ca: readFileSync(process.env.EMULATOR_CA), keepAlive: false });

/** Every request the SDK made through {@link emulatorFetch}: the URL it asked for and what it sent. */
export const wireLog = [];

/**
 * The SDK builds `https://<domain>/2/...` for every host once `domainDelimiter` is empty, but its
 * OAuth URLs are `https://api-<domain>/oauth2/token` and `https://meta-<domain>/oauth2/authorize`
 * whatever the delimiter. The emulator serves everything on one origin, so fold those back.
 */
export function toEmulatorUrl(url) {
  const parsed = new URL(String(url));
  if (parsed.host.endsWith(`-${HTTPS_HOST}`) || parsed.host === HTTPS_HOST) {
    parsed.host = HTTPS_HOST;
    return parsed;
  }
  throw new Error(`the SDK addressed a host outside the emulator: ${url}`);
}

async function bodyBytes(body) {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof Blob !== 'undefined' && body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  if (body instanceof URLSearchParams) return Buffer.from(body.toString(), 'utf8');
  if (typeof body.pipe === 'function' || body instanceof Readable) {
    const chunks = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  if (typeof body[Symbol.asyncIterator] === 'function') {
    const chunks = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new TypeError(`unsupported request body: ${Object.prototype.toString.call(body)}`);
}

function headerObject(headers) {
  const out = {};
  if (!headers) return out;
  const entries = typeof headers.entries === 'function' && !Array.isArray(headers)
    ? headers.entries() : Object.entries(headers);
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/**
 * A WHATWG-fetch-compatible function over node:https that trusts the emulator's CA. It never
 * follows redirects (the emulator's OAuth page answers 302 to a loopback callback nobody listens on).
 */
export async function emulatorFetch(input, init = {}) {
  const url = toEmulatorUrl(input);
  const method = (init.method || 'GET').toUpperCase();
  const headers = headerObject(init.headers);
  const payload = await bodyBytes(init.body);
  if (payload !== null) headers['Content-Length'] = String(payload.length);
  wireLog.push({ url: String(input), method, headers: { ...headers }, body: payload });
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, agent, signal: init.signal }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          for (const one of Array.isArray(v) ? v : [v]) h.append(k, one);
        }
        const noBody = [101, 204, 205, 304].includes(res.statusCode);
        resolve(new Response(noBody ? null : Buffer.concat(chunks), {
          status: res.statusCode, statusText: res.statusMessage, headers: h,
        }));
      });
    });
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}

/** Options that point an SDK object at the emulator. */
export const sdkOptions = () => ({ fetch: emulatorFetch, domain: HTTPS_HOST, domainDelimiter: '' });

/** A Dropbox client for an account (email or id): mints a token through the admin API. */
export async function clientFor(account = ALICE, extra = {}, clientOptions = {}) {
  const { access_token: accessToken } = await mintToken({ account, ...extra });
  return new Dropbox({ ...sdkOptions(), accessToken, ...clientOptions });
}

/** A Dropbox client holding a raw access token. */
export const clientWithToken = (accessToken, clientOptions = {}) =>
  new Dropbox({ ...sdkOptions(), accessToken, ...clientOptions });

/** A Dropbox client with only app credentials (app-auth routes send HTTP Basic). */
export const clientWithApp = (clientId, clientSecret) => new Dropbox({ ...sdkOptions(), clientId, clientSecret });

export const newAuth = (options = {}) => new DropboxAuth({ ...sdkOptions(), ...options });

// ---------------------------------------------------------------------------------------------
// Admin API (plain HTTP, never a Dropbox route)

export async function admin(method, path, body) {
  const res = await fetch(`${ADMIN_URL}/_emulator${path}`, {
    method,
    headers: {
      'X-Emulator-Admin-Secret': ADMIN_SECRET,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${method} ${path} -> ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export const resetEmulator = () => admin('POST', '/reset', { confirm: 'reset' });
export const mintToken = (body) => admin('POST', '/tokens', body);
export const expireTokens = (body) => admin('POST', '/tokens/expire', body);
export const setFaults = (rules, seed = 1) => admin('PUT', '/faults', { seed, rules });
export const clearFaults = () => admin('DELETE', '/faults');
export const accounts = () => admin('GET', '/accounts');
export const accountByEmail = async (email) => (await accounts()).find((a) => a.email === email);

/** The team id of the seeded team (from carol's account). */
export async function teamId() {
  const carol = await accountByEmail(CAROL);
  assert.ok(carol?.team_id, 'seeded team member carol has a team_id');
  return carol.team_id;
}

// ---------------------------------------------------------------------------------------------
// Raw wire calls (for what the SDK cannot express)

/** A raw HTTPS call to the emulator: `{status, headers, text, json, bytes}`. */
export async function raw(path, { method = 'POST', headers = {}, body } = {}) {
  const res = await emulatorFetch(`${HTTPS_URL}${path}`, { method, headers, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json, bytes };
}

// ---------------------------------------------------------------------------------------------
// Error helpers

/** Awaits a promise that must reject with a DropboxResponseError of `status`; returns the error. */
export async function dbxError(promise, status) {
  let error;
  try {
    const value = await promise;
    assert.fail(`expected HTTP ${status}, got success: ${JSON.stringify(value?.result)?.slice(0, 300)}`);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    error = e;
  }
  assert.ok(error instanceof DropboxResponseError, `expected DropboxResponseError, got ${error}`);
  assert.equal(error.status, status, `status (body: ${JSON.stringify(error.error)})`);
  // JSON error bodies say exactly application/json; text ones say text/plain (an edge proxy's own
  // 502 page: text/html). The API servers' answers carry a request id; the edge's own do not.
  const type = error.headers.get('content-type');
  const fromEdge = error.headers.get('server') === 'envoy';
  if (typeof error.error === 'object') assert.equal(type, 'application/json', 'JSON error Content-Type');
  else assert.match(type ?? '', fromEdge ? /^text\/(plain|html)/ : /^text\/plain/, 'text error Content-Type');
  if (!fromEdge) assert.ok(error.headers.get('x-dropbox-request-id'), 'X-Dropbox-Request-Id on errors');
  return error;
}

/** Tag path of a union value: {".tag":"path","path":{".tag":"not_found"}} -> ['path', 'not_found']. */
export function tagPath(value) {
  const parts = [];
  let cur = value;
  while (cur && typeof cur === 'object' && typeof cur['.tag'] === 'string') {
    const tag = cur['.tag'];
    parts.push(tag);
    if (cur[tag] && typeof cur[tag] === 'object') {
      cur = cur[tag];
    } else {
      cur = Object.entries(cur).find(([k, v]) => k !== '.tag' && v && typeof v === 'object' && '.tag' in v)?.[1];
    }
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Content hash (Dropbox's block scheme), computed independently of the SDK

export function dropboxContentHash(data) {
  const block = 4 * 1024 * 1024;
  const outer = createHash('sha256');
  for (let i = 0; i < data.length; i += block) {
    outer.update(createHash('sha256').update(data.subarray(i, i + block)).digest());
  }
  return outer.digest('hex');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls an async-job check until it leaves in_progress. */
export async function pollJob(check, asyncJobId, { tries = 100, delayMs = 50 } = {}) {
  for (let i = 0; i < tries; i += 1) {
    const res = await check({ async_job_id: asyncJobId });
    if (res.result['.tag'] !== 'in_progress') return res;
    await sleep(delayMs);
  }
  throw new Error(`job ${asyncJobId} still in progress`);
}
