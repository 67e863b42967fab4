import { useState } from 'preact/hooks';
import { signIn } from '../api/client';
import { describeError, html } from '../ui';

/** Sign in or sign up; the session survives reloads through the HttpOnly refresh cookie. */
export function SignIn({ mode, onSignedIn }: { mode: 'login' | 'signup'; onSignedIn: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const body = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    setBusy(true);
    setError(undefined);
    try {
      await signIn(mode, body);
      onSignedIn();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const signup = mode === 'signup';
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
    <p>${signup ? html`Already have an account? <a href="/signin">Sign in</a>` : html`New to Vigil? <a href="/signup">Create an account</a>`}</p>
  </main>`;
}
