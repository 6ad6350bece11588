import type { FuzzCase } from './cases.js';
import type { Operation } from './operations.js';

export type Outcome =
  | {
      kind: 'answer';
      status: number;
      headers: Record<string, string | undefined>;
      body: string;
      ms: number;
    }
  | { kind: 'timeout'; ms: number }
  | { kind: 'error'; message: string; ms: number };

const percent = (bytes: number[]): string =>
  bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/**
 * encodeURIComponent that does not throw on a lone surrogate: it is sent as the three bytes
 * WTF-8 gives it (no valid UTF-8 decodes to them, so the server sees what it sees).
 */
export function encodePart(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += percent([0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]);
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** What the router and the query parser make of an encoded part: decoded, or as sent. */
const serverView = (encoded: string): string => {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
};

/** A value of a path parameter the router sends to this route (not another one). */
const routable = (value: string): boolean =>
  value !== '' && value !== '.' && value !== '..' && !/[/?#]/.test(value);

/**
 * Whether the route's contract refuses the input as the server receives it: then any 2xx
 * answer means the input got past validation. Only inputs the server reads the same way as
 * here are judged (JSON bodies, text/plain, path and query); a body of another media type
 * is left to the media-type checks.
 */
export function contractRefuses(op: Operation, c: FuzzCase): boolean {
  try {
    return refuses(op, c);
  } catch {
    // A refinement that throws on the value: the server's parse throws the same way.
    return true;
  }
}

function refuses(op: Operation, c: FuzzCase): boolean {
  const contract = op.contract;
  if (contract.params) {
    const values = Object.entries(c.params).map(([k, v]) => [k, serverView(encodePart(v))]);
    if (values.every(([, v]) => routable(v ?? ''))) {
      if (!contract.params.safeParse(Object.fromEntries(values)).success) return true;
    }
  }
  if (contract.query) {
    const query = Object.create(null) as Record<string, string | string[]>;
    for (const [k, v] of c.query) {
      const key = serverView(encodePart(k));
      const value = serverView(encodePart(v));
      const before = query[key];
      query[key] =
        before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
    }
    if (!contract.query.safeParse(query).success) return true;
  }
  if (contract.body) {
    const body = c.body;
    // The document marks every request body required: none at all is no object either.
    if (!body) return !contract.body.safeParse(undefined).success;
    if (body.kind === 'json') {
      if (body.value === undefined) return !contract.body.safeParse(undefined).success;
      const sent = JSON.parse(JSON.stringify(body.value)) as unknown;
      return !contract.body.safeParse(sent).success;
    }
    if (body.kind === 'raw') {
      if (body.contentType === 'application/json') {
        // The JSON parser skips a byte-order mark, as secure-json-parse does.
        const text = body.text.replace(/^\ufeff/, '');
        try {
          return !contract.body.safeParse(JSON.parse(text)).success;
        } catch {
          return true;
        }
      }
      if (body.contentType === 'text/plain') return !contract.body.safeParse(body.text).success;
    }
  }
  return false;
}

/**
 * What is wrong with an answer: a 5xx, no answer within the limit, an error that is not a
 * problem with a code, or a success for input the contract refuses.
 */
export function checkOutcome(outcome: Outcome, refused: boolean): string[] {
  if (outcome.kind === 'timeout') return ['no answer within 10 s'];
  if (outcome.kind === 'error') return [`no complete answer (${outcome.message.slice(0, 80)})`];
  const problems: string[] = [];
  const { status } = outcome;
  let code: unknown;
  if (status >= 400) {
    const type = outcome.headers['content-type'] ?? '';
    if (!type.startsWith('application/problem+json')) {
      let raw: unknown;
      try {
        raw = (JSON.parse(outcome.body) as { code?: unknown }).code;
      } catch {
        raw = undefined;
      }
      const said = typeof raw === 'string' ? `, code ${raw}` : '';
      problems.push(`${status} not application/problem+json (${type || 'no content-type'}${said})`);
    } else {
      try {
        code = (JSON.parse(outcome.body) as { code?: unknown }).code;
      } catch {
        code = undefined;
      }
      if (typeof code !== 'string' || !code) problems.push(`${status} problem without a code`);
    }
  }
  if (status >= 500) problems.unshift(`${status} ${typeof code === 'string' ? code : ''}`.trim());
  if (status < 400 && refused) problems.push(`${status} for input its contract refuses`);
  return problems;
}

const clip = (text: string, max = 600): string =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

/** The exact request, token left out, as a failure's sample (JSON escapes show NUL etc.). */
export function describeRequest(input: {
  seed: number;
  op: Operation;
  index: number;
  c: FuzzCase;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload: string | Buffer | undefined;
  outcome: Outcome;
  detail: string;
}): string {
  const { op, c, outcome } = input;
  const headers = { ...input.headers };
  if (headers.authorization) {
    headers.authorization =
      c.principal === 'A' || c.principal === 'B'
        ? `<access token of company ${c.principal}'s admin>`
        : `<forged #${c.forgery ?? 0}>`;
  }
  const body =
    input.payload === undefined
      ? '(none)'
      : Buffer.isBuffer(input.payload)
        ? `<${input.payload.length} bytes: ${input.payload.subarray(0, 16).toString('hex')}…>`
        : clip(JSON.stringify(input.payload));
  const answer =
    outcome.kind === 'answer'
      ? `${outcome.status} ${outcome.headers['content-type'] ?? ''} ${clip(outcome.body, 300)}`
      : outcome.kind === 'timeout'
        ? 'no answer within 10 s'
        : `failed: ${outcome.message}`;
  return [
    `  seed ${input.seed}, ${op.id} case #${input.index} (${c.strategy}), sent by ${c.principal}`,
    `  ${input.method} ${clip(input.url, 400)}`,
    `  headers ${JSON.stringify(headers)}`,
    `  body ${body}`,
    `  answer ${answer}${input.detail ? `\n  logged ${clip(input.detail, 300)}` : ''}`,
  ].join('\n');
}
