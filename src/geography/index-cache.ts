/**
 * The in-memory locate index (定位): point → unit grid → community → street → district, on every
 * report's hot path. PostGIS stays the source of truth; this process rebuilds its index when the
 * geography revision changes (checked at most every `checkIntervalMs`, and at once after a change
 * made through this process).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RegionLevel } from './levels.js';
import { createGridLocator, type GridLocator } from './locator.js';
import { geographyRevision, loadAllGrids, loadRegionNames, type GridRecord } from './repo.js';

export interface RegionRef {
  code: string;
  name: string;
}

export interface Location {
  grid: RegionRef;
  community: RegionRef;
  street: RegionRef;
  district: RegionRef;
}

type Locator = GridLocator<GridRecord>;

interface Snapshot {
  revision: number;
  locator: Locator;
  names: Map<string, { name: string; shortName: string | null; level: RegionLevel }>;
}

export class GeographyIndex {
  private snapshot: Snapshot | null = null;
  private building: Promise<Snapshot> | null = null;
  private lastCheck = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly checkIntervalMs = 2_000,
  ) {}

  /** Forces a revision check on the next use (after an import or generation in this process). */
  invalidate(): void {
    this.lastCheck = 0;
  }

  get gridCount(): number {
    return this.snapshot?.locator.size ?? 0;
  }

  private async build(revision: number, via: Kysely<DB>): Promise<Snapshot> {
    const [grids, names] = await Promise.all([loadAllGrids(via), loadRegionNames(via)]);
    return { revision, locator: createGridLocator(grids), names };
  }

  /**
   * The current snapshot, rebuilt if the revision changed. Inside a transaction pass it as `via`:
   * on the embedded database the outer handle would wait for that transaction to end.
   */
  async fresh(via: Kysely<DB> = this.db): Promise<Snapshot> {
    const now = Date.now();
    if (this.snapshot && now - this.lastCheck < this.checkIntervalMs) return this.snapshot;
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        const revision = await geographyRevision(via);
        this.lastCheck = Date.now();
        if (!this.snapshot || this.snapshot.revision !== revision)
          this.snapshot = await this.build(revision, via);
        return this.snapshot;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  /** Locates a WGS 84 point; null outside every unit grid. */
  async locate(lng: number, lat: number, via?: Kysely<DB>): Promise<Location | null> {
    const snapshot = await this.fresh(via);
    return locateIn(snapshot, lng, lat);
  }

  /** Synchronous locate on the current snapshot (for bulk work after `fresh()`). */
  locateNow(lng: number, lat: number): Location | null {
    return this.snapshot ? locateIn(this.snapshot, lng, lat) : null;
  }
}

function locateIn(snapshot: Snapshot, lng: number, lat: number): Location | null {
  const grid = snapshot.locator.locate(lng, lat);
  if (!grid) return null;
  const communityCode = grid.code.slice(0, 12);
  const streetCode = grid.code.slice(0, 9);
  const districtCode = grid.code.slice(0, 6);
  const ref = (code: string): RegionRef => ({ code, name: snapshot.names.get(code)?.name ?? code });
  return {
    grid: { code: grid.code, name: grid.name },
    community: ref(communityCode),
    street: ref(streetCode),
    district: ref(districtCode),
  };
}
