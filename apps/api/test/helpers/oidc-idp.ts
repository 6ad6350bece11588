import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations; the facade below types what we use.
import ProviderModule from 'oidc-provider';

interface Interaction {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: { client_id?: string };
  session?: { accountId?: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
}
const OidcProvider = ProviderModule as new (
  issuer: string,
  config: Record<string, unknown>,
) => Provider;

export interface IdpAccount {
  email: string;
  emailVerified: boolean;
  name?: string;
}

/** A real OpenID Connect provider on 127.0.0.1 with one confidential client. */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers someone the provider can sign in; returns their account id. */
  addAccount(account: IdpAccount): string;
  /** A fresh browser signs in as the account and consents; returns the URL it is sent back to. */
  signIn(authorizationUrl: string, accountId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const accounts = new Map<string, IdpAccount>();
  const clientId = 'nexo-test';
  const clientSecret = randomBytes(24).toString('base64url');
  let handle = (_req: IncomingMessage, res: ServerResponse): void => void res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      return (
        account && {
          accountId: sub,
          claims: () =>
            Promise.resolve({
              sub,
              email: account.email,
              email_verified: account.emailVerified,
              name: account.name,
            }),
        }
      );
    },
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    // Otherwise a code flow puts only `sub` in the ID token and the email waits at /userinfo.
    conformIdTokenClaims: false,
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }],
    },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    adapter: memoryAdapter(),
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
  });

  const callback = provider.callback();
  handle = (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    interaction(provider, req, res).catch((error: unknown) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(error) }));
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount(account) {
      const id = `acc-${randomBytes(6).toString('hex')}`;
      accounts.set(id, account);
      return id;
    },
    signIn: (authorizationUrl, accountId) => browse(authorizationUrl, accountId, redirectUri),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The provider's login and consent pages, as JSON and form posts instead of HTML. */
async function interaction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session, grantId } = details;
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ uid: details.uid, prompt: prompt.name }));
    return;
  }
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  const form = new URLSearchParams(raw);
  if (form.get('prompt') === 'login') {
    const result = { login: { accountId: form.get('login') } };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  const accountId = session?.accountId ?? '';
  const grant =
    (grantId ? await provider.Grant.find(grantId) : undefined) ??
    new provider.Grant({ accountId, clientId: params.client_id ?? '' });
  if (prompt.details.missingOIDCScope)
    grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  const result = { consent: { grantId: await grant.save() } };
  return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

/** Follows redirects with a cookie jar, answering login and consent, until the redirect URI. */
async function browse(start: string, accountId: string, redirectUri: string): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, form?: Record<string, string>): Promise<Response> => {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { method: 'POST', body: new URLSearchParams(form).toString() } : {}),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.trim().split(/=(.*)/s);
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };

  let url = start;
  for (let hop = 0; hop < 15; hop++) {
    if (url.startsWith(redirectUri)) return url;
    let res = await send(url);
    if (res.status === 200 && new URL(url).pathname.startsWith('/interaction/')) {
      const { prompt } = (await res.json()) as { prompt: string };
      res = await send(url, prompt === 'login' ? { prompt, login: accountId } : { prompt });
    }
    const location = res.headers.get('location');
    const body = await res.text();
    if (!location) throw new Error(`The provider answered ${res.status}: ${body}`);
    url = new URL(location, url).href;
  }
  throw new Error('The provider never sent the browser back');
}

interface Stored {
  payload: Record<string, unknown>;
  expiresAt: number;
}

/** oidc-provider's storage interface over a Map: its own in-memory one warns on every start. */
function memoryAdapter(): (model: string) => Record<string, unknown> {
  const store = new Map<string, Stored>();
  const live = (key: string): Stored | undefined => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) store.delete(key);
    return store.get(key);
  };
  const findBy = (model: string, field: string, value: string) =>
    [...store.keys()]
      .filter((key) => key.startsWith(`${model}:`))
      .map(live)
      .find((entry) => entry?.payload[field] === value)?.payload;

  return (model) => ({
    upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
      store.set(`${model}:${id}`, { payload, expiresAt });
      return Promise.resolve();
    },
    find: (id: string) => Promise.resolve(live(`${model}:${id}`)?.payload),
    findByUid: (uid: string) => Promise.resolve(findBy(model, 'uid', uid)),
    findByUserCode: (code: string) => Promise.resolve(findBy(model, 'userCode', code)),
    consume(id: string) {
      const entry = live(`${model}:${id}`);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    },
    destroy(id: string) {
      store.delete(`${model}:${id}`);
      return Promise.resolve();
    },
    revokeByGrantId(grantId: string) {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
      return Promise.resolve();
    },
  });
}
