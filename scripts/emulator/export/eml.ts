import fs from 'node:fs/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailAttachment, MailMessage } from '../services/mail';

function part(attachment: MailAttachment, fallbackName: string) {
  return {
    filename: attachment.name ?? fallbackName,
    content: Buffer.from(attachment.base64, 'base64'),
    contentType: attachment.contentType ?? 'application/octet-stream',
  };
}

/**
 * Writes a message of the emulated outbox as an .eml file a mail client opens: UTF-8 headers
 * (encoded words for the Vietnamese subject and names), text and HTML alternatives, attachments
 * and inline images (cid).
 */
export async function exportEml(message: MailMessage, file: string): Promise<void> {
  const composer = new MailComposer({
    from: message.name === null ? message.sender : { name: message.name, address: message.sender },
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    replyTo: message.replyTo ?? undefined,
    subject: message.subject,
    text: message.body,
    html: message.htmlBody ?? undefined,
    date: new Date(message.sentAt),
    messageId: `<${message.id}@emulator.local>`,
    attachments: [
      ...message.attachments.map((attachment, i) => part(attachment, `attachment-${i + 1}`)),
      ...Object.entries(message.inlineImages).map(([cid, image]) => ({ ...part(image, cid), cid })),
    ],
  });
  const node = composer.compile();
  // An archived copy keeps Bcc, as the sender's "Sent" folder does.
  node.keepBcc = true;
  await fs.writeFile(file, await node.build());
}
