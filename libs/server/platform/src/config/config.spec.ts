import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('gives sensible defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.NEXO_MODULES).toEqual(['tenancy', 'crm', 'catalog', 'inventory', 'accounts']);
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
    expect(loadConfig({ NEXO_MODULES: 'all' }).NEXO_MODULES).toEqual([
      'tenancy',
      'crm',
      'catalog',
      'inventory',
      'accounts',
    ]);
  });

  it('reads the trusted proxies as a list and refuses what is no address', () => {
    expect(loadConfig({}).NEXO_TRUSTED_PROXIES).toBeUndefined();
    expect(
      loadConfig({ NEXO_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,::1,192.0.2.7' })
        .NEXO_TRUSTED_PROXIES,
    ).toEqual(['loopback', '10.0.0.0/8', '::1', '192.0.2.7']);
    for (const bad of ['*', 'proxy.example', '10.0.0.0/33', 'true'])
      expect(() => loadConfig({ NEXO_TRUSTED_PROXIES: bad })).toThrow(/NEXO_TRUSTED_PROXIES/);
  });

  it('keeps delivered events a week, consumer records two, job runs a month, by default', () => {
    const config = loadConfig({});
    expect(config.NEXO_OUTBOX_RETENTION_DAYS).toBe(7);
    expect(config.NEXO_CONSUMED_EVENTS_RETENTION_DAYS).toBe(14);
    expect(config.NEXO_JOB_RUNS_RETENTION_DAYS).toBe(30);
    expect(config.NEXO_OIDC_ALLOW_PRIVATE_ISSUERS).toBe(false);
    expect(loadConfig({ NEXO_OUTBOX_RETENTION_DAYS: '2' }).NEXO_OUTBOX_RETENTION_DAYS).toBe(2);
    // Consumer records must outlive JetStream's 7-day stream, or a replay applies events twice.
    for (const [name, bad] of [
      ['NEXO_OUTBOX_RETENTION_DAYS', '0'],
      ['NEXO_JOB_RUNS_RETENTION_DAYS', '1.5'],
      ['NEXO_CONSUMED_EVENTS_RETENTION_DAYS', '7'],
      ['NEXO_OIDC_ALLOW_PRIVATE_ISSUERS', 'maybe'],
    ] as const)
      expect(() => loadConfig({ [name]: bad })).toThrow(name);
  });
});
