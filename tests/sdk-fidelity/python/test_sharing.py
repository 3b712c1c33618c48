"""sharing/create_shared_link_with_settings, list_shared_links, revoke_shared_link."""

import datetime
import unittest

import emu
import dropbox
from dropbox import exceptions, sharing


class SharedLinkTests(emu.EmulatorTestCase):

    def test_create_list_revoke(self):
        up = self.dbx.files_upload(b"shared bytes", "/Share Me.txt")
        link = self.dbx.sharing_create_shared_link_with_settings("/Share Me.txt")
        self.assertIsInstance(link, sharing.FileLinkMetadata)
        self.assertTrue(link.url.startswith("https://"), link.url)
        self.assertEqual(link.name, "Share Me.txt")
        self.assertEqual(link.path_lower, "/share me.txt")
        self.assertEqual(link.id, up.id)
        self.assertEqual(link.rev, up.rev)
        self.assertEqual(link.size, len(b"shared bytes"))
        self.assertIsInstance(link.link_permissions, sharing.LinkPermissions)
        self.assertTrue(link.link_permissions.can_revoke)
        self.assertTrue(link.link_permissions.resolved_visibility.is_public())
        self.assertIsNone(link.expires)

        status, _, body = emu.https_get(link.url)
        self.assertEqual(status, 200)
        self.assertEqual(body, b"shared bytes")

        self.dbx.files_create_folder_v2("/Shared Dir")
        folder_link = self.dbx.sharing_create_shared_link_with_settings("/Shared Dir")
        self.assertIsInstance(folder_link, sharing.FolderLinkMetadata)

        listed = self.dbx.sharing_list_shared_links()
        self.assertIsInstance(listed, sharing.ListSharedLinksResult)
        self.assertFalse(listed.has_more)
        self.assertEqual(sorted(l.url for l in listed.links), sorted([link.url, folder_link.url]))
        only = self.dbx.sharing_list_shared_links(path="/Share Me.txt", direct_only=True)
        self.assertEqual([l.url for l in only.links], [link.url])

        self.assertIsNone(self.dbx.sharing_revoke_shared_link(link.url))
        status, _, _ = emu.https_get(link.url)
        self.assertEqual(status, 404)
        self.assertEqual([l.url for l in self.dbx.sharing_list_shared_links().links], [folder_link.url])

        error = self.assertApiError(self.dbx.sharing_revoke_shared_link, link.url)
        self.assertIsInstance(error, sharing.RevokeSharedLinkError)
        self.assertTrue(error.is_shared_link_not_found())

    def test_already_exists(self):
        self.dbx.files_upload(b"x", "/dup.txt")
        first = self.dbx.sharing_create_shared_link_with_settings("/dup.txt")
        error = self.assertApiError(self.dbx.sharing_create_shared_link_with_settings, "/dup.txt")
        self.assertIsInstance(error, sharing.CreateSharedLinkWithSettingsError)
        self.assertTrue(error.is_shared_link_already_exists())
        existing = error.get_shared_link_already_exists()
        self.assertIsNotNone(existing)
        self.assertTrue(existing.is_metadata())
        self.assertEqual(existing.get_metadata().url, first.url)

        # With settings the existing link's metadata may be withheld, but the tag is the same.
        settings = sharing.SharedLinkSettings(requested_visibility=sharing.RequestedVisibility.public)
        error = self.assertApiError(self.dbx.sharing_create_shared_link_with_settings, "/dup.txt", settings)
        self.assertTrue(error.is_shared_link_already_exists())

    def test_basic_account_settings_not_authorized(self):
        # The spec (SharedLinkSettingsError.not_authorized): basic users may only ask for public
        # visibility and cannot set an expiry; a password or a team audience needs more too.
        self.dbx.files_upload(b"x", "/basic.txt")
        expires = (datetime.datetime.utcnow() + datetime.timedelta(days=1)).replace(microsecond=0)
        for settings in (sharing.SharedLinkSettings(expires=expires),
                         sharing.SharedLinkSettings(requested_visibility=sharing.RequestedVisibility.password,
                                                    link_password="s3cret-pass"),
                         sharing.SharedLinkSettings(audience=sharing.LinkAudience.team)):
            error = self.assertApiError(self.dbx.sharing_create_shared_link_with_settings, "/basic.txt", settings)
            self.assertTrue(error.is_settings_error() and error.get_settings_error().is_not_authorized(), error)
        self.assertEqual(self.dbx.sharing_list_shared_links(path="/basic.txt", direct_only=True).links, [])

    def test_settings(self):
        # A paid (pro) account may set an expiry and a password.
        self.dbx = emu.client(account=emu.BOB)
        self.dbx.files_upload(b"x", "/s.txt")
        expires = (datetime.datetime.utcnow() + datetime.timedelta(days=2)).replace(microsecond=0)
        link = self.dbx.sharing_create_shared_link_with_settings(
            "/s.txt", sharing.SharedLinkSettings(expires=expires, requested_visibility=sharing.RequestedVisibility.public))
        self.assertEqual(link.expires, expires)

        self.dbx.files_upload(b"y", "/pw.txt")
        error = self.assertApiError(self.dbx.sharing_create_shared_link_with_settings, "/pw.txt",
                                    sharing.SharedLinkSettings(requested_visibility=sharing.RequestedVisibility.password))
        self.assertTrue(error.is_settings_error() and error.get_settings_error().is_invalid_settings())
        past = datetime.datetime(2001, 1, 1)
        error = self.assertApiError(self.dbx.sharing_create_shared_link_with_settings, "/pw.txt",
                                    sharing.SharedLinkSettings(expires=past))
        self.assertTrue(error.is_settings_error())

        pw = self.dbx.sharing_create_shared_link_with_settings(
            "/pw.txt", sharing.SharedLinkSettings(requested_visibility=sharing.RequestedVisibility.password,
                                                  link_password="s3cret"))
        self.assertTrue(pw.link_permissions.resolved_visibility.is_password())

    def test_errors(self):
        error = self.assertApiError(self.dbx.sharing_create_shared_link_with_settings, "/missing.txt")
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        error = self.assertApiError(self.dbx.sharing_list_shared_links, path="/missing.txt")
        self.assertIsInstance(error, sharing.ListSharedLinksError)
        self.assertTrue(error.is_path() and error.get_path().is_not_found())
        error = self.assertApiError(self.dbx.sharing_list_shared_links, cursor="bogus")
        self.assertTrue(error.is_reset())
        error = self.assertApiError(self.dbx.sharing_revoke_shared_link, emu.EMULATOR_HTTPS_URL + "/s/nothing/x")
        self.assertTrue(error.is_shared_link_not_found())

        self.dbx.files_upload(b"x", "/bobs.txt")
        url = self.dbx.sharing_create_shared_link_with_settings("/bobs.txt").url
        bob = emu.client(account=emu.BOB)
        error = self.assertApiError(bob.sharing_revoke_shared_link, url)
        self.assertTrue(error.is_shared_link_access_denied() or error.is_shared_link_not_found(), error)


if __name__ == "__main__":
    unittest.main()
