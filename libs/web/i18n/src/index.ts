export * from './messages';
export * from './translate';
export * from './format';
export * from './problem';
export { I18nProvider, useI18n } from './react';
