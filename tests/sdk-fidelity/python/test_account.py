"""users/*, auth/token/revoke, 401 shapes, team members, as_user and path roots."""

import unittest

import requests

import emu
import dropbox
from dropbox import common, exceptions, files, team, users


class AccountTests(emu.EmulatorTestCase):

    def test_get_current_account_personal(self):
        acct = self.dbx.users_get_current_account()
        self.assertIsInstance(acct, users.FullAccount)
        seeded = emu.accounts()[emu.ALICE]
        self.assertEqual(acct.account_id, seeded["account_id"])
        self.assertEqual(acct.email, emu.ALICE)
        self.assertTrue(acct.email_verified)
        self.assertFalse(acct.disabled)
        self.assertEqual(acct.name.display_name, "Alice Martin")
        self.assertTrue(acct.account_type.is_basic())
        self.assertIsInstance(acct.root_info, common.UserRootInfo)
        self.assertEqual(acct.root_info.root_namespace_id, seeded["home_namespace_id"])
        self.assertEqual(acct.root_info.home_namespace_id, seeded["home_namespace_id"])
        self.assertIsNone(acct.team)
        self.assertIsNone(acct.team_member_id)
        self.assertEqual(len(acct.account_id), 40)

    def test_get_current_account_pro_and_team_member(self):
        bob = emu.client(account=emu.BOB).users_get_current_account()
        self.assertTrue(bob.account_type.is_pro())
        carol = emu.client(account=emu.CAROL).users_get_current_account()
        seeded = emu.accounts()[emu.CAROL]
        self.assertTrue(carol.account_type.is_business())
        self.assertIsInstance(carol.team, users.FullTeam)
        self.assertEqual(carol.team.id, seeded["team_id"])
        self.assertEqual(carol.team.name, "Acme Accounting")
        self.assertEqual(carol.team_member_id, seeded["team_member_id"])
        self.assertIsInstance(carol.root_info, common.TeamRootInfo)
        self.assertNotEqual(carol.root_info.root_namespace_id, carol.root_info.home_namespace_id)
        self.assertEqual(carol.root_info.home_namespace_id, seeded["home_namespace_id"])
        self.assertTrue(carol.root_info.home_path.startswith("/"))

    def test_full_team_carries_current_spec_policies(self):
        # python3-dropbox 11.34 predates these FullTeam / TeamSharingPolicies fields; newer SDKs
        # require them (users.stone FullTeam, team_policies.stone TeamSharingPolicies), so check the raw JSON.
        r = requests.post(emu.EMULATOR_HTTPS_URL + "/2/users/get_current_account", verify=emu.EMULATOR_CA,
                          headers={"Authorization": "Bearer " + emu.mint(emu.CAROL)["access_token"]})
        self.assertEqual(r.status_code, 200)
        team = r.json()["team"]
        self.assertIn(team["top_level_content_policy"][".tag"], ("admin_only", "everyone"))
        policies = team["sharing_policies"]
        for name in ("shared_folder_member_policy", "shared_folder_join_policy", "shared_link_create_policy",
                     "group_creation_policy", "shared_folder_link_restriction_policy", "enforce_link_password_policy",
                     "default_link_expiration_days_policy", "shared_link_default_permissions_policy"):
            self.assertIn(".tag", policies.get(name, {}), name)

    def test_get_space_usage(self):
        self.dbx.files_upload(b"x" * 1000, "/usage.bin")
        usage = self.dbx.users_get_space_usage()
        self.assertIsInstance(usage, users.SpaceUsage)
        self.assertGreaterEqual(usage.used, 1000)
        self.assertTrue(usage.allocation.is_individual())
        self.assertEqual(usage.allocation.get_individual().allocated, emu.accounts()[emu.ALICE]["quota_bytes"])

    def test_get_space_usage_team(self):
        usage = emu.client(account=emu.DAVE).users_get_space_usage()
        self.assertTrue(usage.allocation.is_team())
        team_alloc = usage.allocation.get_team()
        self.assertIsInstance(team_alloc, users.TeamSpaceAllocation)
        self.assertEqual(team_alloc.allocated, emu.accounts()[emu.DAVE]["quota_bytes"])
        self.assertTrue(team_alloc.user_within_team_space_limit_type.is_off())

    def test_token_revoke(self):
        token = emu.mint()["access_token"]
        dbx = emu.client(token)
        dbx.users_get_current_account()
        self.assertIsNone(dbx.auth_token_revoke())
        with self.assertRaises(exceptions.AuthError) as caught:
            dbx.users_get_current_account()
        self.assertTrue(caught.exception.error.is_invalid_access_token())

    def test_invalid_access_token(self):
        with self.assertRaises(exceptions.AuthError) as caught:
            emu.client("not-a-token").files_list_folder("")
        self.assertEqual(caught.exception.status_code, 401)
        self.assertTrue(caught.exception.error.is_invalid_access_token())

    def test_expired_access_token(self):
        token = emu.mint()["access_token"]
        dbx = emu.client(token)
        dbx.users_get_current_account()
        emu.expire_token(token)
        with self.assertRaises(exceptions.AuthError) as caught:
            dbx.users_get_current_account()
        self.assertTrue(caught.exception.error.is_expired_access_token())

    def test_missing_scope(self):
        token = emu.mint(scopes=["account_info.read"])["access_token"]
        dbx = emu.client(token)
        dbx.users_get_current_account()
        with self.assertRaises(exceptions.AuthError) as caught:
            dbx.files_list_folder("")
        self.assertTrue(caught.exception.error.is_missing_scope())
        self.assertEqual(caught.exception.error.get_missing_scope().required_scope, "files.metadata.read")

    def test_raw_401_body_decodes_strictly(self):
        # The SDK decodes 401 bodies itself (outside route.error_type); check the raw shape too.
        r = requests.post(emu.EMULATOR_HTTPS_URL + "/2/users/get_current_account",
                          headers={"Authorization": "Bearer nope"}, verify=emu.EMULATOR_CA)
        self.assertEqual(r.status_code, 401)
        self.assertEqual(r.headers["Content-Type"], "application/json")
        body = r.json()
        self.assertEqual(body["error_summary"].split("/")[0], "invalid_access_token")
        dropbox.stone_serializers.json_compat_obj_decode(dropbox.auth.AuthError_validator, body["error"], strict=True)

    def test_team_token_on_user_route_is_bad_input(self):
        dbt = emu.team_client()
        dbx = dropbox.Dropbox(dbt._oauth2_access_token, ca_certs=emu.EMULATOR_CA, max_retries_on_error=0)
        with self.assertRaises(exceptions.BadInputError) as caught:
            dbx.files_list_folder("")
        self.assertEqual(caught.exception.status_code, 400)
        self.assertIn("Dropbox-API-Select-User", caught.exception.message)


class TeamTests(emu.EmulatorTestCase):

    def test_members_list_v2_and_continue(self):
        dbt = emu.team_client()
        seeded = emu.accounts()
        first = dbt.team_members_list_v2(limit=1)
        self.assertIsInstance(first, team.MembersListV2Result)
        self.assertEqual(len(first.members), 1)
        self.assertTrue(first.has_more)
        rest = dbt.team_members_list_continue_v2(first.cursor)
        self.assertIsInstance(rest, team.MembersListV2Result)
        members = first.members + rest.members
        while rest.has_more:
            rest = dbt.team_members_list_continue_v2(rest.cursor)
            members += rest.members
        emails = sorted(m.profile.email for m in members)
        self.assertEqual(emails, sorted([emu.CAROL, emu.DAVE]))
        for m in members:
            self.assertIsInstance(m, team.TeamMemberInfoV2)
            self.assertTrue(m.profile.status.is_active())
            self.assertTrue(m.profile.membership_type.is_full())
            self.assertEqual(m.profile.team_member_id, seeded[m.profile.email]["team_member_id"])
            self.assertEqual(m.profile.account_id, seeded[m.profile.email]["account_id"])
        full = dbt.team_members_list_v2()
        self.assertFalse(full.has_more)
        self.assertEqual(len(full.members), 2)

    def test_members_list_continue_bad_cursor(self):
        dbt = emu.team_client()
        error = self.assertApiError(dbt.team_members_list_continue_v2, "garbage!!")
        self.assertTrue(error.is_invalid_cursor())

    def test_members_list_with_user_token_is_bad_input(self):
        user_as_team = dropbox.DropboxTeam(emu.mint(emu.CAROL)["access_token"], ca_certs=emu.EMULATOR_CA,
                                           max_retries_on_error=0)
        with self.assertRaises(exceptions.BadInputError):
            user_as_team.team_members_list_v2()

    def test_as_user_and_path_root(self):
        seeded = emu.accounts()
        dbt = emu.team_client()
        as_carol = dbt.as_user(seeded[emu.CAROL]["team_member_id"])
        acct = as_carol.users_get_current_account()
        self.assertEqual(acct.email, emu.CAROL)
        home = as_carol.files_upload(b"home file", "/in-home.txt")
        self.assertEqual(home.path_display, "/in-home.txt")

        root_ns = acct.root_info.root_namespace_id
        rooted = as_carol.with_path_root(common.PathRoot.root(root_ns))
        listing = rooted.files_list_folder("")
        names = {e.name for e in listing.entries}
        self.assertIn("Acme Shared", names)
        home_path = acct.root_info.home_path
        self.assertIn(home_path.strip("/"), names)
        # The home file is visible from the team root under the member's home folder.
        meta = rooted.files_get_metadata(home_path + "/in-home.txt")
        self.assertEqual(meta.id, home.id)

        # A namespace id as root.
        by_ns = as_carol.with_path_root(common.PathRoot.namespace_id(acct.root_info.home_namespace_id))
        self.assertEqual(by_ns.files_get_metadata("/in-home.txt").id, home.id)

        # home explicitly
        self.assertEqual(as_carol.with_path_root(common.PathRoot.home).files_get_metadata("/in-home.txt").id, home.id)

    def test_path_root_errors(self):
        seeded = emu.accounts()
        dbx = emu.client(account=emu.CAROL)
        with self.assertRaises(exceptions.PathRootError) as caught:
            dbx.with_path_root(common.PathRoot.root("123456789")).files_list_folder("")
        self.assertEqual(caught.exception.status_code, 422)
        self.assertTrue(caught.exception.error.is_invalid_root())
        root_info = caught.exception.error.get_invalid_root()
        self.assertIsInstance(root_info, common.TeamRootInfo)
        self.assertEqual(root_info.home_namespace_id, seeded[emu.CAROL]["home_namespace_id"])

        with self.assertRaises(exceptions.PathRootError) as caught:
            self.dbx.with_path_root(common.PathRoot.namespace_id(seeded[emu.CAROL]["home_namespace_id"])).files_list_folder("")
        self.assertTrue(caught.exception.error.is_no_permission())

    def test_as_user_invalid_member(self):
        dbt = emu.team_client()
        with self.assertRaises(exceptions.AuthError) as caught:
            dbt.as_user("dbmid:doesnotexist").users_get_current_account()
        self.assertTrue(caught.exception.error.is_invalid_select_user())

    def test_as_admin(self):
        seeded = emu.accounts()
        dbt = emu.team_client()
        self.assertEqual(dbt.as_admin(seeded[emu.CAROL]["team_member_id"]).users_get_current_account().email, emu.CAROL)
        with self.assertRaises(exceptions.AuthError) as caught:
            dbt.as_admin(seeded[emu.DAVE]["team_member_id"]).users_get_current_account()
        self.assertTrue(caught.exception.error.is_invalid_select_admin())


if __name__ == "__main__":
    unittest.main()
