import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, hasSessionCookie, isSignedIn, onSignedOut, refreshSession, signOut } from './api/client';
import { interceptLinks, navigate, usePlace } from './router';
import { html, useLoad } from './ui';
import { SignIn } from './pages/sign-in';
import { Overview } from './pages/overview';
import { DatabasePage } from './pages/database';
import { Alerts } from './pages/alerts';
import { AlertDetail } from './pages/alert-detail';
import { AlertRules } from './pages/alert-rules';
import { Optimizer } from './pages/optimizer';
import { Settings } from './pages/settings';
import { Advice } from './pages/advice';
import { Ask } from './pages/ask';
import { Members } from './pages/members';
import { AuditLog } from './pages/audit-log';
import { ForgotPassword, ResetPassword, VerifyEmail } from './pages/account-links';
import { AcceptInvitation } from './pages/account-invitation';
import './styles.css';

const PUBLIC = ['/signin', '/signup'];
/** Pages for everyone, signed in (with the navigation) or not. */
const OPEN = ['/optimizer'];
/** Where emailed links land (verification, reset, invitation): the same page signed in or not, never redirected. */
const ACCOUNT = ['/verify-email', '/forgot-password', '/reset-password', '/invitations/accept'];

function Nav({ path }: { path: string }) {
  const me = useLoad(() => get('/auth/me'), []);
  const links: [string, string][] = [
    ['/', 'Overview'],
    ['/alerts', 'Alerts'],
    ['/advice', 'Advice'],
    ['/optimizer', 'Optimizer'],
    ['/ask', 'Ask'],
    ['/settings', 'Settings'],
  ];
  const current = (href: string) => (href === '/' ? path === '/' || path.startsWith('/databases') : path.startsWith(href));
  const org = me.data && 'organization' in me.data ? me.data.organization.name : '';
  return html`<header class="top">
    <a class="brand" href="/">Vigil</a>
    <nav aria-label="Main"><ul>${links.map(([href, label]) => html`<li><a href=${href} aria-current=${current(href) ? 'page' : undefined}>${label}</a></li>`)}</ul></nav>
    <span class="who">${org}</span>
    <button type="button" onClick=${() => void signOut().then(() => navigate('/signin'))}>Sign out</button>
  </header>`;
}

function Page({ path }: { path: string }) {
  const db = /^\/databases\/([^/]+)$/.exec(path);
  if (path === '/') return html`<${Overview} />`;
  if (db) return html`<${DatabasePage} id=${decodeURIComponent(db[1]!)} />`;
  if (path === '/alerts') return html`<${Alerts} />`;
  if (path === '/alerts/rules') return html`<${AlertRules} />`;
  const alert = /^\/alerts\/([^/]+)$/.exec(path);
  if (alert) return html`<${AlertDetail} id=${decodeURIComponent(alert[1]!)} />`;
  if (path === '/optimizer') return html`<${Optimizer} />`;
  if (path === '/settings') return html`<${Settings} />`;
  if (path === '/advice') return html`<${Advice} />`;
  if (path === '/ask') return html`<${Ask} />`;
  if (path === '/members') return html`<${Members} />`;
  if (path === '/audit-log') return html`<${AuditLog} />`;
  return html`<main id="main"><h1>Not found</h1><p>No page at ${path}. <a href="/">Back to the overview</a>.</p></main>`;
}

function AccountPage({ path, signedIn, onSignedIn }: { path: string; signedIn: boolean; onSignedIn: () => void }) {
  if (path === '/verify-email') return html`<${VerifyEmail} />`;
  if (path === '/forgot-password') return html`<${ForgotPassword} />`;
  // A reset ends every session of the account, this one's included.
  if (path === '/reset-password') return html`<${ResetPassword} onReset=${() => (isSignedIn() ? signOut() : Promise.resolve())} />`;
  return html`<${AcceptInvitation} signedIn=${signedIn} onJoined=${onSignedIn} />`;
}

function App() {
  const place = usePlace();
  // Unknown until the session cookie has been tried: a reload keeps the user signed in.
  const [session, setSession] = useState<'unknown' | 'in' | 'out'>(isSignedIn() ? 'in' : 'unknown');
  useEffect(() => {
    onSignedOut(() => setSession('out'));
    if (session !== 'unknown') return;
    if (!hasSessionCookie()) setSession('out');
    else void refreshSession().then((ok) => setSession(ok ? 'in' : 'out'), () => setSession('out'));
  }, []);
  const isPublic = PUBLIC.includes(place.path);
  const isOpen = OPEN.includes(place.path);
  const isAccount = ACCOUNT.includes(place.path);
  useEffect(() => {
    if (session === 'out' && !isPublic && !isOpen && !isAccount) navigate(`/signin?next=${encodeURIComponent(place.path + location.search)}`, true);
    if (session === 'in' && isPublic) navigate(place.query.get('next') ?? '/', true);
  }, [session, isPublic, isOpen, isAccount]);
  if (isOpen && session === 'out')
    return html`<a class="skip" href="#main">Skip to content</a><header class="top"><a class="brand" href="/">Vigil</a><span class="who"><a href=${`/signin?next=${encodeURIComponent(place.path)}`}>Sign in</a></span></header><${Page} path=${place.path} />`;
  if (session === 'unknown') return html`<p class="boot" aria-busy="true">Loading Vigil…</p>`;
  if (isAccount)
    return html`<a class="skip" href="#main">Skip to content</a><header class="top"><a class="brand" href="/">Vigil</a></header><${AccountPage} path=${place.path} signedIn=${session === 'in'} onSignedIn=${() => setSession('in')} />`;
  if (isPublic || session === 'out') return html`<${SignIn} mode=${place.path === '/signup' ? 'signup' : 'login'} onSignedIn=${() => setSession('in')} />`;
  return html`<a class="skip" href="#main">Skip to content</a><${Nav} path=${place.path} /><${Page} path=${place.path} />`;
}

interceptLinks();
render(html`<${App} />`, document.getElementById('app')!);
