/** 社会保障 and 社会救助: 医保参保, 社保卡, 就业失业登记, 灵活就业, 遗属待遇, 劳动仲裁, 低保, 临时救助, 残疾人证, 养老. */
import type { Entry } from '../types.js';
import { MEDICAL_ITEMS } from './welfare/medical.js';
import { CARD_ITEMS } from './welfare/card.js';
import { EMPLOYMENT_ITEMS } from './welfare/employment.js';
import { ASSISTANCE_ITEMS } from './welfare/assistance.js';
import { DISABILITY_ITEMS } from './welfare/disability.js';
import { ELDERLY_ITEMS } from './welfare/elderly.js';

export const WELFARE_ITEMS: Entry[] = [
  ...MEDICAL_ITEMS,
  ...CARD_ITEMS,
  ...EMPLOYMENT_ITEMS,
  ...ASSISTANCE_ITEMS,
  ...DISABILITY_ITEMS,
  ...ELDERLY_ITEMS,
];
