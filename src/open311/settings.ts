/**
 * Open311 abuse limits and options (SHUZHI_OPEN311_* in docs/configuration.md). The application
 * fills them from the configuration; tests lower them.
 */
export interface Open311Settings {
  /** POSTs (requests and updates) per minute per API key. */
  keyRateLimit: number;
  /** POSTs (requests and updates) per minute per client address. */
  addressRateLimit: number;
  /**
   * GETs per minute per client address, apart from the POST limits: a client loading its
   * categories reads services.xml and then every service definition back to back (FixMyStreet:
   * one per class, hundreds), and the catalogue also answers ETag and Cache-Control.
   */
  readRateLimit: number;
  /** The same report (or update) from the same key and device within this many minutes is answered with the original; 0 = off. */
  duplicateMinutes: number;
  /** Largest form or JSON body (bytes); multipart bodies are bounded by their parts. */
  bodyLimitBytes: number;
  /** Largest `media` file (bytes). */
  mediaMaxBytes: number;
  /** The jurisdiction_id this server answers to; null accepts any (a one-jurisdiction server, as the spec allows). */
  jurisdictionId: string | null;
}

export const DEFAULT_OPEN311_SETTINGS: Open311Settings = {
  keyRateLimit: 60,
  addressRateLimit: 120,
  readRateLimit: 1200,
  duplicateMinutes: 10,
  bodyLimitBytes: 65_536,
  mediaMaxBytes: 10 * 1_048_576,
  jurisdictionId: null,
};

/** The key of the demo instance (seeded by src/demo only in demo mode; listed in the README). */
export const DEMO_API_KEY = 'shuzhi-demo-open311';
