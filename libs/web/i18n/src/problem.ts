import { hasMessage, type Translate } from './translate';

/** The parts of an RFC 9457 problem the portals read (`@nexo/api-client`'s `Problem`). */
export interface ProblemLike {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  errorId?: string;
  requestId?: string;
  issues?: { path: string; code: string; message: string }[];
}

/**
 * What to tell a person about a failed request, in their language: the message for the
 * problem's stable `code` (the API's title is English and for developers), the error id
 * to quote for a server error.
 */
export function problemMessage(problem: ProblemLike | null | undefined, t: Translate): string {
  if (!problem) return t('error.generic');
  const key = `error.${problem.code ?? ''}`;
  const message = hasMessage(key)
    ? t(key)
    : (problem.detail ?? problem.title ?? t('error.generic'));
  return problem.errorId ? `${message} ${t('error.reference', { id: problem.errorId })}` : message;
}

type Issue = NonNullable<ProblemLike['issues']>[number];

/** A field issue in the person's language when its code has a message (the API's is English). */
export function issueMessage(issue: Issue, t?: Translate): string {
  const key = `issue.${issue.code}`;
  return t && hasMessage(key) ? t(key) : issue.message;
}

/** Field issues by form path (`contacts.0.email`), for a form to show beside each field. */
export function problemFieldErrors(
  problem: ProblemLike | null | undefined,
  t?: Translate,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of problem?.issues ?? []) {
    const path = issue.path.replace(/^body\./, '');
    out[path] ??= issueMessage(issue, t);
  }
  return out;
}
