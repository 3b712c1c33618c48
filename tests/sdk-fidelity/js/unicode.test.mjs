// Non-ASCII names (accents, emoji, right-to-left scripts, decomposed NFD) round trip through the
// SDK: its \uXXXX-escaped Dropbox-API-Arg header, JSON bodies and the escaped Dropbox-API-Result.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, clientFor, emulatorFetch, resetEmulator, wireLog } from './helpers.mjs';
import { FileMetadata, ListFolderResult, MetadataOf, SearchV2Result, SharedLinkMetadata, check } from './shapes.mjs';

let dbx;
before(async () => {
  await resetEmulator();
  dbx = await clientFor(ALICE);
});

const NAMES = [
  ['accents', 'Résumé café naïve.txt'],
  ['emoji', 'notes 📝 🚀 party.txt'],
  ['hebrew', 'מסמך חשוב.txt'],
  ['arabic', 'تقرير سنوي.txt'],
  ['cjk', '会議メモ.txt'],
  ['nfd', 'Cafe\u0301 decomposed.txt'],
];

for (const [label, name] of NAMES) {
  test(`non-ASCII name round trip: ${label}`, async () => {
    const folder = `/Ünïcödé ${label}`;
    const path = `${folder}/${name}`;
    const body = Buffer.from(`body of ${name}`, 'utf8');
    const mark = wireLog.length;
    const up = (await dbx.filesUpload({ path, contents: body })).result;
    const header = wireLog.slice(mark).find((c) => c.url.endsWith('/2/files/upload')).headers['Dropbox-API-Arg'];
    assert.match(header, /^[\x20-\x7e]+$/, 'the SDK escaped the header to ASCII');
    check(FileMetadata, up, 'upload result');
    assert.equal(up.name.normalize('NFC'), name.normalize('NFC'));
    assert.equal(up.path_display.normalize('NFC'), path.normalize('NFC'));

    const meta = (await dbx.filesGetMetadata({ path })).result;
    check(MetadataOf('file'), meta, 'get_metadata');
    assert.equal(meta.id, up.id);
    const lower = (await dbx.filesGetMetadata({ path: path.toLowerCase() })).result;
    assert.equal(lower.id, up.id, 'lookups are case-insensitive');

    const listing = (await dbx.filesListFolder({ path: folder })).result;
    check(ListFolderResult, listing, 'list_folder');
    assert.deepEqual(listing.entries.map((e) => e.name), [up.name]);

    const dl = await dbx.filesDownload({ path });
    assert.match(dl.headers.get('dropbox-api-result'), /^[\x20-\x7e]+$/, 'Dropbox-API-Result is ASCII-escaped');
    assert.equal(dl.result.name, up.name);
    assert.deepEqual(dl.result.fileBinary, body);

    const moved = (await dbx.filesMoveV2({ from_path: path, to_path: `${folder}/→ ${name}` })).result;
    assert.equal(moved.metadata.name, `→ ${up.name}`);

    const link = (await dbx.sharingCreateSharedLinkWithSettings({ path: moved.metadata.path_lower })).result;
    check(SharedLinkMetadata, link, 'shared link');
    assert.equal(link.name, moved.metadata.name);
    const served = await emulatorFetch(link.url);
    assert.equal(served.status, 200);

    const temp = (await dbx.filesGetTemporaryLink({ path: moved.metadata.path_display })).result;
    assert.deepEqual(Buffer.from(await (await emulatorFetch(temp.link)).arrayBuffer()), body);
  });
}

test('NFC and NFD spellings of one name address the same file', async () => {
  const nfc = '/norm/Caf\u00e9.txt';
  const nfd = '/norm/Cafe\u0301.txt';
  const up = (await dbx.filesUpload({ path: nfd, contents: Buffer.from('nfd') })).result;
  const viaNfc = (await dbx.filesGetMetadata({ path: nfc })).result;
  assert.equal(viaNfc.id, up.id);
  assert.equal(up.name, 'Cafe\u0301.txt', 'a name keeps the spelling it was uploaded with');
  assert.equal(up.path_lower, '/norm/caf\u00e9.txt', 'path_lower is composed (NFC)');
});

test('search_v2 finds a non-ASCII name', async () => {
  const res = (await dbx.filesSearchV2({ query: 'résumé' })).result;
  check(SearchV2Result, res, 'SearchV2Result(non-ASCII)');
  // The round-trip test above moved the file to '→ <name>'.
  assert.deepEqual(res.matches.map((m) => m.metadata.metadata.name), ['→ Résumé café naïve.txt']);
});
