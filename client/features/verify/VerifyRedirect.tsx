import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { onMount } from 'solid-js';

/** A printed copy's QR names the compound outside the app's own paths: open its verify page there. */
export default function VerifyRedirect() {
  const params = useParams<{ compoundId: string; meetingId: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  onMount(() =>
    navigate(
      `/c/${encodeURIComponent(params.compoundId)}/verify/minutes/${encodeURIComponent(params.meetingId)}${location.hash}`,
      { replace: true },
    ),
  );
  return null;
}
