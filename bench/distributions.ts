/**
 * Distributions of the synthetic city, fitted to the real 311 sample in /work/shared/data
 * (boston311-100.csv, 100 Boston requests of January 2022): the share of each reporting channel,
 * the hour of the day reports arrive, the frequency shape of request types (applied by rank to our
 * classes) and the empirical time from report to closure. Where the sample says nothing (urgency,
 * returns, reworks, extensions), the shares are typical values and say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CaseSource } from '../src/cases/service.js';

export interface CityDistributions {
  /** Where the fit came from. */
  source: string;
  /** Reporting channel → share (sums to 1). */
  channels: Array<[CaseSource, number]>;
  /** 24 shares of reports per local hour of day. */
  hours: number[];
  /** Request-type frequencies, largest first: weights applied by rank to the classes. */
  typeWeights: number[];
  /** Report-to-closure durations of the closed sample cases, in hours, ascending. */
  closureHours: number[];
  /** Share of sample cases still open. */
  openShare: number;
  /** Share of sample cases marked on time. */
  onTimeShare: number;
}

/** Boston channels in our vocabulary: the app is the public's, the call the hotline's. */
const CHANNEL: Record<string, CaseSource> = {
  'Citizens Connect App': 'public',
  'Constituent Call': 'hotline',
  'City Worker App': 'inspector',
  'Employee Generated': 'inspector',
  'Self Service': 'public',
  'Maximo Integration': 'sensor',
};

export const SAMPLE_PATH = process.env.SHUZHI_SAMPLE_311 ?? '/work/shared/data/boston311-100.csv';

interface SampleRow {
  open_dt: string;
  closed_dt: string;
  ontime: string;
  case_status: string;
  type: string;
  source: string;
}

/** The sample's open_dt is local Boston time without zone; only the hour and differences are used. */
function localHours(text: string): number {
  const match = /\s(\d{2}):/.exec(text);
  return match ? Number(match[1]) : 12;
}

export function fitDistributions(file = SAMPLE_PATH): CityDistributions {
  const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as SampleRow[];
  if (rows.length === 0) throw new Error(`${file} holds no rows`);
  const channelCounts = new Map<CaseSource, number>();
  for (const row of rows) {
    const channel = CHANNEL[row.source] ?? 'other';
    channelCounts.set(channel, (channelCounts.get(channel) ?? 0) + 1);
  }
  const channels = [...channelCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([channel, n]): [CaseSource, number] => [channel, n / rows.length]);
  // Add-one smoothing: 100 samples leave night hours empty, and a city never sleeps entirely.
  const hourCounts = Array<number>(24).fill(1);
  for (const row of rows) hourCounts[localHours(row.open_dt)]! += 1;
  const hourTotal = hourCounts.reduce((a, b) => a + b, 0);
  const typeCounts = new Map<string, number>();
  for (const row of rows) typeCounts.set(row.type, (typeCounts.get(row.type) ?? 0) + 1);
  const closureHours = rows
    .filter((r) => r.closed_dt.trim() !== '')
    .map((r) => (Date.parse(r.closed_dt.replace(' ', 'T')) - Date.parse(r.open_dt.replace(' ', 'T'))) / 3.6e6)
    .filter((h) => Number.isFinite(h) && h >= 0)
    .sort((a, b) => a - b);
  return {
    source: `${path.basename(file)} (${rows.length} requests)`,
    channels,
    hours: hourCounts.map((n) => n / hourTotal),
    typeWeights: [...typeCounts.values()].sort((a, b) => b - a),
    closureHours,
    openShare: rows.filter((r) => r.case_status !== 'Closed').length / rows.length,
    onTimeShare: rows.filter((r) => r.ontime === 'ONTIME').length / rows.length,
  };
}

/** Shares the sample cannot give: typical values of a grid-management center [I]. */
export const PATH_SHARES = {
  urgent: 0.05,
  /** Public and hotline reports checked on site before filing. */
  checkedIfPublic: 0.5,
  rejected: 0.04,
  cancelled: 0.01,
  /** Inspector reports fixed on the spot (自处理). */
  selfHandledIfInspector: 0.3,
  returned: 0.03,
  extended: 0.04,
  suspended: 0.01,
  reworked: 0.06,
} as const;
