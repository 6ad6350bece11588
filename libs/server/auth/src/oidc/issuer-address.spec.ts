import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addressRefusal,
  assertIssuerUrlAllowed,
  findIssuerRefusal,
  isPublicAddress,
} from './issuer-address.js';
import { issuerFetch } from './issuer-fetch.js';

const closed = { allowPrivate: false };
const open = { allowPrivate: true };

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.255',
    '169.254.169.254',
    '169.254.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.251',
    '239.255.255.250',
    '255.255.255.255',
    '198.18.0.1',
    '::',
    '::1',
    '[::1]',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456:789a::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '64:ff9b::a00:1',
    '64:ff9b::169.254.169.254',
    '2002:7f00:1::',
    '2002:c0a8:101::1',
    'not-an-address',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.255.255',
    '203.0.113.10',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('addressRefusal', () => {
  it('refuses any private address among public ones, unless private issuers are allowed', () => {
    expect(addressRefusal(closed, 'https:', ['8.8.8.8', '10.0.0.1'])).toMatchObject({
      address: '10.0.0.1',
    });
    expect(addressRefusal(open, 'https:', ['8.8.8.8', '10.0.0.1'])).toBeUndefined();
    expect(addressRefusal(closed, 'https:', ['8.8.8.8'])).toBeUndefined();
  });

  it('allows plain http only to a private network, and only when those are allowed', () => {
    expect(addressRefusal(open, 'http:', ['10.0.0.1'])).toBeUndefined();
    expect(addressRefusal(open, 'http:', ['127.0.0.1', '::1'])).toBeUndefined();
    expect(addressRefusal(closed, 'http:', ['10.0.0.1'])?.reason).toMatch(/non-public/);
    expect(addressRefusal(open, 'http:', ['203.0.113.10'])?.reason).toMatch(/use https/);
    expect(addressRefusal(closed, 'http:', ['203.0.113.10'])?.reason).toMatch(/use https/);
    expect(addressRefusal(open, 'ftp:', ['10.0.0.1'])).toBeDefined();
    expect(addressRefusal(open, 'https:', [])).toBeDefined();
  });
});

describe('assertIssuerUrlAllowed', () => {
  it('checks the addresses a host name resolves to, not only literals', async () => {
    const refused = await assertIssuerUrlAllowed(closed, new URL('http://localhost:8080')).catch(
      (e: unknown) => e,
    );
    expect(findIssuerRefusal(refused)?.host).toBe('localhost');
    await expect(
      assertIssuerUrlAllowed(open, new URL('http://localhost:8080')),
    ).resolves.toBeUndefined();
  });

  it('refuses literals in brackets and odd IPv4 spellings the URL parser normalizes', async () => {
    for (const url of [
      'http://[::1]/',
      'https://0x7f.1/',
      'https://2130706433/',
      'https://[::ffff:a9fe:a9fe]/',
    ])
      await expect(assertIssuerUrlAllowed(closed, new URL(url))).rejects.toThrow(/not allowed/);
    await expect(
      assertIssuerUrlAllowed(closed, new URL('https://203.0.113.10/realm')),
    ).resolves.toBeUndefined();
  });

  it('refuses a name that does not resolve', async () => {
    // No real lookup: a test sends nothing beyond this machine, DNS queries included.
    const lookup = vi
      .spyOn(dns.promises, 'lookup')
      .mockRejectedValue(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    try {
      await expect(
        assertIssuerUrlAllowed(open, new URL('https://idp.example.test')),
      ).rejects.toThrow(/does not resolve/);
      expect(lookup).toHaveBeenCalledWith('idp.example.test', { all: true, verbatim: true });
    } finally {
      lookup.mockRestore();
    }
  });
});

describe('issuerFetch', () => {
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits += 1;
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.end(JSON.stringify({ method: req.method, url: req.url, body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const get = { method: 'GET', headers: {}, body: undefined, redirect: 'manual' } as const;

  it('refuses loopback before connecting, by literal or by name', async () => {
    const before = hits;
    for (const host of ['127.0.0.1', 'localhost']) {
      const error = await issuerFetch(closed)(`http://${host}:${port}/x`, get).catch(
        (e: unknown) => e,
      );
      expect(findIssuerRefusal(error)?.host).toBe(host);
    }
    expect(hits).toBe(before);
  });

  it('calls an allowed issuer and answers like fetch, body and headers included', async () => {
    const res = await issuerFetch(open)(`http://localhost:${port}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'abc' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await res.json()).toEqual({
      method: 'POST',
      url: '/token',
      body: 'grant_type=authorization_code&code=abc',
    });
  });

  it('hands a redirect back instead of following it', async () => {
    const res = await issuerFetch(open)(`http://127.0.0.1:${port}/redirect`, get);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://169.254.169.254/latest/meta-data/');
  });
});
