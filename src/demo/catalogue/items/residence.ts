/** 户籍居住 and 出生: 居住证, 户口登记, 生育登记, 出生医学证明, 预防接种证, 结婚登记, 义务教育入学. */
import type { Entry } from '../types.js';
import { permitMain, permitApply, permitEndorse, replacement } from './residence/permits.js';
import { hukouMain, birthRegistration, deathCancellation } from './residence/household.js';
import { birthPlanning, birthCertificate, vaccinationCertificate } from './residence/birth.js';
import { marriage, schoolEntry } from './residence/family.js';

export const RESIDENCE_ITEMS: Entry[] = [
  permitMain,
  permitApply,
  permitEndorse,
  replacement(3, '居住证换领', '居住证损坏难以辨认'),
  replacement(4, '居住证补领', '居住证丢失'),
  hukouMain,
  birthRegistration,
  deathCancellation,
  birthPlanning,
  birthCertificate,
  vaccinationCertificate,
  marriage,
  schoolEntry,
];
