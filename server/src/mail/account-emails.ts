import type { Mail } from './mailer.js';

/**
 * The account emails' texts, each in plain text and HTML built from the same lines. Links are built
 * from VIGIL_PUBLIC_URL by the caller; the token travels in the link only, never in a log.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function compose(to: string, subject: string, intro: readonly string[], action: string, link: string, outro: string): Mail {
  const text = [...intro, '', `${action}:`, link, '', outro, '', '— Vigil'].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    ...intro.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>`,
    `<p style="color: #666">${escapeHtml(outro)}</p>`,
    '<p>— Vigil</p></body></html>',
  ].join('\n');
  return { to, subject, text, html };
}

export function verificationEmail(to: string, name: string, link: string): Mail {
  return compose(to, 'Verify your email for Vigil', [`Hello ${name},`, 'Please confirm this is your email address. The link works once, for 24 hours.'], 'Verify my email', link, 'If you did not sign up for Vigil, ignore this email.');
}

/** To the owner of an email someone tried to sign up with: signup answers a taken email as it answers a new one, so this is how the owner learns of it. */
export function signupAttemptEmail(to: string, name: string, signInLink: string, forgotLink: string): Mail {
  return compose(
    to,
    'Someone tried to sign up for Vigil with your email',
    [`Hello ${name},`, 'Someone (perhaps you) tried to create a new Vigil account with this email, which already has one.', `If you forgot your password, choose a new one at ${forgotLink}`],
    'Sign in to your account',
    signInLink,
    'If it was not you, ignore this email: nothing was changed.',
  );
}

export function passwordResetEmail(to: string, link: string): Mail {
  return compose(
    to,
    'Reset your Vigil password',
    ['Someone (we hope you) asked to reset the password of the Vigil account with this email.', 'The link works once, for 1 hour; setting a new password signs out every session.'],
    'Choose a new password',
    link,
    'If you did not ask for this, ignore this email: your password stays as it is.',
  );
}

export function invitationEmail(to: string, input: { orgName: string; inviter: string; role: string }, link: string): Mail {
  return compose(
    to,
    `You are invited to ${input.orgName} on Vigil`,
    [`${input.inviter} invited you to join ${input.orgName} on Vigil as ${input.role === 'admin' ? 'an admin' : `a ${input.role}`}.`, 'The invitation works once, for 7 days.'],
    'Accept the invitation',
    link,
    'If you do not know this organization, ignore this email.',
  );
}
