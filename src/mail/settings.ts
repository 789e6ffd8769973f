// The mail settings (SMTP_URL, DIGEST_TO, DIGEST_FROM), read and checked in one place.
import { siteUrl, type Config } from '../config.ts';
import { parseRecipients } from './compose.ts';

/** SMTP_URL or DIGEST_TO missing or unusable; the message names the variable. */
export class MailConfigError extends Error {
  override name = 'MailConfigError';
}

export interface MailSettings {
  smtpUrl: string;
  /** DIGEST_TO as written, for the To header. */
  to: string;
  recipients: string[];
  from: string;
}

export function isMailConfigured(config: Readonly<Config>): boolean {
  return config.smtpUrl !== undefined && config.digestTo !== undefined;
}

export function readMailSettings(config: Readonly<Config>): MailSettings {
  if (config.smtpUrl === undefined)
    throw new MailConfigError('SMTP_URL is not set (smtp://user:pass@host:587 or smtps://user:pass@host:465)');
  if (config.digestTo === undefined)
    throw new MailConfigError('DIGEST_TO is not set (the address to mail the digest to)');
  const recipients = parseRecipients(config.digestTo);
  if (recipients.length === 0) throw new MailConfigError(`DIGEST_TO: "${config.digestTo}" holds no email address`);
  return {
    smtpUrl: config.smtpUrl,
    to: config.digestTo,
    recipients,
    from: config.digestFrom ?? defaultFrom(config.smtpUrl, recipients[0]!),
  };
}

/**
 * The warning `send` and `serve` print once when mail is on and PUBLIC_URL is not: the mail's links
 * to the site (the whole day, save or hide) name an address only this machine can open.
 */
export function describeMailWithoutPublicUrl(config: Readonly<Config>): string | undefined {
  if (!isMailConfigured(config) || config.publicUrl !== undefined) return undefined;
  return `PUBLIC_URL is not set: the mail's links to the site go to ${siteUrl(config)}, which only this computer can open (set PUBLIC_URL to the address you reach arxiv-curator at, e.g. https://arxiv.example.org)`;
}

/** Without DIGEST_FROM: the SMTP login when it is an address (most providers require that), else the recipient. */
function defaultFrom(smtpUrl: string, recipient: string): string {
  const user = decodeURIComponent(new URL(smtpUrl).username);
  return `arxiv-curator <${user.includes('@') ? user : recipient}>`;
}
