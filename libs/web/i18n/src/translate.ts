import { en, es, type MessageKey, type Messages } from './messages';

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';
/** The cookie that remembers a person's choice of language on this browser. */
export const LOCALE_COOKIE = 'nexo_locale';

const CATALOGS: Record<Locale, Partial<Messages>> = { es, en };

/** `es-AR` → `es`; anything unknown → Spanish. */
export function toLocale(value: string | null | undefined): Locale {
  const base = value?.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : DEFAULT_LOCALE;
}

/** Picks the first supported language of an `Accept-Language` header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim();
    if (tag && (LOCALES as readonly string[]).includes(tag.split('-')[0]!.toLowerCase()))
      return toLocale(tag);
  }
  return DEFAULT_LOCALE;
}

export type TranslateVars = Record<string, string | number | null | undefined>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

export function createTranslator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, vars) => {
    const template = catalog[key] ?? es[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}

/** True when the catalog has a message under this key (for keys built from API codes). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(es, key);
}

/**
 * The label of a code the API sends (`audit.action` + `update`), in the person's language;
 * the code itself when the catalog has none (a code newer than this portal).
 */
export function codeLabel(t: Translate, prefix: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key) : code;
}
