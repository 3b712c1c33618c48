"""Non-ASCII names (accents, emoji, RTL, NFD) round trip through headers and bodies."""

import unicodedata
import unittest

import emu
import dropbox
from dropbox import files, sharing

NAMES = [
    "Résumé Überweisung.txt",      # Latin accents (NFC)
    "emoji 😀🎉 file.txt",          # astral plane: surrogate pairs in \\u escapes
    "עברית مرحبا.txt",              # RTL scripts
    "日本語のファイル.txt",           # CJK
    "Ελληνικά ΣΟΦΙΑ.txt",           # Greek capitals (lower-cased in path_lower)
]


class UnicodeTests(emu.EmulatorTestCase):

    def test_round_trip_names(self):
        self.dbx.files_create_folder_v2("/Dossier été 📁")
        for name in NAMES:
            path = "/Dossier été 📁/" + name
            data = ("contents of " + name).encode("utf-8")
            up = self.dbx.files_upload(data, path)            # name travels in Dropbox-API-Arg
            self.assertEqual(up.name, name)
            self.assertEqual(up.path_display, path)
            self.assertEqual(up.path_lower, path.lower())
            meta = self.dbx.files_get_metadata(path.upper() if name.isascii() else path)  # RPC body
            self.assertEqual(meta.id, up.id)
            got, resp = self.dbx.files_download(path)          # name comes back in Dropbox-API-Result
            self.assertEqual(got.name, name)
            self.assertEqual(got.path_display, path)
            self.assertEqual(resp.content, data)
            link = self.dbx.files_get_temporary_link(path)
            self.assertEqual(link.metadata.name, name)
            status, _, body = emu.https_get(link.link)
            self.assertEqual((status, body), (200, data))
        listed = self.dbx.files_list_folder("/Dossier été 📁")
        self.assertEqual(sorted(e.name for e in listed.entries), sorted(NAMES))
        self.assertEqual(listed.entries[0].path_display.split("/")[1], "Dossier été 📁")

    def test_case_insensitive_unicode_lookup(self):
        self.dbx.files_upload(b"x", "/ÉCOLE.txt")
        meta = self.dbx.files_get_metadata("/école.TXT")
        self.assertEqual(meta.name, "ÉCOLE.txt")
        self.assertEqual(meta.path_lower, "/école.txt")

    def test_nfd_names_keep_their_spelling_and_compare_composed(self):
        nfd = unicodedata.normalize("NFD", "/Café Noël.txt")
        nfc = unicodedata.normalize("NFC", nfd)
        self.assertNotEqual(nfd, nfc)
        up = self.dbx.files_upload(b"nfd", nfd)
        self.assertEqual(up.name, nfd[1:])
        self.assertEqual(up.path_display, nfd)
        self.assertEqual(up.path_lower, nfc.lower())
        listed = self.dbx.files_list_folder("").entries
        self.assertIn(nfd, [e.path_display for e in listed])
        self.assertEqual(self.dbx.files_get_metadata(nfc).id, up.id)
        self.assertEqual(self.dbx.files_get_metadata(nfd).id, up.id)
        error = self.assertApiError(self.dbx.files_upload, b"again", nfc)
        self.assertTrue(error.get_path().reason.is_conflict())

    def test_unicode_move_copy_search_share(self):
        self.dbx.files_upload(b"m", "/Ünïcødé 🚀.md")
        moved = self.dbx.files_move_v2("/Ünïcødé 🚀.md", "/Ταξίδι/Ünïcødé 🚀.md").metadata
        self.assertEqual(moved.path_display, "/Ταξίδι/Ünïcødé 🚀.md")
        copied = self.dbx.files_copy_v2("/Ταξίδι/Ünïcødé 🚀.md", "/copie – ✓.md").metadata
        self.assertEqual(copied.name, "copie – ✓.md")
        found = self.dbx.files_search_v2("🚀")
        self.assertEqual([m.metadata.get_metadata().name for m in found.matches], ["Ünïcødé 🚀.md"])
        link = self.dbx.sharing_create_shared_link_with_settings("/copie – ✓.md")
        self.assertIsInstance(link, sharing.FileLinkMetadata)
        self.assertEqual(link.name, "copie – ✓.md")
        status, _, body = emu.https_get(link.url)
        self.assertEqual((status, body), (200, b"m"))

    def test_session_finish_with_unicode_path(self):
        start = self.dbx.files_upload_session_start(b"abc", close=True)
        meta = self.dbx.files_upload_session_finish(b"", files.UploadSessionCursor(start.session_id, 3),
                                                    files.CommitInfo("/séance 🎬.bin"))
        self.assertEqual(meta.name, "séance 🎬.bin")


if __name__ == "__main__":
    unittest.main()
