/** Chinese names of the catalogue's words, for lists, facets, exports and docs. */
import type { Channel, ItemKind, ItemLevel, ItemSituation, SubjectKind, VersionState } from './model.js';

export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, string>> = {
  licensing: '行政许可',
  confirmation: '行政确认',
  adjudication: '行政裁决',
  benefit: '行政给付',
  reward: '行政奖励',
  filing: '行政备案',
  other_power: '其他行政权力',
  public_service: '公共服务',
};

export const ITEM_LEVEL_LABELS: Readonly<Record<ItemLevel, string>> = {
  main: '主项',
  sub: '子项',
  handling: '办理项',
};

export const SITUATION_LABELS: Readonly<Record<ItemSituation, string>> = {
  new: '新设',
  change: '变更',
  renewal: '延续',
  cancellation: '注销',
  other: '其他',
};

export const SUBJECT_LABELS: Readonly<Record<SubjectKind, string>> = {
  person: '自然人',
  legal_person: '法人',
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  online: '网上办理',
  hall: '大厅办理',
  self_service: '自助终端',
  hotline: '12345热线',
  post: '邮寄办理',
};

export const VERSION_STATE_LABELS: Readonly<Record<VersionState, string>> = {
  draft: '草稿',
  published: '已发布',
  retired: '已废止',
};

/** 人生事件 / 企业生命周期 themes; a slug outside this list is shown as itself. */
export const LIFE_EVENT_LABELS: Readonly<Record<string, string>> = {
  birth: '生育',
  schooling: '上学',
  employment: '就业',
  housing: '住房',
  marriage: '婚姻',
  social_security: '社保',
  medical: '医疗',
  assistance: '社会救助',
  disability: '残疾人',
  elderly: '养老',
  death: '身后事',
  residence: '户籍居住',
  business_start: '开办企业',
  business_operation: '经营许可',
  construction: '工程建设',
  city_appearance: '市容环境',
  business_closure: '企业注销',
};

export function lifeEventLabel(slug: string): string {
  return LIFE_EVENT_LABELS[slug] ?? slug;
}
