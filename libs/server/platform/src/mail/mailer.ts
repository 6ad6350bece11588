import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';

/** A file sent with a message (a document's PDF). */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/**
 * Sends mail through SMTP (`NEXO_SMTP_URL`). Without SMTP — a PC trying NEXO out — each
 * message is written as a file under `<data dir>/mail/` instead: links in them carry
 * secrets, so they never go to the log. nodemailer is loaded with the first message sent
 * over SMTP: mail is rare, and the module is 5 MB of heap (ADR 0013, idle RSS).
 */
export class Mailer {
  private transport: Promise<Transporter> | undefined;

  constructor(
    private readonly options: { smtpUrl?: string | undefined; from: string; dropDir: string },
  ) {}

  async send(message: MailMessage): Promise<void> {
    const { smtpUrl } = this.options;
    if (smtpUrl) {
      this.transport ??= import('nodemailer').then(({ createTransport }) =>
        createTransport(smtpUrl),
      );
      await (await this.transport).sendMail({ from: this.options.from, ...message });
      return;
    }
    await mkdir(this.options.dropDir, { recursive: true, mode: 0o700 });
    const file = path.join(
      this.options.dropDir,
      `${Date.now()}-${message.to.replace(/[^a-z0-9@.]/gi, '_')}.eml`,
    );
    await writeFile(file, await this.dropBody(message), { mode: 0o600 });
  }

  /**
   * The message as the drop file holds it: plain text, or, with attachments, the MIME message
   * nodemailer would send (its composer loaded only then), so the file opens in a mail reader.
   */
  private async dropBody(message: MailMessage): Promise<string | Buffer> {
    if (!message.attachments?.length)
      return `From: ${this.options.from}\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`;
    const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
    return new MailComposer({ from: this.options.from, ...message }).compile().build();
  }

  close(): void {
    void this.transport?.then(
      (t) => t.close(),
      () => undefined,
    );
  }
}
