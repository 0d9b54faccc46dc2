/**
 * Approximate centres of Dongcheng's 17 streets (街道), the sites of the synthetic street
 * Voronoi partition. They are general-knowledge positions read off web maps, placed so that
 * well-known places fall in the right street (王府井 and the east of the Palace Museum in
 * 东华门, 天坛 in 天坛, 雍和宫 in 北新桥/安定门). They are **GCJ-02** values, like every
 * Chinese web map (e.g. 王府井 ≈ 116.411, 39.914 there, ≈ 116.405, 39.913 in WGS 84), and are
 * converted to WGS 84 before use.
 */
import type { Position } from 'geojson';

export interface StreetSeed {
  code: string;
  /** The street's name without 街道, checked against the statistical name. */
  name: string;
  gcj02: Position;
}

export const DONGCHENG_STREET_SEEDS: readonly StreetSeed[] = [
  { code: '110101001', name: '东华门', gcj02: [116.403, 39.915] },
  { code: '110101002', name: '景山', gcj02: [116.4, 39.928] },
  { code: '110101003', name: '交道口', gcj02: [116.405, 39.94] },
  { code: '110101004', name: '安定门', gcj02: [116.407, 39.948] },
  { code: '110101005', name: '北新桥', gcj02: [116.42, 39.945] },
  { code: '110101006', name: '东四', gcj02: [116.42, 39.93] },
  { code: '110101007', name: '朝阳门', gcj02: [116.428, 39.923] },
  { code: '110101008', name: '建国门', gcj02: [116.43, 39.908] },
  { code: '110101009', name: '东直门', gcj02: [116.432, 39.94] },
  { code: '110101010', name: '和平里', gcj02: [116.415, 39.96] },
  { code: '110101011', name: '前门', gcj02: [116.4, 39.895] },
  { code: '110101012', name: '崇文门外', gcj02: [116.42, 39.895] },
  { code: '110101013', name: '东花市', gcj02: [116.435, 39.893] },
  { code: '110101014', name: '龙潭', gcj02: [116.44, 39.88] },
  { code: '110101015', name: '体育馆路', gcj02: [116.425, 39.88] },
  { code: '110101016', name: '天坛', gcj02: [116.41, 39.88] },
  { code: '110101017', name: '永定门外', gcj02: [116.405, 39.862] },
];
