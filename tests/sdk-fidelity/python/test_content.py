"""download (+to_file), get_temporary_link, list_revisions, restore, search_v2 (+continue_v2)."""

import os
import tempfile
import time
import unittest

import emu
import dropbox
from dropbox import exceptions, files


class DownloadTests(emu.EmulatorTestCase):

    def test_download(self):
        up = self.dbx.files_upload(b"download me", "/d.txt")
        meta, resp = self.dbx.files_download("/d.txt")
        self.assertIsInstance(meta, files.FileMetadata)
        self.assertEqual(meta.id, up.id)
        self.assertEqual(meta.rev, up.rev)
        self.assertEqual(meta.content_hash, emu.content_hash(b"download me"))
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(resp.content, b"download me")

        meta2, resp2 = self.dbx.files_download(up.id)
        self.assertEqual(resp2.content, b"download me")
        self.dbx.files_upload(b"newer", "/d.txt", mode=files.WriteMode.overwrite)
        old, resp3 = self.dbx.files_download("/d.txt", rev=up.rev)
        self.assertEqual(old.rev, up.rev)
        self.assertEqual(resp3.content, b"download me")

    def test_download_to_file(self):
        data = os.urandom(300 * 1024)
        self.dbx.files_upload(data, "/blob.bin")
        with tempfile.TemporaryDirectory() as tmp:
            target = os.path.join(tmp, "blob.bin")
            meta = self.dbx.files_download_to_file(target, "/blob.bin")
            self.assertIsInstance(meta, files.FileMetadata)
            with open(target, "rb") as f:
                self.assertEqual(f.read(), data)
            self.assertEqual(meta.content_hash, emu.content_hash(data))

    def test_download_errors(self):
        error = self.assertApiError(self.dbx.files_download, "/missing.txt")
        self.assertIsInstance(error, files.DownloadError)
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        self.dbx.files_create_folder_v2("/folder")
        error = self.assertApiError(self.dbx.files_download, "/folder")
        self.assertTrue(error.is_path() and error.get_path().is_not_file())
        with tempfile.TemporaryDirectory() as tmp:
            error = self.assertApiError(self.dbx.files_download_to_file, os.path.join(tmp, "x"), "/missing.txt")
            self.assertTrue(error.get_path().is_not_found())

    def test_temporary_link(self):
        self.dbx.files_upload(b"linked bytes", "/Linked File.txt")
        result = self.dbx.files_get_temporary_link("/Linked File.txt")
        self.assertIsInstance(result, files.GetTemporaryLinkResult)
        self.assertIsInstance(result.metadata, files.FileMetadata)
        self.assertEqual(result.metadata.name, "Linked File.txt")
        self.assertTrue(result.link.startswith("https://"), result.link)
        status, headers, body = emu.https_get(result.link)
        self.assertEqual(status, 200)
        self.assertEqual(body, b"linked bytes")

        error = self.assertApiError(self.dbx.files_get_temporary_link, "/nope")
        self.assertIsInstance(error, files.GetTemporaryLinkError)
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        self.dbx.files_create_folder_v2("/fold")
        error = self.assertApiError(self.dbx.files_get_temporary_link, "/fold")
        self.assertTrue(error.is_path() and error.get_path().is_not_file())


class RevisionTests(emu.EmulatorTestCase):

    def test_list_revisions_and_restore(self):
        revs = []
        for i in range(3):
            mode = files.WriteMode.overwrite
            revs.append(self.dbx.files_upload(b"version %d" % i, "/r.txt", mode=mode))
            time.sleep(0.01)
        result = self.dbx.files_list_revisions("/r.txt")
        self.assertIsInstance(result, files.ListRevisionsResult)
        self.assertFalse(result.is_deleted)
        self.assertIsNone(result.server_deleted)
        self.assertEqual(len(result.entries), 3)
        self.assertTrue(all(isinstance(e, files.FileMetadata) for e in result.entries))
        self.assertEqual({e.rev for e in result.entries}, {r.rev for r in revs})
        self.assertEqual(result.entries[0].rev, revs[-1].rev)  # newest first

        limited = self.dbx.files_list_revisions("/r.txt", limit=1)
        self.assertEqual(len(limited.entries), 1)
        self.assertEqual(limited.entries[0].rev, revs[-1].rev)

        by_id = self.dbx.files_list_revisions(revs[0].id, mode=files.ListRevisionsMode.id)
        self.assertEqual(len(by_id.entries), 3)

        restored = self.dbx.files_restore("/r.txt", revs[0].rev)
        self.assertIsInstance(restored, files.FileMetadata)
        self.assertEqual(restored.content_hash, emu.content_hash(b"version 0"))
        _, resp = self.dbx.files_download("/r.txt")
        self.assertEqual(resp.content, b"version 0")

        self.dbx.files_delete_v2("/r.txt")
        after = self.dbx.files_list_revisions("/r.txt")
        self.assertTrue(after.is_deleted)
        self.assertIsNotNone(after.server_deleted)
        back = self.dbx.files_restore("/r.txt", revs[1].rev)
        self.assertEqual(back.size, len(b"version 1"))

    def test_revision_errors(self):
        error = self.assertApiError(self.dbx.files_list_revisions, "/none.txt")
        self.assertIsInstance(error, files.ListRevisionsError)
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        self.dbx.files_create_folder_v2("/dir")
        error = self.assertApiError(self.dbx.files_list_revisions, "/dir")
        self.assertTrue(error.is_path() and error.get_path().is_not_file())

        self.dbx.files_upload(b"x", "/x.txt")
        error = self.assertApiError(self.dbx.files_restore, "/x.txt", "0123456789abcdef")
        self.assertIsInstance(error, files.RestoreError)
        self.assertTrue(error.is_invalid_revision())


class SearchTests(emu.EmulatorTestCase):

    def test_search_v2_and_continue(self):
        self.dbx.files_create_folder_v2("/Reports")
        for i in range(5):
            self.dbx.files_upload(b"quarterly numbers", "/Reports/report-%d.txt" % i)
        self.dbx.files_upload(b"nothing here", "/other.txt")
        result = self.dbx.files_search_v2("report", options=files.SearchOptions(max_results=2))
        self.assertIsInstance(result, files.SearchV2Result)
        self.assertEqual(len(result.matches), 2)
        self.assertTrue(result.has_more)
        self.assertIsNotNone(result.cursor)
        match = result.matches[0]
        self.assertIsInstance(match, files.SearchMatchV2)
        self.assertTrue(match.metadata.is_metadata())
        self.assertIsInstance(match.metadata.get_metadata(), (files.FileMetadata, files.FolderMetadata))
        names = [m.metadata.get_metadata().name for m in result.matches]
        while result.has_more:
            result = self.dbx.files_search_continue_v2(result.cursor)
            self.assertIsInstance(result, files.SearchV2Result)
            names += [m.metadata.get_metadata().name for m in result.matches]
        self.assertEqual(sorted(names), ["Reports"] + ["report-%d.txt" % i for i in range(5)])

        scoped = self.dbx.files_search_v2("report", options=files.SearchOptions(path="/Reports", filename_only=True))
        self.assertEqual(len(scoped.matches), 5)
        self.assertFalse(scoped.has_more)
        for m in scoped.matches:
            self.assertTrue(m.match_type is None or m.match_type.is_filename(), m.match_type)

        by_content = self.dbx.files_search_v2("quarterly")
        self.assertEqual(len(by_content.matches), 5)

        none = self.dbx.files_search_v2("zzzz-no-match")
        self.assertEqual(none.matches, [])
        self.assertFalse(none.has_more)

    def test_search_deleted_and_highlights(self):
        self.dbx.files_upload(b"x", "/gone-report.txt")
        self.dbx.files_delete_v2("/gone-report.txt")
        deleted = self.dbx.files_search_v2("gone", options=files.SearchOptions(file_status=files.FileStatus.deleted))
        self.assertEqual(len(deleted.matches), 1)
        self.assertIsInstance(deleted.matches[0].metadata.get_metadata(), files.DeletedMetadata)
        active = self.dbx.files_search_v2("gone", options=files.SearchOptions(order_by=files.SearchOrderBy.last_modified_time),
                                          match_field_options=files.SearchMatchFieldOptions(include_highlights=True))
        self.assertEqual(active.matches, [])

    def test_search_errors(self):
        error = self.assertApiError(self.dbx.files_search_v2, "x", options=files.SearchOptions(path="/missing"))
        self.assertIsInstance(error, files.SearchError)
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        with self.assertRaises(exceptions.BadInputError):
            self.dbx.files_search_continue_v2("not base64 !!")


if __name__ == "__main__":
    unittest.main()
