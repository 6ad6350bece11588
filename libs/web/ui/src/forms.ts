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
import { asProblem } from './use-query';

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
