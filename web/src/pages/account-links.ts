import { useState } from 'preact/hooks';
import { publicCall } from '../api/client';
import { describeError, html, useLoad } from '../ui';

/**
 * The pages emailed links open: /verify-email, /forgot-password and /reset-password. Their tokens
 * travel in the fragment (#token=…), which no server and no Referer sees; the page sends it to the API.
 */

/** The token of an emailed link, from the fragment. */
export function linkToken(): string | undefined {
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? undefined;
}

/** A one-field email form posting to a public route that answers the same whether or not the email has an account. */
function EmailForm({ label, send }: { label: string; send: (email: string) => Promise<{ message: string }> }) {
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email'));
    setBusy(true);
    try {
      setResult({ ok: true, text: (await send(email)).message });
    } catch (err) {
      setResult({ ok: false, text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };
  return html`<form onSubmit=${submit}>
    <label>Email <input name="email" type="email" autocomplete="email" required /></label>
    <button type="submit" disabled=${busy}>${label}</button>
    ${result ? html`<p class=${result.ok ? 'ok' : 'error'} role=${result.ok ? 'status' : 'alert'}>${result.text}</p>` : null}
  </form>`;
}

function ResendVerification() {
  return html`<${EmailForm} label="Send a new link" send=${(email: string) => publicCall('post', '/auth/resend-verification', { body: { email } })} />`;
}

/** Where the verification email's link lands: verifies once and says so, or offers a new link. */
export function VerifyEmail() {
  const token = linkToken();
  const result = useLoad(() => (token ? publicCall('get', '/auth/verify-email', { query: { token } }) : Promise.resolve(undefined)), []);
  if (!token)
    return html`<main id="main" class="auth">
      <h1>Verify your email</h1>
      <p>Enter the email you signed up with: if it waits for verification, a new link is on its way.</p>
      <${ResendVerification} />
    </main>`;
  if (result.loading) return html`<main id="main" class="auth"><p aria-busy="true">Verifying your email…</p></main>`;
  if (result.data)
    return html`<main id="main" class="auth">
      <h1>Email verified</h1>
      <p role="status"><strong>${result.data.email}</strong> is verified: your organization may now monitor as many databases as it needs.</p>
      <p><a href="/">Continue to Vigil</a></p>
    </main>`;
  return html`<main id="main" class="auth">
    <h1>This link did not work</h1>
    <p class="error" role="alert">${describeError(result.error)}</p>
    <p>Verification links work once, for 24 hours. Ask for a new one:</p>
    <${ResendVerification} />
  </main>`;
}

export function ForgotPassword() {
  return html`<main id="main" class="auth">
    <h1>Forgot your password?</h1>
    <p>Enter your email: if it has an account, we send it a link to choose a new password (it works once, for an hour).</p>
    <${EmailForm} label="Email me a reset link" send=${(email: string) => publicCall('post', '/auth/forgot-password', { body: { email } })} />
    <p><a href="/signin">Back to sign in</a></p>
  </main>`;
}

/** Where the reset email's link lands: a new password, after which every session of the account ends. */
export function ResetPassword({ onReset }: { onReset: () => Promise<void> }) {
  const token = linkToken();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const password = String(form.get('password'));
    if (password !== String(form.get('confirm'))) {
      setError('The two passwords differ.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await publicCall('post', '/auth/reset-password', { body: { token: token ?? '', password } });
      // Every session ended with the reset, this page's included.
      await onReset();
      setDone(true);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return html`<main id="main" class="auth">
      <h1>Password changed</h1>
      <p role="status">Your new password is set, and every session of your account has ended.</p>
      <p><a href="/signin">Sign in with your new password</a></p>
    </main>`;
  if (!token)
    return html`<main id="main" class="auth">
      <h1>Choose a new password</h1>
      <p class="error" role="alert">This page needs the link from the reset email.</p>
      <p><a href="/forgot-password">Ask for a reset link</a></p>
    </main>`;
  return html`<main id="main" class="auth">
    <h1>Choose a new password</h1>
    <form onSubmit=${submit}>
      <label>New password <input name="password" type="password" autocomplete="new-password" minlength="8" required /></label>
      <label>New password, again <input name="confirm" type="password" autocomplete="new-password" minlength="8" required /></label>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <button type="submit" disabled=${busy}>Set the new password</button>
    </form>
    <p class="muted">The link works once, for an hour. <a href="/forgot-password">Ask for a new one</a></p>
  </main>`;
}
