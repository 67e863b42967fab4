import nodemailer from 'nodemailer';
import type { MailConfig } from '../config.js';
import type { Logger } from '../logger.js';

/** One email, in plain text and HTML (clients show whichever they prefer). */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Sends account email through SMTP, or reports that it cannot (no VIGIL_SMTP_URL). */
export interface Mailer {
  /** Whether an SMTP server is configured; without one nothing is sent. */
  readonly enabled: boolean;
  /** Sends `mail`; false without SMTP. Rejects when the SMTP server refuses or cannot be reached. */
  send(mail: Mail): Promise<boolean>;
  close(): void;
}

/**
 * The mailer for `config`: nodemailer over VIGIL_SMTP_URL (smtp:// upgrades with STARTTLS when the
 * server offers it, smtps:// is TLS from the start). Without SMTP it logs, once, how to configure
 * mail, and each unsent email by subject only: the links in them carry single-use secrets.
 */
export function createMailer(config: MailConfig, logger: Logger): Mailer {
  const log = logger.child({ component: 'mailer' });
  const url = config.smtpUrl;
  if (!url) {
    log.info(
      'account email is off: set VIGIL_SMTP_URL (smtp://user:password@host:587 or smtps://…:465), VIGIL_MAIL_FROM and VIGIL_PUBLIC_URL to send verification, password-reset and invitation emails. Until then the first account of a fresh server is verified at signup, and `pnpm vigil-server user verify <email>` / `user set-password <email>` do the rest from this host',
    );
    return {
      enabled: false,
      async send(mail) {
        log.warn({ subject: mail.subject }, 'email not sent: no SMTP server is configured (VIGIL_SMTP_URL)');
        return false;
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(url.reveal());
  log.info({ smtp: url.redacted, from: config.from }, 'account email goes through SMTP');
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return true;
    },
    close() {
      transport.close();
    },
  };
}
