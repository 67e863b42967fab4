import { useState } from 'preact/hooks';
import { signIn } from '../api/client';
import { describeError, html } from '../ui';

/**
 * Sign in or sign up; the session survives reloads through the HttpOnly refresh cookie. A server
 * with mail answers every signup "check your email", whether or not the email has an account.
 */
export function SignIn({ mode, onSignedIn }: { mode: 'login' | 'signup'; onSignedIn: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const body = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    setBusy(true);
    setError(undefined);
    try {
      if ((await signIn(mode, body)) === 'check_email') setSentTo(body.email);
      else onSignedIn();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const signup = mode === 'signup';
  if (signup && sentTo)
    return html`<main id="main" class="auth">
      <h1>Check your email</h1>
      <p role="status">We sent a message to <strong>${sentTo}</strong> with what to do next. Follow its link to verify your email, then sign in.</p>
      <p class="muted">Nothing arrived after a few minutes? Look in your spam folder, or <a href="/verify-email">ask for a new link</a>.</p>
      <p><a href="/signin">Sign in</a></p>
    </main>`;
  return html`<main id="main" class="auth">
    <h1>${signup ? 'Create your Vigil account' : 'Sign in to Vigil'}</h1>
    <form onSubmit=${submit}>
      ${signup
        ? html`<label>Your name <input name="name" autocomplete="name" required /></label>
            <label>Organization <input name="org_name" autocomplete="organization" required /></label>`
        : null}
      <label>Email <input name="email" type="email" autocomplete="email" required /></label>
      <label>Password <input name="password" type="password" autocomplete=${signup ? 'new-password' : 'current-password'} minlength=${signup ? 8 : undefined} required /></label>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <button type="submit" disabled=${busy}>${signup ? 'Sign up' : 'Sign in'}</button>
    </form>
    <p>${signup ? html`Already have an account? <a href="/signin">Sign in</a>` : html`New to Vigil? <a href="/signup">Create an account</a> · <a href="/forgot-password">Forgot your password?</a>`}</p>
  </main>`;
}
