/**
 * Where the key ring comes from: SHUZHI_DATA_KEYS (production, required with PostgreSQL), or on
 * the embedded database a key file made once in the data folder (mode 0600) — the folder already
 * holds the data, so a key beside it protects backups copied elsewhere without their folder no
 * worse than none; production keeps keys out of the database host's disk (docs/privacy.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config.js';
import { generateKeyEntry, KeyRingError, parseKeyRing, type KeyRing } from './crypto.js';

export function loadKeyRing(config: Pick<Config, 'dataKeys' | 'dataDir' | 'databaseUrl'>): KeyRing {
  let value = config.dataKeys;
  if (!value) {
    if (config.databaseUrl) throw new ConfigError('SHUZHI_DATA_KEYS', 'is required with DATABASE_URL');
    const file = path.join(config.dataDir, 'data-keys');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.writeFileSync(file, `${generateKeyEntry('k1')}\n`, { mode: 0o600 });
    }
    value = fs.readFileSync(file, 'utf8').trim();
  }
  try {
    return parseKeyRing(value);
  } catch (error) {
    if (error instanceof KeyRingError) throw new ConfigError('SHUZHI_DATA_KEYS', error.message);
    throw error;
  }
}
