"""OAuth 2 code flow with PKCE through DropboxOAuth2Flow, token refresh, invalid_grant."""

import datetime
import html.parser
import unittest
import urllib.error
import urllib.parse
import urllib.request

import requests

import emu
import dropbox
from dropbox import exceptions, oauth


class _FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.action = None
        self.method = None
        self.fields = {}
        self.buttons = []
        self.options = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.action, self.method = attrs.get("action"), (attrs.get("method") or "get").lower()
        elif tag == "input" and attrs.get("type") == "hidden":
            self.fields[attrs["name"]] = attrs.get("value", "")
        elif tag == "button":
            self.buttons.append((attrs.get("name"), attrs.get("value")))
        elif tag == "option":
            self.options.append(attrs.get("value"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def consent(authorize_url, decision="allow", account=emu.ALICE):
    """Drives the consent page like a browser; answers the Location the emulator redirects to."""
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=emu.SSL_CONTEXT), _NoRedirect())
    with opener.open(authorize_url, timeout=30) as page:
        assert page.status == 200, page.status
        parser = _FormParser()
        parser.feed(page.read().decode("utf-8"))
    assert parser.method == "post", parser.method
    assert ("decision", decision) in parser.buttons, parser.buttons
    fields = dict(parser.fields)
    fields["decision"] = decision
    fields["account"] = account
    target = urllib.parse.urljoin(authorize_url, parser.action)
    request = urllib.request.Request(target, data=urllib.parse.urlencode(fields).encode("ascii"), method="POST")
    try:
        opener.open(request, timeout=30)
    except urllib.error.HTTPError as e:
        assert e.code in (302, 303), (e.code, e.read())
        return e.headers["Location"]
    raise AssertionError("the consent form did not redirect")


def query_of(location):
    parsed = urllib.parse.urlsplit(location)
    return parsed, {k: v[0] for k, v in urllib.parse.parse_qs(parsed.query).items()}


class OAuthFlowTests(emu.EmulatorTestCase):

    def _flow(self, session):
        return oauth.DropboxOAuth2Flow(emu.APP_KEY, emu.REDIRECT_URI, session, "dropbox-auth-csrf-token",
                                       use_pkce=True, token_access_type="offline", ca_certs=emu.EMULATOR_CA)

    def test_pkce_offline_flow(self):
        session = {}
        flow = self._flow(session)
        url = flow.start(url_state="after-login")
        self.assertTrue(url.startswith("https://%s/oauth2/authorize?" % emu.EMULATOR_HTTPS_HOST), url)
        self.assertIn("dropbox-auth-csrf-token", session)
        _, params = query_of(url)
        self.assertEqual(params["code_challenge_method"], "S256")
        self.assertEqual(params["token_access_type"], "offline")

        location = consent(url)
        parsed, query = query_of(location)
        self.assertEqual("%s://%s%s" % (parsed.scheme, parsed.netloc, parsed.path), emu.REDIRECT_URI)
        self.assertIn("code", query)
        self.assertTrue(query["state"].endswith("|after-login"))

        result = flow.finish(query)
        self.assertIsInstance(result, oauth.OAuth2FlowResult)
        seeded = emu.accounts()[emu.ALICE]
        self.assertEqual(result.account_id, seeded["account_id"])
        self.assertTrue(result.refresh_token)
        self.assertIsInstance(result.expires_at, datetime.datetime)
        self.assertGreater(result.expires_at, datetime.datetime.utcnow())
        self.assertEqual(result.url_state, "after-login")
        self.assertIn("files.content.read", result.scope.split(" "))

        dbx = emu.client(result.access_token, oauth2_refresh_token=result.refresh_token,
                         oauth2_access_token_expiration=result.expires_at, app_key=emu.APP_KEY)
        self.assertEqual(dbx.users_get_current_account().account_id, seeded["account_id"])

        # PKCE refresh without the secret.
        old = dbx._oauth2_access_token
        dbx.refresh_access_token()
        self.assertNotEqual(dbx._oauth2_access_token, old)
        self.assertEqual(dbx.users_get_current_account().email, emu.ALICE)

        # A code is single use: replaying it (same verifier, CSRF token restored) is invalid_grant.
        session["dropbox-auth-csrf-token"] = query["state"].split("|")[0]
        with self.assertRaises(requests.exceptions.HTTPError) as caught:
            flow.finish(query)
        self.assertEqual(caught.exception.response.status_code, 400)
        self.assertEqual(caught.exception.response.json()["error"], "invalid_grant")

    def test_denied(self):
        session = {}
        flow = self._flow(session)
        location = consent(flow.start(), decision="deny")
        _, query = query_of(location)
        self.assertEqual(query.get("error"), "access_denied")
        with self.assertRaises(oauth.NotApprovedException):
            flow.finish(query)

    def test_csrf_mismatch(self):
        session = {}
        flow = self._flow(session)
        location = consent(flow.start())
        _, query = query_of(location)
        session["dropbox-auth-csrf-token"] = "a-different-token-that-is-long-enough"
        with self.assertRaises(oauth.CsrfException):
            flow.finish(query)


class RefreshTests(emu.EmulatorTestCase):

    def test_refresh_after_server_side_expiry(self):
        minted = emu.mint(refresh=True, expires_in=3600)
        self.assertIn("refresh_token", minted)
        dbx = emu.client(minted["access_token"], oauth2_refresh_token=minted["refresh_token"],
                         oauth2_access_token_expiration=emu.utcnow() + datetime.timedelta(hours=1),
                         app_key=emu.APP_KEY, app_secret=emu.APP_SECRET)
        dbx.users_get_current_account()
        emu.expire_token(minted["access_token"])
        # The token looks valid to the client; the 401 expired_access_token makes it refresh and retry.
        acct = dbx.users_get_current_account()
        self.assertEqual(acct.email, emu.ALICE)
        self.assertNotEqual(dbx._oauth2_access_token, minted["access_token"])
        self.assertGreater(dbx._oauth2_access_token_expiration, emu.utcnow())
        # The old token stays dead.
        with self.assertRaises(exceptions.AuthError) as caught:
            emu.client(minted["access_token"]).users_get_current_account()
        self.assertTrue(caught.exception.error.is_expired_access_token())

    def test_refresh_before_call_when_client_knows_expiry(self):
        minted = emu.mint(refresh=True, expires_in=3600)
        dbx = emu.client(minted["access_token"], oauth2_refresh_token=minted["refresh_token"],
                         oauth2_access_token_expiration=emu.utcnow() - datetime.timedelta(seconds=5),
                         app_key=emu.APP_KEY, app_secret=emu.APP_SECRET)
        self.assertEqual(dbx.files_list_folder("").entries, [])
        self.assertNotEqual(dbx._oauth2_access_token, minted["access_token"])

    def test_refresh_token_only(self):
        minted = emu.mint(refresh=True, expires_in=3600)
        dbx = dropbox.Dropbox(oauth2_refresh_token=minted["refresh_token"], app_key=emu.APP_KEY,
                              app_secret=emu.APP_SECRET, ca_certs=emu.EMULATOR_CA, max_retries_on_error=0)
        self.assertEqual(dbx.users_get_current_account().email, emu.ALICE)

    def test_invalid_grant_after_revoke(self):
        minted = emu.mint(refresh=True, expires_in=3600)
        emu.client(minted["access_token"]).auth_token_revoke()
        dbx = emu.client(minted["access_token"], oauth2_refresh_token=minted["refresh_token"],
                         oauth2_access_token_expiration=emu.utcnow() - datetime.timedelta(seconds=5),
                         app_key=emu.APP_KEY, app_secret=emu.APP_SECRET)
        with self.assertRaises(exceptions.AuthError) as caught:
            dbx.users_get_current_account()
        self.assertTrue(caught.exception.error.is_invalid_access_token())

        r = requests.post(emu.EMULATOR_HTTPS_URL + "/oauth2/token", verify=emu.EMULATOR_CA, data={
            "grant_type": "refresh_token", "refresh_token": minted["refresh_token"],
            "client_id": emu.APP_KEY, "client_secret": emu.APP_SECRET})
        self.assertEqual(r.status_code, 400)
        self.assertEqual(r.json()["error"], "invalid_grant")

    def test_bogus_refresh_token(self):
        dbx = dropbox.Dropbox(oauth2_refresh_token="bogus", app_key=emu.APP_KEY, app_secret=emu.APP_SECRET,
                              ca_certs=emu.EMULATOR_CA)
        with self.assertRaises(exceptions.AuthError) as caught:
            dbx.users_get_current_account()
        self.assertTrue(caught.exception.error.is_invalid_access_token())

    def test_refresh_with_wrong_secret_is_bad_input(self):
        minted = emu.mint(refresh=True, expires_in=3600)
        dbx = dropbox.Dropbox(oauth2_refresh_token=minted["refresh_token"], app_key=emu.APP_KEY,
                              app_secret="wrong-secret", ca_certs=emu.EMULATOR_CA)
        with self.assertRaises((exceptions.BadInputError, exceptions.AuthError)):
            dbx.users_get_current_account()


if __name__ == "__main__":
    unittest.main()
