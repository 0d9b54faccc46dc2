/**
 * 区域层级 — the levels of the region hierarchy, coarse to fine: district (区县), street (街道),
 * community (社区), unit grid (单元网格). Pure vocabulary.
 */
export const REGION_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
