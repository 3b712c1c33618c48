"""Shared helpers for the Python SDK fidelity battery.

Import this module BEFORE anything imports `dropbox`: the SDK reads its host names from the
environment at import time (dropbox/session.py), so they are pointed at the emulator here.

Besides the SDK's own (non-strict) decoding of every answer, each call made through the SDK is
decoded a second time with the stone deserializer in strict mode (unknown struct fields and unknown
union tags are errors). Violations are collected and fail the test that caused them (see
EmulatorTestCase.tearDown).
"""

import datetime
import hashlib
import json
import os
import ssl
import sys
import unittest
import urllib.error
import urllib.request
import warnings

EMULATOR_URL = os.environ.get("EMULATOR_URL")
EMULATOR_HTTPS_HOST = os.environ.get("EMULATOR_HTTPS_HOST")
EMULATOR_HTTPS_URL = os.environ.get("EMULATOR_HTTPS_URL")
EMULATOR_CA = os.environ.get("EMULATOR_CA")

if not (EMULATOR_URL and EMULATOR_HTTPS_HOST and EMULATOR_CA):
    raise RuntimeError("Run through tests/sdk-fidelity/with-emulator.sh (EMULATOR_URL, EMULATOR_HTTPS_HOST, EMULATOR_CA).")

if "dropbox" in sys.modules:
    raise RuntimeError("emu must be imported before dropbox (the SDK reads its hosts at import time).")

# The SDK passes ca_certs to its pool manager, but it also calls requests with verify=True, and
# requests 2.28 (Debian's) then replaces the pool's CA file with its default bundle on every
# connection; so ca_certs alone does not make the SDK trust the emulator. requests honours
# REQUESTS_CA_BUNDLE for verify=True, so the emulator's CA is given there as well.
os.environ["REQUESTS_CA_BUNDLE"] = EMULATOR_CA

for _name in ("DROPBOX_API_HOST", "DROPBOX_API_CONTENT_HOST", "DROPBOX_API_NOTIFY_HOST", "DROPBOX_WEB_HOST"):
    os.environ[_name] = EMULATOR_HTTPS_HOST

import dropbox  # noqa: E402
from dropbox import dropbox_client, session as dbx_session  # noqa: E402
from dropbox import stone_serializers  # noqa: E402

assert dbx_session.API_HOST == EMULATOR_HTTPS_HOST, dbx_session.API_HOST
assert dbx_session.API_CONTENT_HOST == EMULATOR_HTTPS_HOST
assert dbx_session.API_NOTIFICATION_HOST == EMULATOR_HTTPS_HOST
assert dbx_session.WEB_HOST == EMULATOR_HTTPS_HOST

ALICE = "alice@example.com"
BOB = "bob@example.com"
CAROL = "carol@acme.example"
DAVE = "dave@acme.example"
APP_KEY = "docsync-dev-app"
APP_SECRET = "docsync-dev-secret"
REDIRECT_URI = "http://127.0.0.1:53682/callback"

SSL_CONTEXT = ssl.create_default_context(cafile=EMULATOR_CA)

# ---------------------------------------------------------------------------------------------
# Strict second decoding of every SDK call
# ---------------------------------------------------------------------------------------------

STRICT_VIOLATIONS = []
CALLS = []  # route names seen through the SDK, for coverage checks

_original_request = dropbox_client._DropboxTransport.request
_original_request_json_string = dropbox_client._DropboxTransport.request_json_string


def _capturing_request_json_string(self, host, func_name, route_style, request_json_arg, auth_type,
                                   request_binary, timeout=None):
    self._emu_last_raw = None
    res = _original_request_json_string(self, host, func_name, route_style, request_json_arg, auth_type,
                                        request_binary, timeout=timeout)
    self._emu_last_raw = res
    return res


# Fields the current API spec (dropbox-api-spec @0d994eb) has but python3-dropbox 11.34's stone
# types do not, by route and JSON path ("*" = every list element). Strict decoding ignores exactly
# these (the SDK's own non-strict decoding ignores every unknown field). Each was checked in the spec.
NEWER_THAN_SDK = {
    # team.stone: TeamMemberProfile.root_folder_id
    "team/members/list_v2": [("members", "*", "profile", "root_folder_id")],
    "team/members/list/continue_v2": [("members", "*", "profile", "root_folder_id")],
    # files.stone: ListRevisionsResult.has_more
    "files/list_revisions": [("has_more",)],
    # users.stone: FullTeam.top_level_content_policy; team_policies.stone: the TeamSharingPolicies
    # fields after shared_link_create_policy (all required in the current spec)
    "users/get_current_account": [("team", "top_level_content_policy")] + [
        ("team", "sharing_policies", name) for name in (
            "group_creation_policy", "shared_folder_link_restriction_policy", "enforce_link_password_policy",
            "default_link_expiration_days_policy", "shared_link_default_permissions_policy")],
}


def _strip(obj, path):
    if not path:
        return
    head, rest = path[0], path[1:]
    if head == "*" and isinstance(obj, list):
        for item in obj:
            _strip(item, rest)
    elif isinstance(obj, dict) and head in obj:
        if rest:
            _strip(obj[head], rest)
        else:
            del obj[head]


def _without_newer_fields(route_name, obj):
    obj = json.loads(json.dumps(obj))
    for path in NEWER_THAN_SDK.get(route_name, []):
        _strip(obj, path)
    return obj


def _strict(data_type, obj, what, route_name=None):
    try:
        stone_serializers.json_compat_obj_decode(data_type, _without_newer_fields(route_name, obj), strict=True)
    except Exception as e:  # stone raises ValidationError; anything else is just as fatal here
        STRICT_VIOLATIONS.append("%s: %s: %s\n    payload: %s" % (what, type(e).__name__, e, json.dumps(obj)[:600]))


def _strict_request(self, route, namespace, request_arg, request_binary, timeout=None):
    route_name = namespace + "/" + route.name + ("_v%d" % route.version if route.version > 1 else "")
    CALLS.append(route_name)
    try:
        result = _original_request(self, route, namespace, request_arg, request_binary, timeout=timeout)
    except dropbox.exceptions.ApiError:
        raw = getattr(self, "_emu_last_raw", None)
        if raw is not None:
            body = json.loads(raw.obj_result)
            _strict(route.error_type, body["error"], route_name + " (error)")
            if not isinstance(body.get("error_summary"), str):
                STRICT_VIOLATIONS.append("%s: error body has no string error_summary: %r" % (route_name, body))
        raise
    raw = getattr(self, "_emu_last_raw", None)
    if raw is not None:
        _strict(route.result_type, json.loads(raw.obj_result), route_name, route_name)
    return result


dropbox_client._DropboxTransport.request_json_string = _capturing_request_json_string
dropbox_client._DropboxTransport.request = _strict_request

# ---------------------------------------------------------------------------------------------
# Admin API
# ---------------------------------------------------------------------------------------------


def admin(method, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"X-Emulator-Admin-Secret": os.environ["EMULATOR_ADMIN_SECRET"]}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(EMULATOR_URL + "/_emulator" + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        raise AssertionError("admin %s %s -> %d %s" % (method, path, e.code, e.read().decode("utf-8", "replace")))
    return json.loads(text) if text else None


def reset():
    return admin("POST", "/reset", {"confirm": "reset"})


def accounts():
    return {a["email"]: a for a in admin("GET", "/accounts")}


def mint(account=ALICE, **extra):
    body = dict(extra)
    if account is not None and "team_id" not in extra:
        body["account"] = account
    return admin("POST", "/tokens", body)


def expire_token(token):
    return admin("POST", "/tokens/expire", {"token": token})


def set_faults(*rules, seed=1):
    return admin("PUT", "/faults", {"seed": seed, "rules": list(rules)})


def clear_faults():
    return admin("DELETE", "/faults")


def faults():
    return admin("GET", "/faults")


def files_of(account=ALICE):
    return admin("GET", "/files?account=" + urllib.request.quote(account))


# ---------------------------------------------------------------------------------------------
# SDK clients
# ---------------------------------------------------------------------------------------------


def client(token=None, account=ALICE, **kwargs):
    if token is None:
        token = mint(account)["access_token"]
    kwargs.setdefault("ca_certs", EMULATOR_CA)
    kwargs.setdefault("max_retries_on_error", 0)
    kwargs.setdefault("max_retries_on_rate_limit", 0)
    kwargs.setdefault("timeout", 30)
    return dropbox.Dropbox(token, **kwargs)


def team_client(team_id=None, **kwargs):
    if team_id is None:
        team_id = accounts()[CAROL]["team_id"]
    token = mint(None, team_id=team_id)["access_token"]
    kwargs.setdefault("ca_certs", EMULATOR_CA)
    kwargs.setdefault("max_retries_on_error", 0)
    kwargs.setdefault("max_retries_on_rate_limit", 0)
    kwargs.setdefault("timeout", 30)
    return dropbox.DropboxTeam(token, **kwargs)


# ---------------------------------------------------------------------------------------------
# Content hash (Dropbox's: SHA-256 over the concatenated SHA-256 of each 4 MiB block).
# python3-dropbox 11.34 ships no content hasher, so this is a stdlib reimplementation.
# ---------------------------------------------------------------------------------------------

BLOCK = 4 * 1024 * 1024


def content_hash(data):
    overall = hashlib.sha256()
    for start in range(0, len(data), BLOCK):
        overall.update(hashlib.sha256(data[start:start + BLOCK]).digest())
    return overall.hexdigest()


def https_get(url, headers=None):
    """GET over the emulator's TLS (trusting its CA); answers (status, headers, body)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, context=SSL_CONTEXT, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def utcnow():
    # The SDK compares oauth2_access_token_expiration with naive datetime.utcnow().
    return datetime.datetime.utcnow()


class EmulatorTestCase(unittest.TestCase):
    """Resets the emulator before each test and fails a test whose answers do not strictly decode."""

    def setUp(self):
        warnings.simplefilter("ignore", ResourceWarning)
        reset()
        del STRICT_VIOLATIONS[:]
        self.dbx = client()

    def tearDown(self):
        violations = list(STRICT_VIOLATIONS)
        del STRICT_VIOLATIONS[:]
        if violations:
            self.fail("answers that do not decode strictly with the SDK's stone types:\n  " + "\n  ".join(violations))

    def assertApiError(self, call, *args, **kwargs):
        with self.assertRaises(dropbox.exceptions.ApiError) as caught:
            call(*args, **kwargs)
        return caught.exception.error
