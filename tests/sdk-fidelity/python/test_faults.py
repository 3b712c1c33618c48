"""429 (rate limits, write contention), 5xx: the SDK's retry machinery against injected faults."""

import time
import unittest

import requests

import emu
import dropbox
from dropbox import auth, exceptions


def injected(kind):
    return [entry for entry in emu.faults().get("log", []) if entry.get("kind") == kind]


class RateLimitTests(emu.EmulatorTestCase):

    def tearDown(self):
        emu.clear_faults()
        super().tearDown()

    def test_too_many_requests_retried(self):
        emu.set_faults({"kind": "too_many_requests", "route": "files/list_folder", "count": 1, "retry_after": 1})
        dbx = emu.client(max_retries_on_rate_limit=3)
        started = time.monotonic()
        result = dbx.files_list_folder("")
        self.assertEqual(result.entries, [])
        self.assertGreaterEqual(time.monotonic() - started, 0.9, "the SDK should have slept retry_after")
        self.assertEqual(len(injected("too_many_requests")), 1)

    def test_too_many_requests_raised(self):
        emu.set_faults({"kind": "too_many_requests", "route": "files/list_folder", "count": 1, "retry_after": 1})
        with self.assertRaises(exceptions.RateLimitError) as caught:
            self.dbx.files_list_folder("")
        e = caught.exception
        self.assertEqual(e.status_code, 429)
        self.assertIsInstance(e.error, auth.RateLimitError)
        self.assertTrue(e.error.reason.is_too_many_requests())
        self.assertEqual(e.error.retry_after, 1)
        self.assertEqual(e.backoff, 1)
        # The fault was used up: the next call succeeds.
        self.assertEqual(self.dbx.files_list_folder("").entries, [])

    def test_too_many_write_operations(self):
        emu.set_faults({"kind": "too_many_write_operations", "route": "files/upload", "count": 1, "retry_after": 1})
        with self.assertRaises(exceptions.RateLimitError) as caught:
            self.dbx.files_upload(b"x", "/w.txt")
        self.assertTrue(caught.exception.error.reason.is_too_many_write_operations())
        self.assertEqual(caught.exception.backoff, 1)
        self.assertTrue(self.assertApiError(self.dbx.files_get_metadata, "/w.txt").get_path().is_not_found())

        emu.set_faults({"kind": "too_many_write_operations", "route": "files/upload", "count": 1, "retry_after": 1})
        meta = emu.client(max_retries_on_rate_limit=2).files_upload(b"x", "/w.txt")
        self.assertEqual(meta.size, 1)

    def test_raw_429_shape(self):
        emu.set_faults({"kind": "too_many_requests", "route": "files/list_folder", "count": 1, "retry_after": 3})
        token = emu.mint()["access_token"]
        r = requests.post(emu.EMULATOR_HTTPS_URL + "/2/files/list_folder", json={"path": ""}, verify=emu.EMULATOR_CA,
                          headers={"Authorization": "Bearer " + token})
        self.assertEqual(r.status_code, 429)
        self.assertEqual(r.headers["Retry-After"], "3")
        self.assertEqual(r.headers["Content-Type"], "application/json")
        body = r.json()
        self.assertEqual(body["error_summary"].split("/")[0], "too_many_requests")
        err = dropbox.stone_serializers.json_compat_obj_decode(auth.RateLimitError_validator, body["error"], strict=True)
        self.assertEqual(err.retry_after, 3)

    def test_plain_text_429_uses_retry_after_header(self):
        emu.set_faults({"kind": "plain_429", "route": "files/list_folder", "count": 1, "retry_after": 2})
        with self.assertRaises(exceptions.RateLimitError) as caught:
            self.dbx.files_list_folder("")
        self.assertIsNone(caught.exception.error)
        self.assertEqual(caught.exception.backoff, 2)
        self.assertIsNotNone(caught.exception.request_id)

    def test_plain_text_429_retried(self):
        emu.set_faults({"kind": "plain_429", "route": "files/list_folder", "count": 1, "retry_after": 1})
        started = time.monotonic()
        self.assertEqual(emu.client(max_retries_on_rate_limit=2).files_list_folder("").entries, [])
        self.assertGreaterEqual(time.monotonic() - started, 0.9, "the SDK should have slept the header's wait")

    def test_raw_plain_429_shape(self):
        emu.set_faults({"kind": "plain_429", "route": "files/list_folder", "count": 1, "retry_after": 2})
        token = emu.mint()["access_token"]
        r = requests.post(emu.EMULATOR_HTTPS_URL + "/2/files/list_folder", json={"path": ""}, verify=emu.EMULATOR_CA,
                          headers={"Authorization": "Bearer " + token})
        self.assertEqual(r.status_code, 429)
        self.assertEqual(r.headers["Content-Type"], "text/plain; charset=utf-8")
        self.assertEqual(r.headers["Retry-After"], "2")
        self.assertEqual(r.text, "too_many_requests")


class ServerErrorTests(emu.EmulatorTestCase):

    def tearDown(self):
        emu.clear_faults()
        super().tearDown()

    def test_500_raised_then_retried(self):
        emu.set_faults({"kind": "500", "route": "users/get_current_account", "count": 1})
        with self.assertRaises(exceptions.InternalServerError) as caught:
            self.dbx.users_get_current_account()
        self.assertEqual(caught.exception.status_code, 500)

        emu.set_faults({"kind": "500", "route": "users/get_current_account", "count": 1})
        acct = emu.client(max_retries_on_error=3).users_get_current_account()
        self.assertEqual(acct.email, emu.ALICE)
        self.assertEqual(len(injected("500")), 1)

    def test_503_is_internal_server_error(self):
        emu.set_faults({"kind": "503", "route": "files/*", "count": 1, "retry_after": 1})
        with self.assertRaises(exceptions.InternalServerError) as caught:
            self.dbx.files_list_folder("")
        self.assertEqual(caught.exception.status_code, 503)

    def test_api_server_5xx_has_an_empty_body_and_a_request_id(self):
        for kind, status in (("500", 500), ("503", 503)):
            emu.set_faults({"kind": kind, "route": "files/list_folder", "count": 1})
            with self.assertRaises(exceptions.InternalServerError) as caught:
                self.dbx.files_list_folder("")
            self.assertEqual(caught.exception.status_code, status)
            self.assertEqual(caught.exception.body, "")
            self.assertIsNotNone(caught.exception.request_id)

    def test_edge_5xx_raised_without_request_id_then_retried(self):
        for kind, status in (("edge_502", 502), ("edge_503", 503), ("edge_504", 504)):
            emu.set_faults({"kind": kind, "route": "files/list_folder", "count": 1})
            with self.assertRaises(exceptions.InternalServerError) as caught:
                self.dbx.files_list_folder("")
            self.assertEqual(caught.exception.status_code, status)
            self.assertIsNone(caught.exception.request_id)
            self.assertTrue(caught.exception.body)

            emu.set_faults({"kind": kind, "route": "files/list_folder", "count": 1})
            self.assertEqual(emu.client(max_retries_on_error=2).files_list_folder("").entries, [])

    def test_500_on_upload_then_success(self):
        emu.set_faults({"kind": "500", "route": "files/upload", "count": 1})
        meta = emu.client(max_retries_on_error=2).files_upload(b"retry", "/retry.txt")
        self.assertEqual(meta.content_hash, emu.content_hash(b"retry"))


if __name__ == "__main__":
    unittest.main()
