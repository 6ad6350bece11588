import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('gives sensible defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.NEXO_MODULES).toEqual(['tenancy', 'crm', 'catalog']);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.NEXO_SEED_DEMO).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' }).PORT).toBe(3000);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NEXO_MODULES: 'crm,warp' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('NEXO_MODULES');
  });

  it('accepts a subset of modules', () => {
    expect(loadConfig({ NEXO_MODULES: 'tenancy' }).NEXO_MODULES).toEqual(['tenancy']);
    expect(loadConfig({ NEXO_MODULES: 'all' }).NEXO_MODULES).toEqual(['tenancy', 'crm', 'catalog']);
  });
});
