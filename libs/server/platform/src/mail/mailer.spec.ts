import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Mailer } from './mailer.js';

describe('Mailer without SMTP (the mail drop)', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes a plain message, or a MIME message that carries its attachments', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nexo-mail-'));
    const mailer = new Mailer({ from: 'NEXO <no-reply@nexo.test>', dropDir: dir });
    await mailer.send({ to: 'ana@example.test', subject: 'Hola', text: 'Texto' });
    const pdf = Buffer.from('%PDF-1.7 prueba');
    await mailer.send({
      to: 'compras@donpepe.test',
      subject: 'Factura S-000001',
      text: 'Adjuntamos la factura.',
      attachments: [
        { filename: 'Factura-S-000001.pdf', content: pdf, contentType: 'application/pdf' },
      ],
    });
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    const bodies = await Promise.all(
      files.map((f) => readFile(path.join(dir as string, f), 'utf8')),
    );
    const plain = bodies.find((b) => b.includes('Subject: Hola'));
    expect(plain).toContain('Texto');
    const mime = bodies.find((b) => b.includes('Factura-S-000001.pdf')) ?? '';
    expect(mime).toMatch(/Content-Type: application\/pdf; name=Factura-S-000001\.pdf/);
    expect(mime).toContain(pdf.toString('base64'));
    expect(mime).toContain('Adjuntamos la factura.');
  });
});
