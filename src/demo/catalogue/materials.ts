/**
 * 申请材料 the items share. A material the government already holds is marked `certificate`
 * (由电子证照获取) or `sharing` (由共享获取) — 国务院令第716号 第七条、第十一条 — so the applicant is
 * not asked to upload it; the source references name the (illustrative) licence type or shared resource.
 */
import type { Material, MaterialForm, MaterialSource } from './types.js';

export interface MaterialOptions {
  form?: MaterialForm;
  copies?: number;
  condition?: string;
  source?: MaterialSource;
  sourceReference?: string;
  notes?: string;
}

/** A material: required unless a condition is given (then required only when it holds). */
export function material(key: string, name: string, options: MaterialOptions = {}): Material {
  return {
    key,
    name,
    form: options.form ?? 'original',
    copies: options.copies ?? 1,
    required: options.condition === undefined,
    condition: options.condition ?? null,
    source: options.source ?? 'applicant',
    sourceReference: options.sourceReference ?? null,
    notes: options.notes ?? '',
  };
}

export const idCard = (
  notes = '窗口核验原件，不留存复印件；已签发电子证照的通过电子证照库调取，无需提交。',
): Material =>
  material('id_card', '申请人居民身份证', {
    source: 'certificate',
    sourceReference: '居民身份证电子证照',
    notes,
  });

export const householdRegister = (
  notes = '由公安人口库共享获取；共享数据缺失的，提供户口簿原件核验。',
): Material =>
  material('household_register', '居民户口簿', {
    source: 'sharing',
    sourceReference: '公安人口基础信息（共享）',
    notes,
  });

export const photo = (notes: string): Material =>
  material('photo', '本人近期免冠证件照片', { form: 'electronic', notes });

/** 委托他人代办的: the power of attorney and the agent's identity card. */
export const proxy = (who = '申请人'): Material[] => [
  material('power_of_attorney', '授权委托书', {
    condition: '委托他人代办的',
    notes: `由${who}签字（单位加盖公章），写明委托事项、权限和期限。`,
  }),
  material('agent_id_card', '代办人居民身份证', {
    condition: '委托他人代办的',
    source: 'certificate',
    sourceReference: '居民身份证电子证照',
    notes: '核验原件。',
  }),
];

export const businessLicense = (): Material =>
  material('business_license', '营业执照', {
    source: 'certificate',
    sourceReference: '营业执照电子证照',
    notes: '由电子营业执照系统调取，无需提交。',
  });

export const legalRepresentativeId = (): Material =>
  material('legal_representative_id', '法定代表人（负责人）身份证件', {
    source: 'certificate',
    sourceReference: '居民身份证电子证照',
    notes: '本人到场的核验原件；非本人到场的通过电子证照库核验。',
  });

export const applicationForm = (
  name: string,
  notes = '通过网上申请的由系统生成，无需另行提交；窗口申请的现场填写并签字。',
): Material => material('application_form', name, { notes });

export const bankAccount = (): Material =>
  material('bank_account', '本人社会保障卡或本人银行结算账户信息', {
    form: 'copy',
    notes: '用于发放待遇；社会保障卡已开通金融功能的无需另行提供。',
  });

export const siteLayout = (notes: string): Material =>
  material('site_plan', '设置位置示意图及现场照片', { form: 'electronic', notes });
