/** 开办企业 and 经营许可: 个体工商户登记, 食品经营许可, 仅销售预包装食品备案, 公共场所卫生许可, 举报奖励. */
import type { Entry } from '../types.js';
import {
  individualMain,
  individualSetup,
  individualChange,
  individualCancel,
} from './business/individual.js';
import {
  foodMain,
  foodNew,
  foodChange,
  foodRenewal,
  foodCancel,
  prepackaged,
  reportReward,
} from './business/food.js';
import { hygieneMain, hygieneNew, hygieneRenewal } from './business/hygiene.js';

export const BUSINESS_ITEMS: Entry[] = [
  individualMain,
  individualSetup,
  individualChange,
  individualCancel,
  foodMain,
  foodNew,
  foodChange,
  foodRenewal,
  foodCancel,
  prepackaged,
  hygieneMain,
  hygieneNew,
  hygieneRenewal,
  reportReward,
];
