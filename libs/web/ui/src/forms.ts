'use client';
import { useForm, type FormErrors, type UseFormReturnType } from '@mantine/form';
import {
  problemFieldErrors,
  useI18n,
  type Locale,
  type ProblemLike,
  type Translate,
} from '@nexo/i18n';
import { useState } from 'react';
import { z } from 'zod';
import { asProblem, type ApiAnswer } from './use-query';

/** Blank strings become absent fields, deeply (the contracts reject empty strings). */
export function stripBlanks<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripBlanks) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => !(typeof v === 'string' && v.trim() === '') && v !== undefined)
        .map(([k, v]) => [k, stripBlanks(v)]),
    ) as T;
  }
  return value;
}

/** zod issues as Mantine form errors, keyed by path (`contacts.0.email`). */
export function zodFormErrors(error: z.ZodError | undefined): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/** zod's own messages in the person's language. */
export function useZodLocale(locale: Locale): void {
  z.config(locale === 'en' ? z.locales.en() : z.locales.es());
}

/**
 * A Mantine form validated by a route's zod contract (the same schema the API parses the
 * body with), so a person sees the API's rules before sending. `getValues()` →
 * `contractValues(form)` gives the parsed body.
 */
export function useContractForm<S extends z.ZodType>(
  schema: S,
  initialValues: Record<string, unknown>,
): UseFormReturnType<Record<string, unknown>> {
  return useForm<Record<string, unknown>>({
    mode: 'controlled',
    initialValues,
    validate: (values) => zodFormErrors(schema.safeParse(stripBlanks(values)).error),
  });
}

/** The form's values as the contract's output (call after `form.validate()` passed). */
export function contractValues<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  return schema.parse(stripBlanks(values));
}

/** Puts the API's field issues (problem+json `issues`) beside the form's fields. */
export function setProblemErrors(
  form: { setErrors: (errors: FormErrors) => void },
  problem: ProblemLike | null | undefined,
  t?: Translate,
): void {
  const errors = problemFieldErrors(problem, t);
  if (Object.keys(errors).length) form.setErrors(errors);
}

export interface FormProblem {
  /** What `<ProblemAlert problem={…} />` shows: undefined while there is nothing to say. */
  current: ProblemLike | null | undefined;
  /** Shows an API error: the alert, and its field issues beside the fields, in the person's language. */
  show(error: unknown, form: { setErrors: (errors: FormErrors) => void }): ProblemLike | null;
  clear(): void;
}

/** A form's answer from the API: one way for every form to show a problem+json. */
export function useFormProblem(): FormProblem {
  const { t } = useI18n();
  const [current, setCurrent] = useState<ProblemLike | null | undefined>(undefined);
  return {
    current,
    show(error, form) {
      const problem = asProblem(error);
      setCurrent(problem);
      setProblemErrors(form, problem, t);
      return problem;
    },
    clear: () => setCurrent(undefined),
  };
}

/** How a form's request ended: the answer's data, or its error (null: no problem body). */
export type Outcome<D> = { ok: true; data: D } | { ok: false; error: unknown };

/**
 * An API call's outcome for a form. A problem+json answer is its error; a failure without one
 * (a refusal with no body, no answer at all, a body that could not be built) is `null`.
 */
export async function settle<D>(send: () => Promise<ApiAnswer<D>>): Promise<Outcome<D>> {
  try {
    const answer = await send();
    if (answer.error !== undefined || answer.response?.ok === false)
      return { ok: false, error: answer.error ?? null };
    // openapi-fetch's success: `data` is the route's answer (none for a 204).
    return { ok: true, data: answer.data as D };
  } catch {
    return { ok: false, error: null };
  }
}

export interface FormSubmit {
  /** What `<ProblemAlert problem={…} />` shows: undefined while there is nothing to say. */
  problem: ProblemLike | null | undefined;
  /** True while the request runs: the submit button's `loading`. */
  pending: boolean;
  /**
   * The submit of a form that sends to the API: `form.onSubmit(submit.handler(send, onSuccess))`.
   * A problem+json answer is shown (the alert, its field issues beside the fields, in the
   * person's language), and so is a request that failed without one; on success the alert is
   * cleared and `onSuccess` gets the answer's data. `onProblem`, when given, decides instead:
   * it gets the problem and `show`, to show it as well.
   */
  handler<V, D>(
    send: (values: V) => Promise<ApiAnswer<D>>,
    onSuccess: (data: D, values: V) => unknown,
    onProblem?: (problem: ProblemLike | null, show: () => void) => unknown,
  ): (values: V) => Promise<void>;
  /** Forgets the problem shown. */
  clear(): void;
}

/** One way for every form to send to the API and show its answer. */
export function useSubmit(form: { setErrors: (errors: FormErrors) => void }): FormSubmit {
  const problem = useFormProblem();
  const [pending, setPending] = useState(false);
  function handler<V, D>(
    send: (values: V) => Promise<ApiAnswer<D>>,
    onSuccess: (data: D, values: V) => unknown,
    onProblem?: (problem: ProblemLike | null, show: () => void) => unknown,
  ): (values: V) => Promise<void> {
    return async (values) => {
      setPending(true);
      const outcome = await settle(() => send(values));
      setPending(false);
      if (!outcome.ok) {
        const show = () => void problem.show(outcome.error, form);
        if (onProblem) await onProblem(asProblem(outcome.error), show);
        else show();
        return;
      }
      problem.clear();
      await onSuccess(outcome.data, values);
    };
  }
  return { problem: problem.current, pending, handler, clear: () => problem.clear() };
}
