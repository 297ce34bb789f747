// The server's JSON API as features use it; the HTTP client itself lives in sync/.
export {
  ApiError,
  api,
  type Credentials,
  type Invite,
  type InvitePreview,
  type InviteSummary,
  type Me,
} from '../sync/api.ts';
