/**
 * The only module that sends email (MailApp, scope script.send_mail; never GmailApp). One message
 * per recipient: an address MailApp refuses then costs only that message, and nobody sees the other
 * recipients. It also keeps the delivery records of the scheduled jobs in script properties (read
 * and written under the script lock by the caller).
 */
import { scriptProperties } from './properties';
import type { Email } from '../domain/emails';
import { isInvalidAddressError, isQuotaError } from '../domain/emails';
import { isEmail } from '../domain/config';

/** How many more recipients MailApp accepts today ("valid for the current execution"). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export interface OutgoingEmail extends Email {
  to: string;
  /** Sender display name, e.g. "Hội LHPN quận Hoàng Mai". */
  senderName: string;
  attachments?: GoogleAppsScript.Base.BlobSource[];
}

export type SendOutcome =
  { ok: true } | { ok: false; reason: 'invalid' | 'quota' | 'error'; message: string };

function messageOf(error: unknown): string {
  return error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
}

/**
 * Sends one message. An address that is not an email is refused before MailApp is called; a
 * MailApp error is returned, classified (refused address, quota, other), never thrown.
 */
export function sendEmail(message: OutgoingEmail): SendOutcome {
  if (!isEmail(message.to)) {
    return { ok: false, reason: 'invalid', message: `Địa chỉ email không hợp lệ: ${message.to}` };
  }
  try {
    MailApp.sendEmail({
      to: message.to,
      subject: message.subject,
      body: message.body,
      htmlBody: message.htmlBody,
      name: message.senderName,
      ...(message.attachments && message.attachments.length > 0 ? { attachments: message.attachments } : {}),
    });
    return { ok: true };
  } catch (error) {
    const text = messageOf(error);
    if (isInvalidAddressError(text)) return { ok: false, reason: 'invalid', message: text };
    if (isQuotaError(text)) return { ok: false, reason: 'quota', message: text };
    return { ok: false, reason: 'error', message: text };
  }
}

/** A Drive file (the report's PDF) as an attachment. */
export function fileAttachment(fileId: string): GoogleAppsScript.Base.Blob {
  return DriveApp.getFileById(fileId).getBlob();
}

/** A delivery record (JSON in a script property), or null when there is none. */
export function readRecord<T>(key: string): T | null {
  const text = scriptProperties().getProperty(key);
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Writes a delivery record at once (each write is durable: a crash after it keeps it). */
export function writeRecord(key: string, value: unknown): void {
  scriptProperties().setProperty(key, JSON.stringify(value));
}
