/** Reference lists the case screens choose from: active classes, streets and communities by name. */
import { api, type Page } from '../../../shared/api.js';
import { loadRegions } from '../../../shared/map/index.js';

export interface ClassRow {
  id: number;
  kind: 'component' | 'matter';
  code: string;
  name: string;
}

let classes: Promise<ClassRow[]> | null = null;
/** Active classes of the district (a few hundred; loaded once). */
export function activeClasses(): Promise<ClassRow[]> {
  classes ??= api
    .get<Page<ClassRow>>('/classifications', { active: true, limit: 1000 })
    .then((page) => page.items)
    .catch((e: unknown) => {
      classes = null;
      throw e;
    });
  return classes;
}

export interface PlaceOption {
  code: string;
  name: string;
  level: 'street' | 'community';
  parentCode: string | null;
}

/** Streets and their communities by name, for the region filter (regions are public geography). */
export async function streetsAndCommunities(): Promise<PlaceOption[]> {
  const [streets, communities] = await Promise.all([loadRegions('street'), loadRegions('community')]);
  const of = (level: PlaceOption['level']) => (f: (typeof streets.features)[number]) => ({
    code: String(f.properties.code),
    name: String(f.properties.name ?? f.properties.code),
    level,
    parentCode: typeof f.properties.parentCode === 'string' ? f.properties.parentCode : null,
  });
  return [...streets.features.map(of('street')), ...communities.features.map(of('community'))];
}

/** How a region select names its options: a street, and a community under its street. */
export interface PlaceLabels {
  street: (street: PlaceOption) => string;
  community: (community: PlaceOption, street: PlaceOption) => string;
}

/** A select's option groups: each street, first itself, then its communities. */
export function streetGroups(places: readonly PlaceOption[], labels: PlaceLabels) {
  return places
    .filter((p) => p.level === 'street')
    .map((street) => ({
      label: street.name,
      options: [
        { value: street.code, label: labels.street(street) },
        ...places
          .filter((c) => c.level === 'community' && c.parentCode === street.code)
          .map((c) => ({ value: c.code, label: labels.community(c, street) })),
      ],
    }));
}
