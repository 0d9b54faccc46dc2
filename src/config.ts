/**
 * Configuration is read and validated once at start into a typed object; a bad setting stops
 * the process with a message naming it (docs/configuration.md lists every variable).
 */
import path from 'node:path';

/** SMS / e-mail drivers built in (src/notifications/outbound.ts). */
export const OUTBOUND_DRIVERS = ['log'] as const;
export type OutboundDriver = (typeof OUTBOUND_DRIVERS)[number];

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and its lock file. */
  dataDir: string;
  /** Load the demo district, demo accounts and demo data on an empty database. */
  demo: boolean;
  /** Business time zone of working-time deadlines and day boundaries. */
  timeZone: string;
  /** Initial admin password for a non-demo instance (otherwise a one-time password is printed). */
  adminPassword: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Trust X-Forwarded-* from a reverse proxy (needed for client addresses behind a load balancer). */
  trustProxy: boolean;
  /** Session lifetime in hours. */
  sessionHours: number;
  /**
   * Keys for personal data at rest (SHUZHI_DATA_KEYS, "id:base64,…", first = active). Unset on the
   * embedded database: a key file is made once in the data folder. Required with DATABASE_URL.
   */
  dataKeys: string | undefined;
  /** How long after closure a case may be reopened (natural days). */
  reopenWindowDays: number;
  /** Probable duplicates: open cases of the same class within this distance (m) and age (days). */
  duplicateRadiusM: number;
  duplicateDays: number;
  /** Base-map tiles of the web app's maps; null draws vector layers on a plain background. */
  tiles: TileConfig | null;
  /** Citizen channel limits per client address (src/public/settings.ts). */
  publicReportsPerHour: number;
  publicUploadsPerHour: number;
  citizenSignupsPerHour: number;
  /** Same device, category and text within this many minutes answers with the first report. */
  publicDuplicateMinutes: number;
  /** Open311 abuse limits (docs/api/open311.md, "Limits"). */
  open311: {
    keyRateLimit: number;
    addressRateLimit: number;
    readRateLimit: number;
    duplicateMinutes: number;
    bodyLimitBytes: number;
    mediaMaxBytes: number;
    jurisdictionId: string | null;
  };
  /** Largest accepted PDF of application materials and catalogue forms (SHUZHI_PDF_MAX_MB). */
  pdfMaxBytes: number;
  /** The SMS / e-mail driver (SHUZHI_OUTBOUND_DRIVER); `log` records and logs without sending. */
  outboundDriver: OutboundDriver;
}

/** A Leaflet tile URL template ({s} {z} {x} {y}); 天地图 carries its key as tk=… in the URL. */
export interface TileConfig {
  url: string;
  labelUrl: string | null;
  subdomains: string;
  attribution: string;
  maxZoom: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parseIntVar(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parseBoolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be 1/0, true/false, yes/no or on/off, got "${raw}"`);
}

function parseJurisdiction(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SHUZHI_OPEN311_JURISDICTION;
  if (raw === undefined || raw === '') return null;
  if (!/^[\w.-]{1,100}$/.test(raw))
    throw new ConfigError('SHUZHI_OPEN311_JURISDICTION', 'must be 1–100 letters, digits, ".", "_" or "-"');
  return raw;
}

function parseOutboundDriver(env: NodeJS.ProcessEnv): OutboundDriver {
  const raw = env.SHUZHI_OUTBOUND_DRIVER || 'log';
  if (!(OUTBOUND_DRIVERS as readonly string[]).includes(raw))
    throw new ConfigError(
      'SHUZHI_OUTBOUND_DRIVER',
      `must be one of ${OUTBOUND_DRIVERS.join(', ')} (no SMS gateway or SMTP driver is built in yet), got "${raw}"`,
    );
  return raw as OutboundDriver;
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function parseTileUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (!/^https?:\/\//.test(raw) || !['{z}', '{x}', '{y}'].every((p) => raw.includes(p))) {
    throw new ConfigError(name, `must be an http(s) URL template with {z}, {x} and {y}, got "${raw}"`);
  }
  return raw;
}

function loadTiles(env: NodeJS.ProcessEnv): TileConfig | null {
  const url = parseTileUrl(env, 'SHUZHI_TILE_URL');
  const labelUrl = parseTileUrl(env, 'SHUZHI_TILE_LABEL_URL');
  if (!url) {
    if (labelUrl) throw new ConfigError('SHUZHI_TILE_LABEL_URL', 'needs SHUZHI_TILE_URL as well');
    return null;
  }
  return {
    url,
    labelUrl,
    subdomains: env.SHUZHI_TILE_SUBDOMAINS || 'abc',
    attribution: env.SHUZHI_TILE_ATTRIBUTION || '',
    maxZoom: parseIntVar(env, 'SHUZHI_TILE_MAX_ZOOM', 18, 1, 22),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// connection string');
  }
  const timeZone = env.SHUZHI_TIMEZONE || 'Asia/Shanghai';
  if (!isValidTimeZone(timeZone)) throw new ConfigError('SHUZHI_TIMEZONE', `unknown time zone "${timeZone}"`);
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const adminPassword = env.SHUZHI_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('SHUZHI_ADMIN_PASSWORD', 'must be at least 12 characters');
  }
  if (databaseUrl !== undefined && !env.SHUZHI_DATA_KEYS) {
    throw new ConfigError(
      'SHUZHI_DATA_KEYS',
      'is required with DATABASE_URL: personal data is encrypted at rest (see docs/privacy.md; `npm run shuzhi -- keys new`)',
    );
  }
  return {
    port: parseIntVar(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.SHUZHI_DATA_DIR || './data'),
    demo: parseBoolVar(env, 'SHUZHI_DEMO', true),
    timeZone,
    adminPassword,
    logLevel,
    trustProxy: parseBoolVar(env, 'SHUZHI_TRUST_PROXY', false),
    sessionHours: parseIntVar(env, 'SHUZHI_SESSION_HOURS', 12, 1, 24 * 30),
    dataKeys: env.SHUZHI_DATA_KEYS || undefined,
    reopenWindowDays: parseIntVar(env, 'SHUZHI_REOPEN_WINDOW_DAYS', 30, 0, 3650),
    duplicateRadiusM: parseIntVar(env, 'SHUZHI_DUPLICATE_RADIUS_M', 50, 1, 5000),
    duplicateDays: parseIntVar(env, 'SHUZHI_DUPLICATE_DAYS', 7, 1, 365),
    tiles: loadTiles(env),
    publicReportsPerHour: parseIntVar(env, 'SHUZHI_PUBLIC_REPORTS_PER_HOUR', 30, 1, 100_000),
    publicUploadsPerHour: parseIntVar(env, 'SHUZHI_PUBLIC_UPLOADS_PER_HOUR', 60, 1, 100_000),
    citizenSignupsPerHour: parseIntVar(env, 'SHUZHI_CITIZEN_SIGNUPS_PER_HOUR', 10, 1, 100_000),
    publicDuplicateMinutes: parseIntVar(env, 'SHUZHI_PUBLIC_DUPLICATE_MINUTES', 10, 0, 1440),
    open311: {
      keyRateLimit: parseIntVar(env, 'SHUZHI_OPEN311_KEY_RATE_LIMIT', 60, 1, 100_000),
      addressRateLimit: parseIntVar(env, 'SHUZHI_OPEN311_ADDRESS_RATE_LIMIT', 120, 1, 100_000),
      readRateLimit: parseIntVar(env, 'SHUZHI_OPEN311_READ_RATE_LIMIT', 1200, 1, 1_000_000),
      duplicateMinutes: parseIntVar(env, 'SHUZHI_OPEN311_DUPLICATE_MINUTES', 10, 0, 1440),
      bodyLimitBytes: parseIntVar(env, 'SHUZHI_OPEN311_BODY_LIMIT_KB', 64, 4, 1024) * 1024,
      mediaMaxBytes: parseIntVar(env, 'SHUZHI_OPEN311_MEDIA_MAX_MB', 10, 1, 20) * 1_048_576,
      jurisdictionId: parseJurisdiction(env),
    },
    pdfMaxBytes: parseIntVar(env, 'SHUZHI_PDF_MAX_MB', 20, 1, 200) * 1_048_576,
    outboundDriver: parseOutboundDriver(env),
  };
}
