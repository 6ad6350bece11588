import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  /** The message as received, for parts such as attachments. */
  raw: string;
}

/** Undoes quoted-printable: soft line breaks and =XX escapes (UTF-8). */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? ''));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes RFC 2047 encoded words in a header (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

/**
 * A real SMTP server on loopback that keeps what it receives: mail tests go through
 * nodemailer and the network exactly as production mail does.
 */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const [folded = '', ...rest] = raw.split(/\r?\n\r?\n/);
        const head = folded.replace(/\r?\n[ \t]+/g, ' ');
        const body = rest.join('\n\n');
        const subject = decodeHeader(/^Subject: (.*)$/im.exec(head)?.[1] ?? '');
        const qp = /content-transfer-encoding: quoted-printable/i.test(head);
        this.messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject,
          text: qp ? decodeQuotedPrintable(body) : body,
          raw,
        });
        callback();
      });
    },
  });
  port = 0;

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Waits for the next message to an address (mail is sent asynchronously to the reply). */
  async next(to: string, timeoutMs = 5000): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const index = this.messages.findIndex((m) =>
        m.to.some((a) => a.toLowerCase() === to.toLowerCase()),
      );
      if (index >= 0) return this.messages.splice(index, 1)[0] as CapturedMail;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`No mail to ${to}`);
  }

  static token(mail: CapturedMail): string {
    const match = /[?&]token=([^\s&]+)/.exec(mail.text);
    if (!match?.[1]) throw new Error(`No token link in: ${mail.text}`);
    return decodeURIComponent(match[1]);
  }
}
