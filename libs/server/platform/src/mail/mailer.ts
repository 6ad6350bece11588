import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail through SMTP (`NEXO_SMTP_URL`). Without SMTP — a PC trying NEXO out — each
 * message is written as a file under `<data dir>/mail/` instead: links in them carry
 * secrets, so they never go to the log.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly options: { smtpUrl?: string | undefined; from: string; dropDir: string },
  ) {
    this.transport = options.smtpUrl ? createTransport(options.smtpUrl) : undefined;
  }

  async send(message: MailMessage): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.options.from, ...message });
      return;
    }
    await mkdir(this.options.dropDir, { recursive: true, mode: 0o700 });
    const file = path.join(
      this.options.dropDir,
      `${Date.now()}-${message.to.replace(/[^a-z0-9@.]/gi, '_')}.eml`,
    );
    const body = `From: ${this.options.from}\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`;
    await writeFile(file, body, { mode: 0o600 });
  }

  close(): void {
    this.transport?.close();
  }
}
