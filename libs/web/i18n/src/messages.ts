import {
  CONTEXTS,
  CONTEXT_ERRORS,
  SUBJECTS,
  type Bilingual,
  type ContextErrorCodeName,
  type ContextMessages,
  type Subject,
} from '@nexo/contracts';
import { ADMIN_MESSAGES } from './messages/admin.messages';
import { AUTH_MESSAGES } from './messages/auth.messages';
import { COMMON_MESSAGES } from './messages/common.messages';
import { ERROR_MESSAGES } from './messages/error.messages';
import { PLACE_MESSAGES } from './messages/places.messages';
import { SHELL_MESSAGES } from './messages/shell.messages';

/**
 * Every string the portals show, in Spanish and English side by side: the portal's own
 * (`messages/*.messages.ts`) and each context's, from its contract — its messages, the labels
 * of its permission subjects (`resource.<subject>`) and of its error codes (`error.<code>`).
 * `{name}` placeholders are filled by `t(key, { name })`.
 */
const PORTAL = {
  ...COMMON_MESSAGES,
  ...SHELL_MESSAGES,
  ...AUTH_MESSAGES,
  ...ADMIN_MESSAGES,
  ...PLACE_MESSAGES,
  ...ERROR_MESSAGES,
};

type SubjectKey = `resource.${Exclude<Subject, 'all'>}`;
type ContextErrorKey = `error.${ContextErrorCodeName}`;

const ALL: Record<string, Bilingual> = {
  ...PORTAL,
  ...Object.fromEntries(
    CONTEXTS.flatMap((c) => Object.entries((c.messages ?? {}) as Record<string, Bilingual>)),
  ),
  ...Object.fromEntries(Object.entries(SUBJECTS).map(([s, label]) => [`resource.${s}`, label])),
  ...Object.fromEntries(
    Object.entries(CONTEXT_ERRORS).map(([code, error]) => [`error.${code}`, error.message]),
  ),
};

export type MessageKey = keyof typeof PORTAL | keyof ContextMessages | SubjectKey | ContextErrorKey;
export type Messages = Record<MessageKey, string>;

const inLanguage = (language: keyof Bilingual) =>
  Object.fromEntries(Object.entries(ALL).map(([key, m]) => [key, m[language]])) as Messages;

export const es: Messages = inLanguage('es');
export const en: Messages = inLanguage('en');
