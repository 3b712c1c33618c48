// A strict validator for Dropbox API v2 wire structs. The JS SDK hands back the parsed JSON
// untouched, so these schemas are the judge of shape fidelity: field lists, types, optionality and
// union tags transcribed from the Stone spec (dropbox-api-spec @0d994eb), each name resolved in its
// own namespace (team_policies.TopLevelContentPolicy, not the team_log union of the same name).
// A struct rejects fields the spec does not declare; a union rejects tags it does not declare.
import assert from 'node:assert/strict';

const fail = (path, msg, value) =>
  assert.fail(`${path || '<root>'}: ${msg} (got ${JSON.stringify(value)?.slice(0, 200)})`);

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---- primitives ---------------------------------------------------------------------------

export const Str = ({ pattern, min, max } = {}) => (v, p) => {
  if (typeof v !== 'string') fail(p, 'expected string', v);
  if (min !== undefined && v.length < min) fail(p, `shorter than ${min}`, v);
  if (max !== undefined && v.length > max) fail(p, `longer than ${max}`, v);
  if (pattern && !new RegExp(`^(?:${pattern})$`, 's').test(v)) fail(p, `does not match /${pattern}/`, v);
};
export const Bool = (v, p) => { if (typeof v !== 'boolean') fail(p, 'expected boolean', v); };
export const UInt64 = (v, p) => { if (!Number.isInteger(v) || v < 0) fail(p, 'expected UInt64', v); };
export const Timestamp = (v, p) => {
  Str({ pattern: '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z' })(v, p);
  if (Number.isNaN(Date.parse(v))) fail(p, 'not a valid timestamp', v);
};
export const AnyObject = (v, p) => { if (!isObj(v)) fail(p, 'expected object', v); };
export const Null = (v, p) => { if (v !== null) fail(p, 'expected null', v); };

// Optional fields may be absent or null.
const OPTIONAL = Symbol('optional');
export const Opt = (schema) => Object.assign((v, p) => { if (v !== undefined && v !== null) schema(v, p); }, { [OPTIONAL]: true });
export const List = (schema, { max } = {}) => (v, p) => {
  if (!Array.isArray(v)) fail(p, 'expected list', v);
  if (max !== undefined && v.length > max) fail(p, `more than ${max} items`, v);
  v.forEach((item, i) => schema(item, `${p}[${i}]`));
};

function checkFields(fields, v, p, allowed) {
  for (const [name, schema] of Object.entries(fields)) {
    if (!(name in v) && !schema[OPTIONAL]) fail(`${p}.${name}`, 'missing required field', v);
    schema(v[name], `${p}.${name}`);
  }
  for (const key of Object.keys(v)) {
    if (!allowed.has(key)) fail(`${p}.${key}`, 'field not in the spec', v[key]);
  }
}

/** A struct without subtypes: exactly these fields, no `.tag`. */
export const Struct = (fields) => {
  const allowed = new Set(Object.keys(fields));
  const schema = (v, p) => {
    if (!isObj(v)) fail(p, 'expected struct object', v);
    checkFields(fields, v, p, allowed);
  };
  schema.fields = fields;
  return schema;
};

/** A struct with subtypes (Metadata, RootInfo, SharedLinkMetadata): `.tag` names the subtype. */
export const Subtypes = (byTag) => (v, p) => {
  if (!isObj(v)) fail(p, 'expected struct object', v);
  const tag = v['.tag'];
  if (!(tag in byTag)) fail(`${p}[".tag"]`, `subtype not one of ${Object.keys(byTag).join('|')}`, tag);
  const fields = byTag[tag].fields;
  checkFields(fields, v, p, new Set([...Object.keys(fields), '.tag']));
};

// Union members: Void, a value nested under the tag, or a struct inlined beside the tag.
export const Void = { kind: 'void' };
export const Nested = (schema) => ({ kind: 'nested', schema });
export const Inline = (struct) => ({ kind: 'inline', struct });

export const Union = (members) => {
  const schema = (v, p) => {
    if (!isObj(v)) fail(p, 'expected tagged union object', v);
    const tag = v['.tag'];
    const member = typeof tag === 'string' ? schema.members[tag] : undefined;
    if (!member) fail(`${p}[".tag"]`, `tag not one of ${Object.keys(schema.members).join('|')}`, tag);
    const path = `${p}{${tag}}`;
    if (member.kind === 'void') {
      const extra = Object.keys(v).filter((k) => k !== '.tag');
      if (extra.length) fail(path, `void member carries ${extra.join(',')}`, v);
    } else if (member.kind === 'nested') {
      const extra = Object.keys(v).filter((k) => k !== '.tag' && k !== tag);
      if (extra.length) fail(path, `nested member carries ${extra.join(',')}`, v);
      if (!(tag in v) && !member.schema[OPTIONAL]) fail(path, 'missing nested value', v);
      member.schema(v[tag], `${p}.${tag}`);
    } else {
      const { fields } = member.struct;
      checkFields(fields, v, path, new Set([...Object.keys(fields), '.tag']));
    }
  };
  schema.members = members;
  return schema;
};
const voids = (...tags) => Object.fromEntries(tags.map((t) => [t, Void]));

// ---- common / users ----------------------------------------------------------------------

const NamespaceId = Str({ pattern: '[-_0-9a-zA-Z:]+' });
const AccountId = Str({ min: 40, max: 40 });
const Id = Str({ min: 1 });
const Rev = Str({ min: 9, pattern: '[0-9a-f]+' });
const Sha256HexHash = Str({ min: 64, max: 64 });

const RootInfoBase = { root_namespace_id: NamespaceId, home_namespace_id: NamespaceId };
export const RootInfo = Subtypes({
  user: Struct({ ...RootInfoBase, home_path: Opt(Str()) }),
  team: Struct({ ...RootInfoBase, home_path: Str() }),
});

export const Name = Struct({
  given_name: Str(), surname: Str(), familiar_name: Str(), display_name: Str(), abbreviated_name: Str(),
});

const TeamSharingPolicies = Struct({
  shared_folder_member_policy: Union(voids('team', 'anyone', 'team_and_approved')),
  shared_folder_join_policy: Union(voids('from_team_only', 'from_anyone')),
  shared_link_create_policy: Union(voids('default_public', 'default_team_only', 'team_only', 'default_no_one')),
  group_creation_policy: Union(voids('admins_and_members', 'admins_only')),
  shared_folder_link_restriction_policy: Union(voids('members', 'anyone')),
  enforce_link_password_policy: Union(voids('optional', 'required')),
  default_link_expiration_days_policy: Union(voids('day_1', 'day_180', 'day_3', 'day_30', 'day_7', 'day_90', 'none', 'year_1')),
  shared_link_default_permissions_policy: Union(voids('default', 'edit', 'view')),
});

const FullTeam = Struct({
  id: Str(),
  name: Str(),
  sharing_policies: TeamSharingPolicies,
  office_addin_policy: Union(voids('disabled', 'enabled')),
  top_level_content_policy: Union(voids('admin_only', 'everyone')),
});

// Fields of the spec's Account struct, which FullAccount and BasicAccount extend.
const accountFields = {
  account_id: AccountId,
  name: Name,
  email: Str(),
  email_verified: Bool,
  profile_photo_url: Opt(Str()),
  disabled: Bool,
};

export const FullAccount = Struct({
  ...accountFields,
  country: Opt(Str({ min: 2, max: 2 })),
  locale: Str({ min: 2 }),
  referral_link: Str(),
  team: Opt(FullTeam),
  team_member_id: Opt(Str()),
  is_paired: Bool,
  account_type: Union(voids('basic', 'pro', 'business')),
  root_info: RootInfo,
});

export const BasicAccount = Struct({
  ...accountFields,
  is_teammate: Bool,
  team_member_id: Opt(Str()),
});
export const GetAccountError = Union(voids('no_account'));
export const EchoResult = Struct({ result: Str() });

export const SpaceUsage = Struct({
  used: UInt64,
  allocation: Union({
    individual: Inline(Struct({ allocated: UInt64 })),
    team: Inline(Struct({
      used: UInt64,
      allocated: UInt64,
      user_within_team_space_allocated: UInt64,
      user_within_team_space_limit_type: Union(voids('off', 'alert_only', 'stop_sync')),
      user_within_team_space_used_cached: UInt64,
    })),
  }),
});

// ---- files ---------------------------------------------------------------------------------

const MetadataBase = {
  name: Str(),
  path_lower: Opt(Str()),
  path_display: Opt(Str()),
  parent_shared_folder_id: Opt(NamespaceId),
  preview_url: Opt(Str()),
};
export const FileMetadata = Struct({
  ...MetadataBase,
  id: Id,
  client_modified: Timestamp,
  server_modified: Timestamp,
  rev: Rev,
  size: UInt64,
  media_info: Opt(AnyObject),
  symlink_info: Opt(AnyObject),
  sharing_info: Opt(Struct({ read_only: Bool, parent_shared_folder_id: NamespaceId, modified_by: Opt(AccountId) })),
  is_downloadable: Opt(Bool),
  export_info: Opt(AnyObject),
  property_groups: Opt(List(AnyObject)),
  has_explicit_shared_members: Opt(Bool),
  content_hash: Opt(Sha256HexHash),
  file_lock_info: Opt(AnyObject),
  is_restorable: Opt(Bool),
});
export const FolderMetadata = Struct({
  ...MetadataBase,
  id: Id,
  shared_folder_id: Opt(NamespaceId),
  sharing_info: Opt(Struct({
    read_only: Bool,
    parent_shared_folder_id: Opt(NamespaceId),
    shared_folder_id: Opt(NamespaceId),
    traverse_only: Opt(Bool),
    no_access: Opt(Bool),
  })),
  property_groups: Opt(List(AnyObject)),
});
export const DeletedMetadata = Struct({ ...MetadataBase, is_restorable: Opt(Bool) });
export const Metadata = Subtypes({ file: FileMetadata, folder: FolderMetadata, deleted: DeletedMetadata });

/** Metadata whose `.tag` must be `tag`. */
export const MetadataOf = (tag) => (v, p) => {
  Metadata(v, p);
  if (v['.tag'] !== tag) fail(`${p}[".tag"]`, `expected ${tag}`, v['.tag']);
};

export const ListFolderResult = Struct({ entries: List(Metadata), cursor: Str({ min: 1 }), has_more: Bool });
export const ListFolderGetLatestCursorResult = Struct({ cursor: Str({ min: 1 }) });
export const ListFolderLongpollResult = Struct({ changes: Bool, backoff: Opt(UInt64) });
export const CreateFolderResult = Struct({ metadata: FolderMetadata });
export const DeleteResult = Struct({ metadata: Metadata });
export const RelocationResult = Struct({ metadata: Metadata });
export const GetTemporaryLinkResult = Struct({ metadata: FileMetadata, link: Str() });
export const ListRevisionsResult = Struct({
  is_deleted: Bool, server_deleted: Opt(Timestamp), entries: List(FileMetadata), has_more: Bool,
});
export const UploadSessionStartResult = Struct({ session_id: Str() });
export const UploadSessionStartBatchResult = Struct({ session_ids: List(Str()) });

const MalformedPath = Opt(Str());
export const LookupError = Union({
  malformed_path: Nested(MalformedPath),
  ...voids('not_found', 'not_file', 'not_folder', 'restricted_content', 'unsupported_content_type', 'locked'),
});
export const WriteError = Union({
  malformed_path: Nested(MalformedPath),
  conflict: Nested(Union(voids('file', 'folder', 'file_ancestor'))),
  ...voids('no_write_permission', 'insufficient_space', 'disallowed_name', 'team_folder',
    'operation_suppressed', 'too_many_write_operations', 'access_restricted'),
});
export const UploadSessionLookupError = Union({
  incorrect_offset: Inline(Struct({ correct_offset: UInt64 })),
  ...voids('not_found', 'closed', 'not_closed', 'too_large', 'concurrent_session_invalid_offset',
    'concurrent_session_invalid_data_size', 'payload_too_large'),
});
export const UploadError = Union({
  path: Inline(Struct({ reason: WriteError, upload_session_id: Str() })),
  properties_error: Nested(AnyObject),
  ...voids('payload_too_large', 'content_hash_mismatch', 'encryption_not_supported'),
});
export const UploadSessionAppendError = Union({
  incorrect_offset: Inline(Struct({ correct_offset: UInt64 })),
  ...voids('not_found', 'closed', 'too_large', 'concurrent_session_invalid_offset',
    'concurrent_session_invalid_data_size', 'payload_too_large', 'content_hash_mismatch'),
});
export const UploadSessionStartError = Union(voids(
  'concurrent_session_data_not_allowed', 'concurrent_session_close_not_allowed', 'payload_too_large',
  'content_hash_mismatch',
));
export const UploadSessionFinishError = Union({
  lookup_failed: Nested(UploadSessionLookupError),
  path: Nested(WriteError),
  properties_error: Nested(AnyObject),
  ...voids('too_many_shared_folder_targets', 'too_many_write_operations', 'concurrent_session_data_not_allowed',
    'concurrent_session_not_closed', 'concurrent_session_missing_data', 'payload_too_large',
    'content_hash_mismatch', 'encryption_not_supported'),
});
export const UploadSessionFinishBatchResult = Struct({
  entries: List(Union({ success: Inline(FileMetadata), failure: Nested(UploadSessionFinishError) })),
});
export const UploadSessionFinishBatchLaunch = Union({
  async_job_id: Nested(Str({ min: 1 })),
  complete: Inline(UploadSessionFinishBatchResult),
});
export const UploadSessionFinishBatchJobStatus = Union({
  in_progress: Void,
  complete: Inline(UploadSessionFinishBatchResult),
});
export const PollError = Union(voids('invalid_async_job_id', 'internal_error'));

export const GetMetadataError = Union({ path: Nested(LookupError) });
export const ListFolderError = Union({ path: Nested(LookupError), template_error: Nested(AnyObject) });
export const ListFolderContinueError = Union({ path: Nested(LookupError), reset: Void });
export const ListFolderLongpollError = Union(voids('reset'));
export const DownloadError = Union({ path: Nested(LookupError), unsupported_file: Void });
export const GetTemporaryLinkError = Union({
  path: Nested(LookupError), ...voids('email_not_verified', 'unsupported_file', 'not_allowed'),
});
export const CreateFolderError = Union({ path: Nested(WriteError) });
export const DeleteError = Union({
  path_lookup: Nested(LookupError), path_write: Nested(WriteError), ...voids('too_many_write_operations', 'too_many_files'),
});
export const RelocationError = Union({
  from_lookup: Nested(LookupError),
  from_write: Nested(WriteError),
  to: Nested(WriteError),
  cant_move_into_vault: Nested(AnyObject),
  cant_move_into_family: Nested(AnyObject),
  ...voids('cant_copy_shared_folder', 'cant_nest_shared_folder', 'cant_move_folder_into_itself', 'too_many_files',
    'duplicated_or_nested_paths', 'cant_transfer_ownership', 'insufficient_quota', 'internal_error',
    'cant_move_shared_folder'),
});
export const ListRevisionsError = Union({ path: Nested(LookupError), ...voids('invalid_before_rev', 'before_rev_not_supported') });
export const RestoreError = Union({
  path_lookup: Nested(LookupError), path_write: Nested(WriteError), invalid_revision: Void, in_progress: Void,
});

export const CreateFolderBatchResult = Struct({
  entries: List(Union({
    success: Inline(CreateFolderResult),
    failure: Nested(Union({ path: Nested(WriteError) })),
  })),
});
export const CreateFolderBatchLaunch = Union({
  async_job_id: Nested(Str({ min: 1 })), complete: Inline(CreateFolderBatchResult),
});
export const CreateFolderBatchJobStatus = Union({
  in_progress: Void, complete: Inline(CreateFolderBatchResult), failed: Nested(Union(voids('too_many_files'))),
});

export const DeleteBatchResult = Struct({
  entries: List(Union({ success: Inline(DeleteResult), failure: Nested(DeleteError) })),
});
export const DeleteBatchLaunch = Union({ async_job_id: Nested(Str({ min: 1 })), complete: Inline(DeleteBatchResult) });
export const DeleteBatchJobStatus = Union({
  in_progress: Void, complete: Inline(DeleteBatchResult), failed: Nested(Union(voids('too_many_write_operations'))),
});

export const RelocationBatchV2Result = Struct({
  entries: List(Union({
    success: Nested(Metadata),
    failure: Nested(Union({ relocation_error: Nested(RelocationError), ...voids('internal_error', 'too_many_write_operations') })),
  })),
});
export const RelocationBatchV2Launch = Union({
  async_job_id: Nested(Str({ min: 1 })), complete: Inline(RelocationBatchV2Result),
});
export const RelocationBatchV2JobStatus = Union({ in_progress: Void, complete: Inline(RelocationBatchV2Result) });

export const SearchV2Result = Struct({
  matches: List(Struct({
    metadata: Union({ metadata: Nested(Metadata) }),
    match_type: Opt(Union(voids('filename', 'file_content', 'filename_and_content', 'image_content', 'metadata'))),
    highlight_spans: Opt(List(Struct({ highlight_str: Str(), is_highlighted: Bool }))),
  })),
  has_more: Bool,
  cursor: Opt(Str({ min: 1 })),
});
export const SearchError = Union({
  path: Nested(LookupError), invalid_argument: Nested(Opt(Str())), internal_error: Void,
});

// ---- sharing -------------------------------------------------------------------------------

const RequestedVisibilityTags = ['public', 'team_only', 'password'];
const LinkPermissions = Struct({
  resolved_visibility: Opt(Union(voids(...RequestedVisibilityTags, 'team_and_password', 'shared_folder_only', 'no_one', 'only_you'))),
  requested_visibility: Opt(Union(voids(...RequestedVisibilityTags))),
  can_revoke: Bool,
  revoke_failure_reason: Opt(AnyObject),
  effective_audience: Opt(Union(voids('public', 'team', 'no_one', 'password', 'members'))),
  link_access_level: Opt(Union(voids('viewer', 'editor'))),
  visibility_policies: List(AnyObject),
  can_set_expiry: Bool,
  can_remove_expiry: Bool,
  allow_download: Bool,
  can_allow_download: Bool,
  can_disallow_download: Bool,
  allow_comments: Bool,
  team_restricts_comments: Bool,
  audience_options: Opt(List(AnyObject)),
  can_set_password: Opt(Bool),
  can_remove_password: Opt(Bool),
  require_password: Opt(Bool),
  can_use_extended_sharing_controls: Opt(Bool),
  can_sync: Opt(Bool),
  can_request_access: Opt(Bool),
  enforce_shared_link_password_policy: Opt(AnyObject),
  days_to_expire_policy: Opt(AnyObject),
  change_shared_link_expiration_policy: Opt(AnyObject),
});
const SharedLinkBase = {
  url: Str(),
  id: Opt(Id),
  name: Str(),
  expires: Opt(Timestamp),
  path_lower: Opt(Str()),
  link_permissions: LinkPermissions,
  team_member_info: Opt(AnyObject),
  content_owner_team_info: Opt(AnyObject),
};
export const SharedLinkMetadata = Subtypes({
  file: Struct({ ...SharedLinkBase, client_modified: Timestamp, server_modified: Timestamp, rev: Rev, size: UInt64 }),
  folder: Struct(SharedLinkBase),
});
export const ListSharedLinksResult = Struct({ links: List(SharedLinkMetadata), has_more: Bool, cursor: Opt(Str()) });
export const CreateSharedLinkWithSettingsError = Union({
  path: Nested(LookupError),
  email_not_verified: Void,
  shared_link_already_exists: Nested(Opt(Union({ metadata: Nested(SharedLinkMetadata) }))),
  settings_error: Nested(Union(voids('invalid_settings', 'not_authorized'))),
  access_denied: Void,
  banned_member: Void,
  too_many_shared_folders: Void,
});
export const RevokeSharedLinkError = Union(voids(
  'shared_link_not_found', 'shared_link_access_denied', 'unsupported_link_type', 'unsupported_parameter_field',
  'shared_link_malformed',
));
export const ListSharedLinksError = Union({ path: Nested(LookupError), reset: Void });

// ---- team ----------------------------------------------------------------------------------

export const TeamMemberProfile = Struct({
  team_member_id: Str(),
  external_id: Opt(Str()),
  account_id: Opt(AccountId),
  email: Str(),
  email_verified: Bool,
  secondary_emails: Opt(List(AnyObject)),
  status: Union({ ...voids('active', 'invited', 'suspended'), removed: Inline(Struct({ is_recoverable: Bool, is_disconnected: Bool })) }),
  name: Name,
  membership_type: Union(voids('full', 'limited')),
  invited_on: Opt(Timestamp),
  joined_on: Opt(Timestamp),
  suspended_on: Opt(Timestamp),
  persistent_id: Opt(Str()),
  is_directory_restricted: Opt(Bool),
  profile_photo_url: Opt(Str()),
  groups: List(Str()),
  member_folder_id: NamespaceId,
  root_folder_id: NamespaceId,
});
export const MembersListV2Result = Struct({
  members: List(Struct({
    profile: TeamMemberProfile,
    roles: Opt(List(Struct({
      role_id: Str({ max: 128, pattern: 'pid_dbtmr:.*' }),
      name: Str({ max: 32 }),
      description: Str({ max: 256 }),
    }))),
  })),
  cursor: Str(),
  has_more: Bool,
});
export const MembersListContinueError = Union(voids('invalid_cursor'));

// ---- auth and envelopes --------------------------------------------------------------------

export const AuthError = Union({
  ...voids('invalid_access_token', 'invalid_select_user', 'invalid_select_admin', 'user_suspended',
    'expired_access_token', 'route_access_denied'),
  missing_scope: Inline(Struct({ required_scope: Str() })),
});
export const RateLimitError = Struct({
  reason: Union(voids('too_many_requests', 'too_many_write_operations')),
  retry_after: UInt64,
});
export const PathRootError = Union({ invalid_root: Nested(RootInfo), no_permission: Void });

/** `{error_summary, error, user_message?}` with `error` checked by `errorSchema`. */
export const ErrorEnvelope = (errorSchema) => Struct({
  error_summary: Str({ min: 1 }),
  error: errorSchema,
  user_message: Opt(Struct({ text: Str(), locale: Str() })),
});

/** Validates `value` against `schema`, naming it `label` in failures. */
export function check(schema, value, label = 'value') {
  schema(value, label);
  return value;
}

/** Checks an SDK error's body: the envelope, the union and the error_summary's tag prefix. */
export function checkErrorBody(errorSchema, body, expectedTags) {
  check(ErrorEnvelope(errorSchema), body, 'error body');
  if (expectedTags) {
    const prefix = `${expectedTags.join('/')}/`;
    assert.ok(body.error_summary.startsWith(prefix), `error_summary ${JSON.stringify(body.error_summary)} starts with ${prefix}`);
  }
  return body;
}
