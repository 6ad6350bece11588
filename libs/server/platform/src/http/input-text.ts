import type { FieldIssue } from '@nexo/contracts';

/**
 * Text PostgreSQL cannot store as it came: a NUL character (`text` refuses it, and the
 * statement fails) or a lone UTF-16 surrogate (the driver would store U+FFFD in its place,
 * silently changing what was sent). Keys count too: a custom field's or a record's.
 */
export const badText = (text: string): boolean => text.includes('\u0000') || !text.isWellFormed();

export const BAD_TEXT_ISSUE = {
  code: 'invalid_text',
  message: 'Text may not contain NUL characters or unpaired surrogates',
} as const;

/**
 * Every string (and object key) in a request's input that the database could not store, as
 * one field issue each, with its path. Walked without recursion, so a deeply nested body
 * cannot exhaust the stack; at most `limit` issues are reported.
 */
export function textIssues(input: unknown, prefix: string, limit = 20): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: [unknown, string][] = [[input, prefix]];
  while (stack.length && issues.length < limit) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (badText(value)) issues.push({ path, ...BAD_TEXT_ISSUE });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], join(path, String(i))]);
    } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = join(path, key);
        if (badText(key)) issues.push({ path: childPath, ...BAD_TEXT_ISSUE });
        else stack.push([child, childPath]);
      }
    }
  }
  return issues;
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
