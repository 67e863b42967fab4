import { useState } from 'preact/hooks';
import { acceptInvitation } from '../api/client';
import { navigate } from '../router';
import { describeError, html } from '../ui';
import { linkToken } from './account-links';

/**
 * Where an invitation's link lands (/invitations/accept#token=…): a new user picks a name and a
 * password; a signed-in user accepts with their account, which must have the invited email.
 */
export function AcceptInvitation({ signedIn, onJoined }: { signedIn: boolean; onJoined: () => void }) {
  const token = linkToken();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const accept = async (newUser?: { name: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await acceptInvitation(token ?? '', newUser);
      onJoined();
      navigate('/members');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    void accept({ name: String(form.get('name')), password: String(form.get('password')) });
  };
  if (!token)
    return html`<main id="main" class="auth">
      <h1>Join an organization</h1>
      <p class="error" role="alert">This page needs the link from the invitation.</p>
    </main>`;
  const failed = error ? html`<p class="error" role="alert">${error}</p>` : null;
  if (signedIn)
    return html`<main id="main" class="auth">
      <h1>Join an organization</h1>
      <p>You were invited to an organization on Vigil. Accept with the account you are signed in with (it must have the invited email).</p>
      ${failed}
      <div class="actions"><button type="button" onClick=${() => void accept()} disabled=${busy}>Accept the invitation</button></div>
    </main>`;
  // After signing in, come back here with the same link (the token stays in the fragment, on this page only).
  const back = `/signin?next=${encodeURIComponent(`/invitations/accept#token=${token}`)}`;
  return html`<main id="main" class="auth">
    <h1>Join an organization</h1>
    <p>You were invited to an organization on Vigil. Create your account:</p>
    <form onSubmit=${submit}>
      <label>Your name <input name="name" autocomplete="name" required /></label>
      <label>Password <input name="password" type="password" autocomplete="new-password" minlength="8" required /></label>
      ${failed}
      <button type="submit" disabled=${busy}>Create my account and join</button>
    </form>
    <p>Already have an account with this email? <a href=${back}>Sign in first</a>, then accept.</p>
  </main>`;
}
