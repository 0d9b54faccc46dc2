import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      demo: true,
      timeZone: 'Asia/Shanghai',
      sessionHours: 12,
      reopenWindowDays: 30,
      duplicateRadiusM: 50,
      duplicateDays: 7,
      publicReportsPerHour: 30,
      publicUploadsPerHour: 60,
      citizenSignupsPerHour: 10,
      publicDuplicateMinutes: 10,
      pdfMaxBytes: 20 * 1_048_576,
      outboundDriver: 'log',
    });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db/shuzhi',
      SHUZHI_DATA_KEYS: 'k1:AAAA',
      SHUZHI_DATA_DIR: '/var/lib/shuzhi',
      SHUZHI_DEMO: 'off',
      SHUZHI_TIMEZONE: 'Asia/Urumqi',
      SHUZHI_ADMIN_PASSWORD: 'a-long-password',
      LOG_LEVEL: 'debug',
      SHUZHI_TRUST_PROXY: 'yes',
      SHUZHI_SESSION_HOURS: '8',
      SHUZHI_REOPEN_WINDOW_DAYS: '0',
      SHUZHI_DUPLICATE_RADIUS_M: '100',
      SHUZHI_DUPLICATE_DAYS: '3',
      SHUZHI_PUBLIC_REPORTS_PER_HOUR: '5',
      SHUZHI_PUBLIC_UPLOADS_PER_HOUR: '6',
      SHUZHI_CITIZEN_SIGNUPS_PER_HOUR: '7',
      SHUZHI_PUBLIC_DUPLICATE_MINUTES: '0',
      SHUZHI_PDF_MAX_MB: '50',
      SHUZHI_OUTBOUND_DRIVER: 'log',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db/shuzhi',
      dataDir: '/var/lib/shuzhi',
      demo: false,
      timeZone: 'Asia/Urumqi',
      adminPassword: 'a-long-password',
      logLevel: 'debug',
      trustProxy: true,
      sessionHours: 8,
      reopenWindowDays: 0,
      duplicateRadiusM: 100,
      duplicateDays: 3,
      publicReportsPerHour: 5,
      publicUploadsPerHour: 6,
      citizenSignupsPerHour: 7,
      publicDuplicateMinutes: 0,
      pdfMaxBytes: 50 * 1_048_576,
      outboundDriver: 'log',
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT: must be an integer from 0 to 65535/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: must be a postgres/],
    ['SHUZHI_TIMEZONE', 'Mars/Olympus', /unknown time zone/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: must be one of/],
    ['SHUZHI_DEMO', 'maybe', /SHUZHI_DEMO: must be 1\/0/],
    ['SHUZHI_ADMIN_PASSWORD', 'short', /at least 12 characters/],
    ['SHUZHI_SESSION_HOURS', '0', /SHUZHI_SESSION_HOURS/],
    ['SHUZHI_DUPLICATE_RADIUS_M', '-5', /SHUZHI_DUPLICATE_RADIUS_M/],
    ['SHUZHI_PUBLIC_REPORTS_PER_HOUR', '0', /SHUZHI_PUBLIC_REPORTS_PER_HOUR/],
    ['SHUZHI_PUBLIC_DUPLICATE_MINUTES', 'ten', /SHUZHI_PUBLIC_DUPLICATE_MINUTES/],
    ['SHUZHI_PDF_MAX_MB', '0', /SHUZHI_PDF_MAX_MB: must be an integer from 1 to 200/],
    ['SHUZHI_OUTBOUND_DRIVER', 'smtp', /SHUZHI_OUTBOUND_DRIVER: must be one of log/],
  ])('stops on %s=%s with a message naming it', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });

  it('requires SHUZHI_DATA_KEYS in production on PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/shuzhi' })).toThrow(
      /SHUZHI_DATA_KEYS: is required with DATABASE_URL/,
    );
  });

  it('reads the Open311 limits, with defaults, and refuses bad ones', () => {
    expect(loadConfig({}).open311).toEqual({
      keyRateLimit: 60,
      addressRateLimit: 120,
      readRateLimit: 1200,
      duplicateMinutes: 10,
      bodyLimitBytes: 65_536,
      mediaMaxBytes: 10 * 1_048_576,
      jurisdictionId: null,
    });
    const config = loadConfig({
      SHUZHI_OPEN311_KEY_RATE_LIMIT: '30',
      SHUZHI_OPEN311_ADDRESS_RATE_LIMIT: '240',
      SHUZHI_OPEN311_READ_RATE_LIMIT: '5000',
      SHUZHI_OPEN311_DUPLICATE_MINUTES: '0',
      SHUZHI_OPEN311_BODY_LIMIT_KB: '16',
      SHUZHI_OPEN311_MEDIA_MAX_MB: '5',
      SHUZHI_OPEN311_JURISDICTION: 'dongcheng.beijing',
    });
    expect(config.open311).toEqual({
      keyRateLimit: 30,
      addressRateLimit: 240,
      readRateLimit: 5000,
      duplicateMinutes: 0,
      bodyLimitBytes: 16 * 1024,
      mediaMaxBytes: 5 * 1_048_576,
      jurisdictionId: 'dongcheng.beijing',
    });
    for (const [variable, value, message] of [
      ['SHUZHI_OPEN311_KEY_RATE_LIMIT', '0', /SHUZHI_OPEN311_KEY_RATE_LIMIT/],
      ['SHUZHI_OPEN311_MEDIA_MAX_MB', '21', /SHUZHI_OPEN311_MEDIA_MAX_MB: must be an integer from 1 to 20/],
      ['SHUZHI_OPEN311_BODY_LIMIT_KB', 'big', /SHUZHI_OPEN311_BODY_LIMIT_KB/],
      ['SHUZHI_OPEN311_JURISDICTION', 'two words', /SHUZHI_OPEN311_JURISDICTION: must be 1–100/],
    ] as const) {
      expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [variable]: value })).toThrow(message);
    }
  });
});
