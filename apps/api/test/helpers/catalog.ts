import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { deflateSync } from 'node:zlib';
import { bearer } from './accounts.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A caller bound to one token: `api('POST', url, body, headers)` answers status, body, headers. */
export function caller(app: NestFastifyApplication, token: string) {
  return async (
    method: Method,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...bearer(token), ...headers },
      ...(payload ? { payload } : {}),
    });
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      body: type.includes('json') ? res.json() : undefined,
      raw: res.rawPayload,
      headers: res.headers,
    };
  };
}
export type Caller = ReturnType<typeof caller>;

/** The basic masters of a company: units u, caja12 and kg; VAT 21 and 10.5; exempt. */
export async function seedMasters(api: Caller) {
  const make = async (url: string, body: object): Promise<string> => {
    const res = await api('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };
  return {
    u: await make('/api/v1/catalog/units', { code: 'u', name: 'Unidad' }),
    caja12: await make('/api/v1/catalog/units', { code: 'caja12', name: 'Caja x12' }),
    kg: await make('/api/v1/catalog/units', { code: 'kg', name: 'Kilogramo' }),
    iva21: await make('/api/v1/catalog/tax-rates', {
      code: 'iva21',
      name: 'IVA 21%',
      kind: 'vat',
      rate: '21',
    }),
    iva105: await make('/api/v1/catalog/tax-rates', {
      code: 'iva105',
      name: 'IVA 10,5%',
      kind: 'vat',
      rate: '10.5',
    }),
    exento: await make('/api/v1/catalog/tax-rates', {
      code: 'exento',
      name: 'Exento',
      kind: 'exempt',
      rate: '0',
    }),
  };
}
export type Masters = Awaited<ReturnType<typeof seedMasters>>;

/** Creates an item and returns its body; throws on anything but 201. */
export async function createItem(api: Caller, body: object): Promise<Record<string, unknown>> {
  const res = await api('POST', '/api/v1/catalog/items', body);
  if (res.status !== 201) throw new Error(`item: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A real 1×1 PNG. */
export function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0xc8, 0x10, 0x2e]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
