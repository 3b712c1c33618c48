"""files/upload and the upload-session family, content_hash checks, a large chunked upload."""

import os
import time
import unittest

import emu
import dropbox
from dropbox import exceptions, files

EMPTY_HASH = emu.content_hash(b"")


class UploadTests(emu.EmulatorTestCase):

    def test_upload_modes_and_conflicts(self):
        first = self.dbx.files_upload(b"v1", "/u.txt")
        self.assertIsInstance(first, files.FileMetadata)
        self.assertEqual(first.size, 2)
        self.assertEqual(first.content_hash, emu.content_hash(b"v1"))

        error = self.assertApiError(self.dbx.files_upload, b"v2", "/u.txt")  # mode add
        self.assertIsInstance(error, files.UploadError)
        self.assertTrue(error.is_path())
        failed = error.get_path()
        self.assertIsInstance(failed, files.UploadWriteFailed)
        self.assertTrue(failed.reason.is_conflict() and failed.reason.get_conflict().is_file())
        self.assertIsInstance(failed.upload_session_id, str)

        renamed = self.dbx.files_upload(b"v2", "/u.txt", autorename=True)
        self.assertEqual(renamed.name, "u (1).txt")

        second = self.dbx.files_upload(b"v2!", "/u.txt", mode=files.WriteMode.overwrite)
        self.assertNotEqual(second.rev, first.rev)
        self.assertEqual(second.id, first.id)

        third = self.dbx.files_upload(b"v3", "/u.txt", mode=files.WriteMode.update(second.rev))
        self.assertEqual(third.size, 2)
        error = self.assertApiError(self.dbx.files_upload, b"v4", "/u.txt", mode=files.WriteMode.update(second.rev))
        self.assertTrue(error.is_path() and error.get_path().reason.is_conflict())

        # Overwriting with identical bytes still answers a full FileMetadata.
        same = self.dbx.files_upload(b"v3", "/u.txt", mode=files.WriteMode.overwrite)
        self.assertEqual(same.content_hash, emu.content_hash(b"v3"))

    def test_upload_failure_session_can_be_finished(self):
        self.dbx.files_upload(b"first", "/clash.txt")
        error = self.assertApiError(self.dbx.files_upload, b"second!", "/clash.txt")
        session_id = error.get_path().upload_session_id
        meta = self.dbx.files_upload_session_finish(b"", files.UploadSessionCursor(session_id, 7),
                                                    files.CommitInfo("/elsewhere.txt"))
        self.assertEqual(meta.content_hash, emu.content_hash(b"second!"))

    def test_upload_client_modified_and_conflict_under_file(self):
        import datetime
        when = datetime.datetime(2020, 5, 17, 10, 30, 0)
        meta = self.dbx.files_upload(b"dated", "/dated.txt", client_modified=when)
        self.assertEqual(meta.client_modified, when)
        error = self.assertApiError(self.dbx.files_upload, b"x", "/dated.txt/child.txt")
        self.assertTrue(error.is_path())
        reason = error.get_path().reason
        self.assertTrue(reason.is_conflict() and reason.get_conflict().is_file_ancestor(), reason)

    def test_upload_disallowed_and_malformed(self):
        error = self.assertApiError(self.dbx.files_upload, b"x", "/desktop.ini")
        self.assertTrue(error.is_path() and error.get_path().reason.is_disallowed_name())
        error = self.assertApiError(self.dbx.files_upload, b"x", "/a//b.txt")
        self.assertTrue(error.is_path() and error.get_path().reason.is_malformed_path())

    def test_upload_insufficient_space(self):
        emu.admin("POST", "/quota", {"account": emu.ALICE, "fill": True})
        error = self.assertApiError(self.dbx.files_upload, b"too much", "/full.txt")
        self.assertTrue(error.is_path() and error.get_path().reason.is_insufficient_space())

    def test_upload_content_hash(self):
        # python3-dropbox 11.34 does not compute content_hash itself: pass it explicitly.
        data = b"hash me"
        ok = self.dbx.files_upload(data, "/h.txt", content_hash=emu.content_hash(data))
        self.assertEqual(ok.content_hash, emu.content_hash(data))
        error = self.assertApiError(self.dbx.files_upload, data, "/h2.txt", content_hash=emu.content_hash(b"other"))
        self.assertTrue(error.is_content_hash_mismatch())
        error = self.assertApiError(self.dbx.files_get_metadata, "/h2.txt")
        self.assertTrue(error.get_path().is_not_found())

    def test_upload_empty_file(self):
        meta = self.dbx.files_upload(b"", "/empty.txt")
        self.assertEqual(meta.size, 0)
        self.assertEqual(meta.content_hash, EMPTY_HASH)


class SessionTests(emu.EmulatorTestCase):

    def test_session_start_append_finish(self):
        start = self.dbx.files_upload_session_start(b"abc", content_hash=emu.content_hash(b"abc"))
        self.assertIsInstance(start, files.UploadSessionStartResult)
        cursor = files.UploadSessionCursor(start.session_id, 3)
        self.assertIsNone(self.dbx.files_upload_session_append_v2(b"def", cursor, content_hash=emu.content_hash(b"def")))
        cursor = files.UploadSessionCursor(start.session_id, 6)
        meta = self.dbx.files_upload_session_finish(b"gh", cursor, files.CommitInfo("/s.txt"),
                                                    content_hash=emu.content_hash(b"gh"))
        self.assertIsInstance(meta, files.FileMetadata)
        self.assertEqual(meta.size, 8)
        self.assertEqual(meta.content_hash, emu.content_hash(b"abcdefgh"))
        _, resp = self.dbx.files_download("/s.txt")
        self.assertEqual(resp.content, b"abcdefgh")

    def test_session_errors(self):
        start = self.dbx.files_upload_session_start(b"12345")
        error = self.assertApiError(self.dbx.files_upload_session_append_v2, b"x",
                                    files.UploadSessionCursor(start.session_id, 2))
        self.assertIsInstance(error, files.UploadSessionAppendError)
        self.assertTrue(error.is_incorrect_offset())
        self.assertEqual(error.get_incorrect_offset().correct_offset, 5)

        error = self.assertApiError(self.dbx.files_upload_session_append_v2, b"x",
                                    files.UploadSessionCursor("pid_upload_session:nope", 0))
        self.assertTrue(error.is_not_found())

        error = self.assertApiError(self.dbx.files_upload_session_append_v2, b"x",
                                    files.UploadSessionCursor(start.session_id, 5), content_hash=emu.content_hash(b"y"))
        self.assertTrue(error.is_content_hash_mismatch())

        self.dbx.files_upload_session_append_v2(b"6", files.UploadSessionCursor(start.session_id, 5), close=True)
        error = self.assertApiError(self.dbx.files_upload_session_append_v2, b"7",
                                    files.UploadSessionCursor(start.session_id, 6))
        self.assertTrue(error.is_closed())

        error = self.assertApiError(self.dbx.files_upload_session_finish, b"", files.UploadSessionCursor(start.session_id, 4),
                                    files.CommitInfo("/e.txt"))
        self.assertIsInstance(error, files.UploadSessionFinishError)
        self.assertTrue(error.is_lookup_failed())
        lookup = error.get_lookup_failed()
        self.assertTrue(lookup.is_incorrect_offset() or lookup.is_closed(), lookup)

        error = self.assertApiError(self.dbx.files_upload_session_finish, b"", files.UploadSessionCursor(start.session_id, 6),
                                    files.CommitInfo("/e.txt"), content_hash=emu.content_hash(b"not empty"))
        self.assertTrue(error.is_content_hash_mismatch())

        self.dbx.files_upload(b"occupied", "/taken.txt")
        error = self.assertApiError(self.dbx.files_upload_session_finish, b"", files.UploadSessionCursor(start.session_id, 6),
                                    files.CommitInfo("/taken.txt"), content_hash=EMPTY_HASH)
        self.assertTrue(error.is_path() and error.get_path().is_conflict())
        # The session survives a path failure: commit it elsewhere.
        meta = self.dbx.files_upload_session_finish(b"", files.UploadSessionCursor(start.session_id, 6),
                                                    files.CommitInfo("/free.txt"))
        self.assertEqual(meta.size, 6)

    def test_session_start_errors(self):
        error = self.assertApiError(self.dbx.files_upload_session_start, b"abc", content_hash=emu.content_hash(b"x"))
        self.assertIsInstance(error, files.UploadSessionStartError)
        self.assertTrue(error.is_content_hash_mismatch())
        error = self.assertApiError(self.dbx.files_upload_session_start, b"data",
                                    session_type=files.UploadSessionType.concurrent)
        self.assertTrue(error.is_concurrent_session_data_not_allowed())
        error = self.assertApiError(self.dbx.files_upload_session_start, b"", close=True,
                                    session_type=files.UploadSessionType.concurrent)
        self.assertTrue(error.is_concurrent_session_close_not_allowed())

    def test_large_session_upload_9mib(self):
        chunk = 4 * 1024 * 1024
        data = os.urandom(9 * 1024 * 1024)
        start = self.dbx.files_upload_session_start(data[:chunk], content_hash=emu.content_hash(data[:chunk]))
        offset = chunk
        while len(data) - offset > chunk:
            piece = data[offset:offset + chunk]
            self.dbx.files_upload_session_append_v2(piece, files.UploadSessionCursor(start.session_id, offset),
                                                    content_hash=emu.content_hash(piece))
            offset += chunk
        tail = data[offset:]
        meta = self.dbx.files_upload_session_finish(tail, files.UploadSessionCursor(start.session_id, offset),
                                                    files.CommitInfo("/big.bin"), content_hash=emu.content_hash(tail))
        self.assertEqual(meta.size, len(data))
        self.assertEqual(meta.content_hash, emu.content_hash(data))
        _, resp = self.dbx.files_download("/big.bin")
        self.assertEqual(emu.content_hash(resp.content), emu.content_hash(data))

    def test_concurrent_session(self):
        chunk = 4 * 1024 * 1024
        data = os.urandom(chunk + 100)
        start = self.dbx.files_upload_session_start(b"", session_type=files.UploadSessionType.concurrent)
        self.dbx.files_upload_session_append_v2(data[chunk:], files.UploadSessionCursor(start.session_id, chunk), close=True)
        self.dbx.files_upload_session_append_v2(data[:chunk], files.UploadSessionCursor(start.session_id, 0))
        meta = self.dbx.files_upload_session_finish(b"", files.UploadSessionCursor(start.session_id, len(data)),
                                                    files.CommitInfo("/conc.bin"))
        self.assertEqual(meta.content_hash, emu.content_hash(data))


class FinishBatchTests(emu.EmulatorTestCase):

    def _entry(self, data, path):
        sid = self.dbx.files_upload_session_start(data, close=True).session_id
        return files.UploadSessionFinishArg(files.UploadSessionCursor(sid, len(data)), files.CommitInfo(path))

    def test_finish_batch_v2(self):
        self.dbx.files_upload(b"busy", "/b/taken.txt")
        open_sid = self.dbx.files_upload_session_start(b"open").session_id
        entries = [
            self._entry(b"one", "/b/one.txt"),
            self._entry(b"two", "/b/two.txt"),
            self._entry(b"three", "/b/taken.txt"),
            files.UploadSessionFinishArg(files.UploadSessionCursor(open_sid, 4), files.CommitInfo("/b/open.txt")),
            files.UploadSessionFinishArg(files.UploadSessionCursor("pid_upload_session:missing", 0), files.CommitInfo("/b/x.txt")),
        ]
        result = self.dbx.files_upload_session_finish_batch_v2(entries)
        self.assertIsInstance(result, files.UploadSessionFinishBatchResult)
        self.assertEqual(len(result.entries), 5)
        one, two, taken, still_open, missing = result.entries
        self.assertTrue(one.is_success())
        self.assertIsInstance(one.get_success(), files.FileMetadata)
        self.assertEqual(one.get_success().path_display, "/b/one.txt")
        self.assertEqual(one.get_success().content_hash, emu.content_hash(b"one"))
        self.assertTrue(two.is_success())
        self.assertTrue(taken.is_failure())
        self.assertTrue(taken.get_failure().is_path() and taken.get_failure().get_path().is_conflict())
        self.assertTrue(still_open.is_failure())
        self.assertTrue(still_open.get_failure().is_lookup_failed())
        self.assertTrue(still_open.get_failure().get_lookup_failed().is_not_closed())
        self.assertTrue(missing.is_failure() and missing.get_failure().get_lookup_failed().is_not_found())

    def test_finish_batch_v1_and_check(self):
        entries = [self._entry(b"alpha", "/v1/a.txt"), self._entry(b"beta", "/v1/b.txt")]
        launch = self.dbx.files_upload_session_finish_batch(entries)
        self.assertIsInstance(launch, files.UploadSessionFinishBatchLaunch)
        if launch.is_complete():
            result = launch.get_complete()
        else:
            self.assertTrue(launch.is_async_job_id())
            job = launch.get_async_job_id()
            deadline = time.monotonic() + 10
            while True:
                status = self.dbx.files_upload_session_finish_batch_check(job)
                self.assertIsInstance(status, files.UploadSessionFinishBatchJobStatus)
                if status.is_complete():
                    result = status.get_complete()
                    break
                self.assertTrue(status.is_in_progress())
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.1)
        self.assertEqual([e.is_success() for e in result.entries], [True, True])
        self.assertEqual(result.entries[1].get_success().size, 4)

        error = self.assertApiError(self.dbx.files_upload_session_finish_batch_check, "dbjid:nonexistent")
        self.assertTrue(error.is_invalid_async_job_id())


if __name__ == "__main__":
    unittest.main()
