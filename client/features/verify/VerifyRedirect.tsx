import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { onMount } from 'solid-js';

/** A printed paper's QR names the compound outside the app's own paths: open its verify page there. */
export default function VerifyRedirect() {
  const params = useParams<{ compoundId: string; meetingId?: string; periodId?: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const what = params.meetingId
    ? `minutes/${encodeURIComponent(params.meetingId)}`
    : `ledger/${encodeURIComponent(params.periodId ?? '')}`;
  onMount(() =>
    navigate(`/c/${encodeURIComponent(params.compoundId)}/verify/${what}${location.hash}`, { replace: true }),
  );
  return null;
}
