import { loadSettings, SettingsError } from './env.js';

describe('loadSettings', () => {
  it('applies the defaults', () => {
    const s = loadSettings({});
    expect(s).toMatchObject({
      PORT: 3000,
      DATA_DIR: './.sanctrace',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    });
    expect(s.DATABASE_URL).toBeUndefined();
  });

  it('reads and converts values', () => {
    const s = loadSettings({
      PORT: '8080',
      DATABASE_URL: 'postgresql://u@h:5432/db',
      LOG_LEVEL: 'debug',
    });
    expect(s.PORT).toBe(8080);
    expect(s.DATABASE_URL).toBe('postgresql://u@h:5432/db');
  });

  it('treats an empty value as unset', () => {
    expect(loadSettings({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('names every wrong value', () => {
    let error: unknown;
    try {
      loadSettings({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const message = (error as SettingsError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('DATABASE_URL');
    expect((error as SettingsError).problems).toHaveLength(3);
  });

  it('turns introspection off in production unless enabled', () => {
    expect(loadSettings({}).introspection).toBe(true);
    expect(loadSettings({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(
      loadSettings({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection,
    ).toBe(true);
    expect(() => loadSettings({ GRAPHQL_INTROSPECTION: 'yes' })).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  it('rejects a rate limit below one', () => {
    expect(() => loadSettings({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(loadSettings({ RATE_LIMIT_PER_MINUTE: '5' }).RATE_LIMIT_PER_MINUTE).toBe(5);
  });

  it('rejects an unknown NODE_ENV', () => {
    expect(() => loadSettings({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV must be one of/);
  });

  it('reads the privileged connection beside DATABASE_URL, and only with it', () => {
    const s = loadSettings({
      DATABASE_URL: 'postgresql://sanctrace_app@h:5432/db',
      DATABASE_ADMIN_URL: 'postgresql://sanctrace_owner@h:5432/db',
    });
    expect(s.DATABASE_ADMIN_URL).toBe('postgresql://sanctrace_owner@h:5432/db');
    expect(loadSettings({}).DATABASE_ADMIN_URL).toBeUndefined();
    expect(() =>
      loadSettings({ DATABASE_URL: 'postgresql://u@h/db', DATABASE_ADMIN_URL: 'mysql://x' }),
    ).toThrow(/DATABASE_ADMIN_URL must be a postgres/);
    expect(() => loadSettings({ DATABASE_ADMIN_URL: 'postgresql://u@h/db' })).toThrow(
      /DATABASE_ADMIN_URL is set without DATABASE_URL/,
    );
  });
});
