import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { CustomFetchOptions } from 'openid-client';
import {
  IssuerAddressRefusedError,
  addressRefusal,
  guardedLookup,
  type IssuerAddressPolicy,
} from './issuer-address.js';

/** A discovery document or a key set is a few kilobytes; anything this large is refused. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Statuses whose response has no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export type IssuerFetch = (url: string, options: CustomFetchOptions) => Promise<Response>;

async function bodyBytes(body: CustomFetchOptions['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.from(await new Response(body).arrayBuffer());
}

/**
 * openid-client's `customFetch` for a company's issuer: every call (discovery, token, key set,
 * userinfo) goes through `node:http(s)` with `guardedLookup`, so the addresses the socket
 * connects to are the ones checked, at the moment of the call — not those of an earlier check,
 * which DNS may have changed since. A host written as an address is checked as written (there is
 * no lookup). Redirects are never followed (openid-client asks for `manual`), so a redirect to a
 * private address goes nowhere. No connection is pooled: each call connects, and is checked, anew.
 */
export function issuerFetch(policy: IssuerAddressPolicy): IssuerFetch {
  return async (url, options) => {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
      const refusal = addressRefusal(policy, target.protocol, [host]);
      if (refusal) throw new IssuerAddressRefusedError(host, refusal);
    }
    const body = await bodyBytes(options.body);
    const transport = target.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const request = transport.request(
        target,
        {
          method: options.method,
          headers: {
            ...options.headers,
            // Node's http client does not decompress; ask for the body as it is.
            'accept-encoding': 'identity',
            ...(body ? { 'content-length': String(body.byteLength) } : {}),
          },
          lookup: guardedLookup(policy, target.protocol),
          agent: false,
          ...(options.signal ? { signal: options.signal } : {}),
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.byteLength;
            if (size > MAX_RESPONSE_BYTES) {
              response.destroy(new Error(`The sign-in provider answered more than 1 MiB`));
              return;
            }
            chunks.push(chunk);
          });
          response.on('error', reject);
          response.on('end', () => {
            const headers = new Headers();
            const raw = response.rawHeaders;
            for (let i = 0; i + 1 < raw.length; i += 2)
              headers.append(raw[i] ?? '', raw[i + 1] ?? '');
            const status = response.statusCode ?? 502;
            try {
              resolve(
                new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
                  status,
                  statusText: response.statusMessage ?? '',
                  headers,
                }),
              );
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };
}
