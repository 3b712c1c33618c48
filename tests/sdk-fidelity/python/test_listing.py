"""get_metadata, list_folder (+continue, get_latest_cursor, longpoll) and bad input."""

import threading
import time
import unittest

import emu
import dropbox
from dropbox import exceptions, files


class MetadataTests(emu.EmulatorTestCase):

    def test_get_metadata_file_folder_deleted(self):
        folder = self.dbx.files_create_folder_v2("/Docs").metadata
        up = self.dbx.files_upload(b"hello", "/Docs/Note.TXT")
        meta = self.dbx.files_get_metadata("/docs/note.txt")
        self.assertIsInstance(meta, files.FileMetadata)
        self.assertEqual(meta.name, "Note.TXT")
        self.assertEqual(meta.path_lower, "/docs/note.txt")
        self.assertEqual(meta.path_display, "/Docs/Note.TXT")
        self.assertEqual(meta.id, up.id)
        self.assertTrue(meta.id.startswith("id:"))
        self.assertEqual(meta.rev, up.rev)
        self.assertRegex(meta.rev, r"^[0-9a-f]{9,}$")
        self.assertEqual(meta.size, 5)
        self.assertEqual(meta.content_hash, emu.content_hash(b"hello"))
        self.assertTrue(meta.is_downloadable)
        self.assertIsNotNone(meta.client_modified)
        self.assertIsNotNone(meta.server_modified)

        fmeta = self.dbx.files_get_metadata("/Docs")
        self.assertIsInstance(fmeta, files.FolderMetadata)
        self.assertEqual(fmeta.id, folder.id)
        self.assertEqual(fmeta.path_display, "/Docs")

        by_id = self.dbx.files_get_metadata(up.id)
        self.assertEqual(by_id.path_lower, "/docs/note.txt")
        by_rev = self.dbx.files_get_metadata("rev:" + up.rev)
        self.assertIsInstance(by_rev, files.FileMetadata)
        self.assertEqual(by_rev.rev, up.rev)

        self.dbx.files_delete_v2("/Docs/Note.TXT")
        error = self.assertApiError(self.dbx.files_get_metadata, "/Docs/Note.TXT")
        self.assertIsInstance(error, files.GetMetadataError)
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        deleted = self.dbx.files_get_metadata("/Docs/Note.TXT", include_deleted=True)
        self.assertIsInstance(deleted, files.DeletedMetadata)
        self.assertEqual(deleted.name, "Note.TXT")
        self.assertEqual(deleted.path_lower, "/docs/note.txt")

    def test_get_metadata_not_found_and_malformed(self):
        error = self.assertApiError(self.dbx.files_get_metadata, "/nope")
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        error = self.assertApiError(self.dbx.files_get_metadata, "/a//b")
        self.assertTrue(error.is_path() and error.get_path().is_malformed_path())
        error = self.assertApiError(self.dbx.files_get_metadata, "id:doesnotexist")
        self.assertTrue(error.is_path() and error.get_path().is_not_found())

    def test_get_metadata_root_is_unsupported(self):
        # The root ("/") is not a file or folder get_metadata can describe.
        with self.assertRaises((dropbox.exceptions.ApiError, exceptions.BadInputError)) as caught:
            self.dbx.files_get_metadata("/")
        if isinstance(caught.exception, dropbox.exceptions.ApiError):
            self.assertTrue(caught.exception.error.is_path() and caught.exception.error.get_path().is_malformed_path())

    def test_bad_input_is_400_plain_text(self):
        with self.assertRaises(exceptions.BadInputError) as caught:
            self.dbx.files_list_folder("/")
        self.assertEqual(caught.exception.status_code, 400)
        self.assertIn("files/list_folder", caught.exception.message)
        # A path the SDK would refuse locally, sent through the SDK's raw JSON transport.
        with self.assertRaises(exceptions.BadInputError) as caught:
            self.dbx.request_json_object("api", "files/get_metadata", "rpc", {"path": "no-leading-slash"}, "user", None)
        self.assertIn("path", caught.exception.message)
        with self.assertRaises(exceptions.BadInputError):
            self.dbx.request_json_object("api", "files/list_folder", "rpc", {"path": "", "limit": 0}, "user", None)
        with self.assertRaises(exceptions.BadInputError):
            self.dbx.request_json_object("api", "files/list_folder", "rpc", {"nopath": ""}, "user", None)


class ListFolderTests(emu.EmulatorTestCase):

    def _seed(self):
        self.dbx.files_create_folder_v2("/L")
        self.dbx.files_create_folder_v2("/L/Sub")
        for i in range(5):
            self.dbx.files_upload(b"%d" % i, "/L/f%d.txt" % i)
        self.dbx.files_upload(b"deep", "/L/Sub/deep.txt")

    def test_list_folder_paging(self):
        self._seed()
        page = self.dbx.files_list_folder("/L", limit=2)
        self.assertIsInstance(page, files.ListFolderResult)
        self.assertIsInstance(page.cursor, str)
        seen = list(page.entries)
        while page.has_more:
            page = self.dbx.files_list_folder_continue(page.cursor)
            self.assertIsInstance(page, files.ListFolderResult)
            seen += page.entries
        names = sorted(e.name for e in seen)
        self.assertEqual(names, ["Sub", "f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt"])
        self.assertTrue(any(isinstance(e, files.FolderMetadata) for e in seen))
        self.assertTrue(all(isinstance(e, (files.FileMetadata, files.FolderMetadata)) for e in seen))

    def test_list_folder_recursive_and_root(self):
        self._seed()
        page = self.dbx.files_list_folder("/L", recursive=True)
        paths = {e.path_lower for e in page.entries}
        self.assertIn("/l", paths)
        self.assertIn("/l/sub/deep.txt", paths)
        root = self.dbx.files_list_folder("")
        self.assertIn("/l", {e.path_lower for e in root.entries})

    def test_continue_sees_changes_and_deletions(self):
        self._seed()
        page = self.dbx.files_list_folder("/L")
        while page.has_more:
            page = self.dbx.files_list_folder_continue(page.cursor)
        cursor = page.cursor
        self.dbx.files_upload(b"new", "/L/new.txt")
        self.dbx.files_delete_v2("/L/f0.txt")
        delta = self.dbx.files_list_folder_continue(cursor)
        by_path = {e.path_lower: e for e in delta.entries}
        self.assertIsInstance(by_path["/l/new.txt"], files.FileMetadata)
        self.assertIsInstance(by_path["/l/f0.txt"], files.DeletedMetadata)

    def test_list_folder_include_deleted(self):
        self._seed()
        self.dbx.files_delete_v2("/L/f1.txt")
        page = self.dbx.files_list_folder("/L", include_deleted=True)
        entries = list(page.entries)
        while page.has_more:
            page = self.dbx.files_list_folder_continue(page.cursor)
            entries += page.entries
        deleted = [e for e in entries if isinstance(e, files.DeletedMetadata)]
        self.assertEqual([e.path_lower for e in deleted], ["/l/f1.txt"])
        plain = self.dbx.files_list_folder("/L")
        self.assertFalse(any(isinstance(e, files.DeletedMetadata) for e in plain.entries))

    def test_get_latest_cursor(self):
        self._seed()
        latest = self.dbx.files_list_folder_get_latest_cursor("/L")
        self.assertIsInstance(latest, files.ListFolderGetLatestCursorResult)
        empty = self.dbx.files_list_folder_continue(latest.cursor)
        self.assertEqual(empty.entries, [])
        self.assertFalse(empty.has_more)
        self.dbx.files_upload(b"later", "/L/later.txt")
        delta = self.dbx.files_list_folder_continue(latest.cursor)
        self.assertEqual([e.name for e in delta.entries], ["later.txt"])

    def test_list_folder_errors(self):
        error = self.assertApiError(self.dbx.files_list_folder, "/missing")
        self.assertIsInstance(error, files.ListFolderError)
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        self.dbx.files_upload(b"x", "/file.txt")
        error = self.assertApiError(self.dbx.files_list_folder, "/file.txt")
        self.assertTrue(error.is_path() and error.get_path().is_not_folder())
        error = self.assertApiError(self.dbx.files_list_folder_get_latest_cursor, "/missing")
        self.assertTrue(error.is_path() and error.get_path().is_not_found())

    def test_continue_reset(self):
        self._seed()
        cursor = self.dbx.files_list_folder("/L").cursor
        emu.admin("POST", "/cursors/reset", {"cursor": cursor})
        error = self.assertApiError(self.dbx.files_list_folder_continue, cursor)
        self.assertIsInstance(error, files.ListFolderContinueError)
        self.assertTrue(error.is_reset())

    def test_continue_bad_cursor_is_bad_input(self):
        with self.assertRaises(exceptions.BadInputError):
            self.dbx.files_list_folder_continue("AAnot-a-cursor")


class LongpollTests(emu.EmulatorTestCase):

    def test_longpoll_wakes_on_change(self):
        self.dbx.files_create_folder_v2("/P")
        cursor = self.dbx.files_list_folder_get_latest_cursor("/P").cursor
        # The longpoll route takes no auth: the SDK sends no Authorization header for it.
        poller = emu.client("unused-token-longpoll-is-noauth")
        results = {}

        def poll():
            try:
                results["r"] = poller.files_list_folder_longpoll(cursor, timeout=30)
            except Exception as e:  # surfaced by the assertions below
                results["e"] = e

        thread = threading.Thread(target=poll)
        started = time.monotonic()
        thread.start()
        time.sleep(0.5)
        self.assertTrue(thread.is_alive(), "longpoll answered before any change: %r" % results)
        self.dbx.files_upload(b"wake", "/P/wake.txt")
        thread.join(15)
        self.assertFalse(thread.is_alive())
        self.assertNotIn("e", results, results.get("e"))
        result = results["r"]
        self.assertIsInstance(result, files.ListFolderLongpollResult)
        self.assertTrue(result.changes)
        self.assertIsNone(result.backoff)
        self.assertLess(time.monotonic() - started, 15)

    def test_longpoll_backoff_and_immediate_changes(self):
        self.dbx.files_create_folder_v2("/P")
        cursor = self.dbx.files_list_folder_get_latest_cursor("/P").cursor
        self.dbx.files_upload(b"x", "/P/x.txt")
        emu.admin("POST", "/longpoll", {"backoff": 7})
        result = self.dbx.files_list_folder_longpoll(cursor)
        self.assertTrue(result.changes)
        self.assertEqual(result.backoff, 7)

    def test_longpoll_reset_and_bad_timeout(self):
        self.dbx.files_create_folder_v2("/P")
        cursor = self.dbx.files_list_folder_get_latest_cursor("/P").cursor
        emu.admin("POST", "/cursors/reset", {"cursor": cursor})
        error = self.assertApiError(self.dbx.files_list_folder_longpoll, cursor)
        self.assertIsInstance(error, files.ListFolderLongpollError)
        self.assertTrue(error.is_reset())
        fresh = self.dbx.files_list_folder_get_latest_cursor("/P").cursor
        # The SDK refuses timeout=10 locally (range 30..480), so send it raw to the notify host.
        with self.assertRaises(exceptions.BadInputError):
            self.dbx.request_json_object("notify", "files/list_folder/longpoll", "rpc",
                                         {"cursor": fresh, "timeout": 10}, "noauth", None)


if __name__ == "__main__":
    unittest.main()
