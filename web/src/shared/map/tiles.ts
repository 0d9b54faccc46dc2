/**
 * The base map is optional: many government intranets reach no tile server, and tests reach
 * none. The server tells which tiles to use (GET /api/v1/web-config, from SHUZHI_TILE_URL);
 * without one the map draws its vector layers on a plain background.
 */
export interface TileConfig {
  /** Leaflet URL template: {s} {z} {x} {y}; 天地图 needs its key (tk=…) in the URL. */
  url: string;
  /** Optional label overlay (天地图 cva_w annotation layer). */
  labelUrl: string | null;
  subdomains: string;
  attribution: string;
  maxZoom: number;
}

export interface WebConfig {
  tiles: TileConfig | null;
  timeZone: string;
  /** Map centre when nothing else is known: the district's centroid. */
  center: { lng: number; lat: number } | null;
  demo: boolean;
  version: string;
}

let pending: Promise<WebConfig> | null = null;

const FALLBACK: WebConfig = {
  tiles: null,
  timeZone: 'Asia/Shanghai',
  center: null,
  demo: false,
  version: '',
};

/** The server's web configuration, fetched once per page. */
export function loadWebConfig(): Promise<WebConfig> {
  pending ??= fetch('/api/v1/web-config', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  })
    .then((r) => (r.ok ? (r.json() as Promise<WebConfig>) : FALLBACK))
    .catch(() => FALLBACK);
  return pending;
}
