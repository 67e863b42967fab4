import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, launchChromium, screenshot, watchedPage } from '../helpers/dashboard-browser.js';
import { freePort } from '../helpers/free-port.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { linkIn, startSmtpReceiver, type SmtpReceiver } from '../server/auth/smtp-receiver.js';

/**
 * Accounts in Debian's Chromium against a real server that sends its email to a real SMTP receiver:
 * every link the test follows is the one in the email. An owner signs up and verifies, invites a
 * colleague who joins through the emailed link, revokes another invitation, reads the audit log;
 * the colleague recovers a forgotten password. Each person has their own browser context (cookies),
 * and any console error, page error, failed request or HTTP error fails the test that caused it.
 */
describe('web: accounts (verification, invitations, members, audit log, password reset) in a real browser', function () {
  this.timeout(60_000);
  const stamp = Date.now();
  const owner = { email: `owner-${stamp}@example.com`, password: 'owner password 1', name: 'Olivia Owner' };
  const colleague = { email: `colleague-${stamp}@example.com`, password: 'colleague password 1', name: 'Colin Colleague' };
  let smtp: SmtpReceiver;
  let server: TestServer;
  let browser: Browser;
  const watched: Array<() => string[]> = [];

  /** A signed-out person: their own browser context, watched for problems. */
  async function person(): Promise<Page> {
    const { page, takeProblems } = await watchedPage(browser, server.baseUrl);
    watched.push(takeProblems);
    return page;
  }

  async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  before(async () => {
    smtp = await startSmtpReceiver();
    const port = await freePort();
    const env = { VIGIL_PORT: String(port), VIGIL_PUBLIC_URL: `http://127.0.0.1:${port}`, VIGIL_SMTP_URL: smtp.url, VIGIL_MAIL_FROM: 'Vigil <vigil@example.com>' };
    [server, browser] = await Promise.all([startTestServer({ env }), launchChromium(), ensureBuilt()]).then(([s, b]) => [s, b] as const);
  });
  afterEach(() => {
    const seen = watched.flatMap((take) => take());
    expect(seen, 'console errors or failed requests').to.deep.equal([]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  let ownerPage: Page;

  it('signs up ("check your email"), verifies through the emailed link, and signs in', async () => {
    ownerPage = await person();
    await ownerPage.goto('/signup');
    await ownerPage.getByLabel('Your name').fill(owner.name);
    await ownerPage.getByLabel('Organization').fill('Accounts Org');
    await ownerPage.getByLabel('Email').fill(owner.email);
    await ownerPage.getByLabel('Password').fill(owner.password);
    await ownerPage.getByRole('button', { name: 'Sign up' }).click();
    await ownerPage.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await ownerPage.getByRole('status').textContent()).to.include(owner.email);

    const link = linkIn(await smtp.next(owner.email));
    expect(link.startsWith(`${server.baseUrl}/verify-email#token=`)).to.equal(true);
    await ownerPage.goto(link);
    await ownerPage.getByRole('heading', { name: 'Email verified' }).waitFor();
    expect(await ownerPage.getByRole('status').textContent()).to.include(owner.email);
    await signIn(ownerPage, owner);
  });

  it('invites a colleague, who follows the emailed link, picks a name and password, and is a member', async () => {
    await ownerPage.goto('/settings');
    await ownerPage.getByRole('link', { name: 'Members and invitations' }).click();
    await ownerPage.getByRole('heading', { name: 'Members' }).waitFor();
    const invite = ownerPage.getByRole('form', { name: 'Invite' });
    await invite.getByLabel('Email').fill(colleague.email);
    await invite.getByLabel('Role').selectOption('member');
    await invite.getByRole('button', { name: 'Invite' }).click();
    await ownerPage.getByRole('status').filter({ hasText: `Invitation emailed to ${colleague.email}` }).waitFor();
    await ownerPage.getByRole('table', { name: 'Pending invitations' }).getByRole('rowheader', { name: colleague.email }).waitFor();

    const mail = await smtp.next(colleague.email);
    expect(mail.subject).to.include('Accounts Org');
    const colleaguePage = await person();
    await colleaguePage.goto(linkIn(mail));
    await colleaguePage.getByLabel('Your name').fill(colleague.name);
    await colleaguePage.getByLabel('Password').fill(colleague.password);
    await colleaguePage.getByRole('button', { name: 'Create my account and join' }).click();
    // Signed in, in the owner's organization: the members page lists both, and a member sees no invitations.
    const members = colleaguePage.getByRole('table', { name: 'Members' });
    await members.getByRole('rowheader', { name: /Colin Colleague/ }).waitFor();
    expect(await members.textContent()).to.include(owner.email).and.include(colleague.email);
    expect(await colleaguePage.getByText('Admins and owners invite members').count()).to.equal(1);
    await colleaguePage.close();

    await ownerPage.reload();
    const row = ownerPage.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: colleague.email });
    await row.waitFor();
    expect(await row.textContent()).to.include(colleague.name);
    expect(await ownerPage.getByRole('table', { name: 'Pending invitations' }).count()).to.equal(0);
    await screenshot(ownerPage, 'members');
  });

  it('revokes a pending invitation, and the audit log shows who did what, filtered by action', async () => {
    const stranger = `stranger-${stamp}@example.com`;
    const invite = ownerPage.getByRole('form', { name: 'Invite' });
    await invite.getByLabel('Email').fill(stranger);
    await invite.getByRole('button', { name: 'Invite' }).click();
    const pending = ownerPage.getByRole('table', { name: 'Pending invitations' });
    await pending.getByRole('rowheader', { name: stranger }).waitFor();
    await pending.getByRole('button', { name: 'Revoke' }).click();
    await pending.getByRole('button', { name: `Revoke the invitation of ${stranger}` }).click();
    await ownerPage.getByText('No pending invitations.').waitFor();

    await ownerPage.getByRole('link', { name: 'Audit log' }).click();
    const log = ownerPage.getByRole('table', { name: 'Audit log' });
    await log.getByRole('rowheader', { name: 'invitation.revoked' }).waitFor();
    const text = (await log.textContent())!;
    for (const action of ['member.invited', 'member.joined', 'invitation.revoked']) expect(text).to.include(action);
    await ownerPage.getByLabel('Action').selectOption('member.joined');
    await ownerPage.waitForURL(/action=member\.joined/);
    await log.getByRole('row').filter({ hasText: colleague.email }).first().waitFor();
    expect(await log.getByRole('rowheader').allTextContents()).to.deep.equal(['member.joined']);
    await screenshot(ownerPage, 'audit-log');
  });

  it('recovers a forgotten password through the emailed link, and signs in with the new one', async () => {
    const page = await person();
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(colleague.email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await page.getByRole('status').waitFor();

    const link = linkIn(await smtp.next(colleague.email));
    expect(link.startsWith(`${server.baseUrl}/reset-password#token=`)).to.equal(true);
    await page.goto(link);
    const fresh = 'a new colleague password';
    await page.getByLabel('New password', { exact: true }).fill(fresh);
    await page.getByLabel('New password, again').fill(fresh);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor();
    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await signIn(page, { email: colleague.email, password: fresh });
    // A member's overview of an organization without databases says whom to ask (the install instructions are an admin's).
    await page.getByText('An owner or admin of your organization installs the Vigil agent').waitFor();
  });
});
