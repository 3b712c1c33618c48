"""create_folder_v2 / batch, delete_v2 / batch, move_v2 / batch, copy_v2 (+ checks)."""

import time
import unittest

import emu
import dropbox
from dropbox import exceptions, files


def poll(check, job, deadline_s=10):
    deadline = time.monotonic() + deadline_s
    while True:
        status = check(job)
        if not status.is_in_progress():
            return status
        if time.monotonic() > deadline:
            raise AssertionError("job %s still in progress" % job)
        time.sleep(0.1)


class FolderTests(emu.EmulatorTestCase):

    def test_create_folder_v2(self):
        result = self.dbx.files_create_folder_v2("/New Folder")
        self.assertIsInstance(result, files.CreateFolderResult)
        self.assertIsInstance(result.metadata, files.FolderMetadata)
        self.assertEqual(result.metadata.name, "New Folder")
        self.assertEqual(result.metadata.path_lower, "/new folder")
        self.assertTrue(result.metadata.id.startswith("id:"))

        error = self.assertApiError(self.dbx.files_create_folder_v2, "/new folder")
        self.assertIsInstance(error, files.CreateFolderError)
        self.assertTrue(error.is_path() and error.get_path().is_conflict() and error.get_path().get_conflict().is_folder())
        renamed = self.dbx.files_create_folder_v2("/New Folder", autorename=True)
        self.assertEqual(renamed.metadata.name, "New Folder (1)")

        self.dbx.files_upload(b"f", "/file")
        error = self.assertApiError(self.dbx.files_create_folder_v2, "/file")
        self.assertTrue(error.get_path().is_conflict() and error.get_path().get_conflict().is_file())
        error = self.assertApiError(self.dbx.files_create_folder_v2, "/file/sub")
        self.assertTrue(error.get_path().is_conflict() and error.get_path().get_conflict().is_file_ancestor())

    def test_create_folder_batch_sync_and_async(self):
        self.dbx.files_create_folder_v2("/exists")
        launch = self.dbx.files_create_folder_batch(["/a", "/b", "/exists"])
        self.assertIsInstance(launch, files.CreateFolderBatchLaunch)
        self.assertTrue(launch.is_complete(), launch)
        entries = launch.get_complete().entries
        self.assertTrue(entries[0].is_success())
        self.assertIsInstance(entries[0].get_success(), files.CreateFolderEntryResult)
        self.assertIsInstance(entries[0].get_success().metadata, files.FolderMetadata)
        self.assertEqual(entries[1].get_success().metadata.name, "b")
        self.assertTrue(entries[2].is_failure())
        self.assertTrue(entries[2].get_failure().is_path() and entries[2].get_failure().get_path().is_conflict())

        launch = self.dbx.files_create_folder_batch(["/c", "/d"], force_async=True)
        self.assertTrue(launch.is_async_job_id())
        status = poll(self.dbx.files_create_folder_batch_check, launch.get_async_job_id())
        self.assertIsInstance(status, files.CreateFolderBatchJobStatus)
        self.assertTrue(status.is_complete())
        self.assertEqual([e.get_success().metadata.name for e in status.get_complete().entries], ["c", "d"])

        error = self.assertApiError(self.dbx.files_create_folder_batch_check, "dbjid:none")
        self.assertTrue(error.is_invalid_async_job_id())


class DeleteTests(emu.EmulatorTestCase):

    def test_delete_v2(self):
        up = self.dbx.files_upload(b"d", "/del.txt")
        result = self.dbx.files_delete_v2("/del.txt")
        self.assertIsInstance(result, files.DeleteResult)
        self.assertIsInstance(result.metadata, files.FileMetadata)
        self.assertEqual(result.metadata.id, up.id)
        error = self.assertApiError(self.dbx.files_delete_v2, "/del.txt")
        self.assertIsInstance(error, files.DeleteError)
        self.assertTrue(error.is_path_lookup() and error.get_path_lookup().is_not_found())

        self.dbx.files_create_folder_v2("/dir")
        self.dbx.files_upload(b"x", "/dir/x")
        folder = self.dbx.files_delete_v2("/dir").metadata
        self.assertIsInstance(folder, files.FolderMetadata)
        self.assertTrue(self.assertApiError(self.dbx.files_get_metadata, "/dir/x").get_path().is_not_found())

        up = self.dbx.files_upload(b"r", "/rev.txt")
        self.dbx.files_upload(b"r2", "/rev.txt", mode=files.WriteMode.overwrite)
        error = self.assertApiError(self.dbx.files_delete_v2, "/rev.txt", parent_rev=up.rev)
        self.assertTrue(error.is_path_write() and error.get_path_write().is_conflict())

    def test_delete_batch_and_check(self):
        self.dbx.files_upload(b"1", "/one")
        self.dbx.files_upload(b"2", "/two")
        launch = self.dbx.files_delete_batch([files.DeleteArg("/one"), files.DeleteArg("/two"), files.DeleteArg("/none")])
        self.assertIsInstance(launch, files.DeleteBatchLaunch)
        if launch.is_complete():
            result = launch.get_complete()
        else:
            self.assertTrue(launch.is_async_job_id())
            status = poll(self.dbx.files_delete_batch_check, launch.get_async_job_id())
            self.assertIsInstance(status, files.DeleteBatchJobStatus)
            self.assertTrue(status.is_complete())
            result = status.get_complete()
        self.assertIsInstance(result, files.DeleteBatchResult)
        one, two, none = result.entries
        self.assertTrue(one.is_success())
        self.assertIsInstance(one.get_success(), files.DeleteBatchResultData)
        self.assertEqual(one.get_success().metadata.name, "one")
        self.assertTrue(two.is_success())
        self.assertTrue(none.is_failure())
        self.assertTrue(none.get_failure().is_path_lookup() and none.get_failure().get_path_lookup().is_not_found())
        error = self.assertApiError(self.dbx.files_delete_batch_check, "dbjid:none")
        self.assertTrue(error.is_invalid_async_job_id())


class RelocationTests(emu.EmulatorTestCase):

    def test_move_v2(self):
        up = self.dbx.files_upload(b"m", "/from.txt")
        result = self.dbx.files_move_v2("/from.txt", "/to.txt")
        self.assertIsInstance(result, files.RelocationResult)
        self.assertIsInstance(result.metadata, files.FileMetadata)
        self.assertEqual(result.metadata.path_display, "/to.txt")
        self.assertEqual(result.metadata.id, up.id)

        error = self.assertApiError(self.dbx.files_move_v2, "/from.txt", "/x.txt")
        self.assertIsInstance(error, files.RelocationError)
        self.assertTrue(error.is_from_lookup() and error.get_from_lookup().is_not_found())

        self.dbx.files_upload(b"o", "/other.txt")
        error = self.assertApiError(self.dbx.files_move_v2, "/other.txt", "/to.txt")
        self.assertTrue(error.is_to() and error.get_to().is_conflict())
        moved = self.dbx.files_move_v2("/other.txt", "/to.txt", autorename=True)
        self.assertEqual(moved.metadata.name, "to (1).txt")

        self.dbx.files_create_folder_v2("/F")
        error = self.assertApiError(self.dbx.files_move_v2, "/F", "/F/inside")
        self.assertTrue(error.is_cant_move_folder_into_itself(), error)
        error = self.assertApiError(self.dbx.files_move_v2, "/F", "/F")
        self.assertTrue(error.is_duplicated_or_nested_paths() or error.is_to(), error)

    def test_copy_v2(self):
        up = self.dbx.files_upload(b"c", "/orig.txt")
        result = self.dbx.files_copy_v2("/orig.txt", "/copy.txt")
        self.assertIsInstance(result, files.RelocationResult)
        self.assertNotEqual(result.metadata.id, up.id)
        self.assertEqual(result.metadata.content_hash, up.content_hash)
        self.assertEqual(self.dbx.files_get_metadata("/orig.txt").id, up.id)
        error = self.assertApiError(self.dbx.files_copy_v2, "/nothing", "/copy2.txt")
        self.assertTrue(error.is_from_lookup() and error.get_from_lookup().is_not_found())
        error = self.assertApiError(self.dbx.files_copy_v2, "/orig.txt", "/copy.txt")
        self.assertTrue(error.is_to() and error.get_to().is_conflict() and error.get_to().get_conflict().is_file())

    def test_move_batch_v2_and_check(self):
        self.dbx.files_upload(b"1", "/m1")
        self.dbx.files_upload(b"2", "/m2")
        self.dbx.files_create_folder_v2("/dest")
        launch = self.dbx.files_move_batch_v2([
            files.RelocationPath("/m1", "/dest/m1"),
            files.RelocationPath("/m2", "/dest/m2"),
            files.RelocationPath("/missing", "/dest/missing"),
        ])
        self.assertIsInstance(launch, files.RelocationBatchV2Launch)
        if launch.is_complete():
            result = launch.get_complete()
        else:
            self.assertTrue(launch.is_async_job_id())
            status = poll(self.dbx.files_move_batch_check_v2, launch.get_async_job_id())
            self.assertIsInstance(status, files.RelocationBatchV2JobStatus)
            self.assertTrue(status.is_complete())
            result = status.get_complete()
        self.assertIsInstance(result, files.RelocationBatchV2Result)
        m1, m2, missing = result.entries
        self.assertTrue(m1.is_success())
        self.assertIsInstance(m1.get_success(), files.FileMetadata)
        self.assertEqual(m1.get_success().path_display, "/dest/m1")
        self.assertTrue(m2.is_success())
        self.assertTrue(missing.is_failure())
        failure = missing.get_failure()
        self.assertIsInstance(failure, files.RelocationBatchErrorEntry)
        self.assertTrue(failure.is_relocation_error())
        self.assertTrue(failure.get_relocation_error().is_from_lookup())
        self.assertEqual(sorted(e.name for e in self.dbx.files_list_folder("/dest").entries), ["m1", "m2"])
        error = self.assertApiError(self.dbx.files_move_batch_check_v2, "dbjid:none")
        self.assertTrue(error.is_invalid_async_job_id())

    def test_copy_batch_v2_and_check(self):
        self.dbx.files_upload(b"1", "/c1")
        launch = self.dbx.files_copy_batch_v2([files.RelocationPath("/c1", "/c1-copy")])
        if launch.is_complete():
            result = launch.get_complete()
        else:
            result = poll(self.dbx.files_copy_batch_check_v2, launch.get_async_job_id()).get_complete()
        self.assertEqual(result.entries[0].get_success().name, "c1-copy")


if __name__ == "__main__":
    unittest.main()
