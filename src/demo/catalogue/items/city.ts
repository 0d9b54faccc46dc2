/** 市容环境 and 工程建设: 招牌, 户外广告, 道路占用挖掘, 绿地, 树木, 建筑垃圾, 夜间施工, 排水, 门前三包, 停车场, 油烟. */
import type { Entry } from '../types.js';
import { SIGN_ITEMS } from './city/signs.js';
import { ROAD_ITEMS } from './city/roads.js';
import { GREENERY_ITEMS } from './city/greenery.js';
import { WASTE_ITEMS } from './city/waste.js';
import { SITE_ITEMS } from './city/sites.js';

export const CITY_ITEMS: Entry[] = [
  ...SIGN_ITEMS,
  ...ROAD_ITEMS,
  ...GREENERY_ITEMS,
  ...WASTE_ITEMS,
  ...SITE_ITEMS,
];
