import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer } from './accounts.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A small client for one signed-in principal: `api.post(url, body)` → status, JSON, headers. */
export function apiAs(app: NestFastifyApplication, token: string) {
  const call = async <T = Record<string, unknown>>(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...bearer(token), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    let json: T | undefined;
    try {
      json = res.body ? (JSON.parse(res.body) as T) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json: json as T, body: res.body, headers: res.headers };
  };
  return {
    get: <T = Record<string, unknown>>(url: string) => call<T>('GET', url),
    post: <T = Record<string, unknown>>(url: string, body: unknown = {}) =>
      call<T>('POST', url, body),
    put: <T = Record<string, unknown>>(url: string, body: unknown) => call<T>('PUT', url, body),
    patch: <T = Record<string, unknown>>(url: string, body: unknown, version: number | string) =>
      call<T>('PATCH', url, body, { 'if-match': `"${version}"` }),
    delete: (url: string, version?: number) =>
      call('DELETE', url, undefined, version === undefined ? {} : { 'if-match': `"${version}"` }),
  };
}
export type Api = ReturnType<typeof apiAs>;
