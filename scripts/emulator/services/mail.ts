import { BlobImpl } from '../core/blob';
import type { EmulatorContext } from '../core/context';
import { Emulated } from '../core/context';
import { parameterMismatch } from '../core/errors';
import { effectiveUser, isConsumer } from '../core/files';

export interface MailAttachment {
  name: string | null;
  contentType: string | null;
  base64: string;
}

/** One message MailApp sent, as the recipients would receive it. */
export interface MailMessage {
  id: string;
  sender: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  /** Sender display name; null = the account's own name. */
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  attachments: MailAttachment[];
  inlineImages: Record<string, MailAttachment>;
  sentAt: number;
}

export interface MailState {
  outbox: MailMessage[];
  /** A daily recipient limit set by the driver; null = Google's default for the account type. */
  dailyLimit: number | null;
  /** Recipients counted per sending account since the start of its quota day. */
  usage: Record<string, { windowStart: number; recipients: number }>;
}

export function createMailState(): MailState {
  return { outbox: [], dailyLimit: null, usage: {} };
}

const DAY_MS = 24 * 3600_000;
const MAX_RECIPIENTS_PER_MESSAGE = 50;
const MAX_ATTACHMENTS = 250;
const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

interface MailOptions {
  to?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: Record<string, unknown>;
}

/** "a@x.vn, Name <b@x.vn>" → the addresses; an invalid one throws Google's text. */
function parseAddresses(ctx: EmulatorContext, list: string | undefined): string[] {
  if (list === undefined || list === null) return [];
  return String(list)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const address = /<([^>]*)>\s*$/.exec(part)?.[1]?.trim() ?? part;
      // unverified: confirm on a real account (commonly reported as "Invalid email: <address>").
      if (!ADDRESS.test(address)) throw ctx.fail(`Invalid email: ${part}`);
      return address;
    });
}

function toAttachment(ctx: EmulatorContext, source: unknown): MailAttachment {
  const blob =
    source && typeof source === 'object' && typeof (source as { getBlob?: unknown }).getBlob === 'function'
      ? (source as { getBlob(): unknown }).getBlob()
      : source;
  if (!(blob instanceof BlobImpl)) throw parameterMismatch(ctx, 'MailApp.sendEmail', [source]);
  return { name: blob._name, contentType: blob._contentType, base64: blob._bytes.toString('base64') };
}

/** Google's default recipient quota: 100 a day for a consumer account, 1,500 for Workspace. */
function dailyLimit(ctx: EmulatorContext, sender: string): number {
  return ctx.state.mail.dailyLimit ?? (isConsumer(sender) ? 100 : 1500);
}

/**
 * Recipients sent today by `sender`. Kept simple: the quota day starts with the first send and
 * lasts 24 hours ("quotas … reset 24 hours after the first request").
 */
function usedToday(ctx: EmulatorContext, sender: string): number {
  const usage = ctx.state.mail.usage[sender];
  return usage && ctx.clock.now() < usage.windowStart + DAY_MS ? usage.recipients : 0;
}

class MailAppImpl extends Emulated {
  constructor(ctx: EmulatorContext) {
    super(ctx, 'MailApp');
  }

  /**
   * sendEmail(message) | sendEmail(recipient, subject, body[, options]) |
   * sendEmail(to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    this._send(this._options(args));
  }

  getRemainingDailyQuota(): number {
    const sender = effectiveUser(this._ctx);
    return dailyLimit(this._ctx, sender) - usedToday(this._ctx, sender);
  }

  _options(args: unknown[]): MailOptions {
    const [a, b, c, d] = args;
    const isString = (v: unknown) => typeof v === 'string';
    if (args.length === 1 && a && typeof a === 'object') return a as MailOptions;
    if (args.length === 3 && isString(a) && isString(b) && isString(c)) {
      return { to: a as string, subject: b as string, body: c as string };
    }
    if (args.length === 4 && isString(a) && isString(b) && isString(c) && d && typeof d === 'object') {
      return { ...(d as MailOptions), to: a as string, subject: b as string, body: c as string };
    }
    if (args.length === 4 && [a, b, c, d].every(isString)) {
      return { to: a as string, replyTo: b as string, subject: c as string, body: d as string };
    }
    throw parameterMismatch(this._ctx, 'MailApp.sendEmail', args);
  }

  _send(options: MailOptions): void {
    const ctx = this._ctx;
    const to = parseAddresses(ctx, options.to);
    const cc = parseAddresses(ctx, options.cc);
    const bcc = parseAddresses(ctx, options.bcc);
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw ctx.fail('Failed to send email: no recipient');
    // unverified: confirm on a real account (the quotas page documents the attachments variant).
    if (recipients > MAX_RECIPIENTS_PER_MESSAGE)
      throw ctx.fail('Limit exceeded: Email Recipients Per Message.');
    const attachments = (options.attachments ?? []).map((item) => toAttachment(ctx, item));
    if (attachments.length > MAX_ATTACHMENTS)
      throw ctx.fail('Limit exceeded: Email Attachments Per Message.');
    const totalBytes = attachments.reduce((sum, att) => sum + Buffer.byteLength(att.base64, 'base64'), 0);
    // unverified: confirm on a real account (text for more than 25 MB of attachments).
    if (totalBytes > MAX_ATTACHMENT_BYTES) throw ctx.fail('Limit exceeded: Email Total Attachments Size.');
    const sender = effectiveUser(ctx);
    const used = usedToday(ctx, sender);
    if (used + recipients > dailyLimit(ctx, sender)) {
      throw ctx.fail('Service invoked too many times for one day: email.');
    }
    const now = ctx.clock.now();
    const usage = ctx.state.mail.usage[sender];
    ctx.state.mail.usage[sender] = {
      windowStart: used === 0 || !usage ? now : usage.windowStart,
      recipients: used + recipients,
    };
    ctx.state.mail.outbox.push({
      id: ctx.newId('mail'),
      sender,
      to,
      cc,
      bcc,
      subject: String(options.subject ?? ''),
      body: String(options.body ?? ''),
      htmlBody: options.htmlBody === undefined ? null : String(options.htmlBody),
      name: options.name === undefined ? null : String(options.name),
      replyTo: options.replyTo === undefined ? null : (parseAddresses(ctx, options.replyTo)[0] ?? null),
      // Only a Workspace account can send from a no-reply address; a consumer's flag has no effect.
      noReply: Boolean(options.noReply) && !isConsumer(sender),
      attachments,
      inlineImages: Object.fromEntries(
        Object.entries(options.inlineImages ?? {}).map(([cid, blob]) => [cid, toAttachment(ctx, blob)]),
      ),
      sentAt: now,
    });
  }
}

export interface MailDriver {
  /** Every message sent, oldest first (copies). */
  outbox(): MailMessage[];
  /** Overrides the daily recipient quota of every account (null restores Google's defaults). */
  setDailyQuota(recipients: number | null): void;
  /** Empties the outbox. */
  clear(): void;
}

export function installMail(ctx: EmulatorContext): { globals: { MailApp: MailAppImpl }; driver: MailDriver } {
  return {
    globals: { MailApp: new MailAppImpl(ctx) },
    driver: {
      outbox: () => structuredClone(ctx.state.mail.outbox),
      setDailyQuota: (recipients) => {
        ctx.state.mail.dailyLimit = recipients;
      },
      clear: () => {
        ctx.state.mail.outbox = [];
      },
    },
  };
}
