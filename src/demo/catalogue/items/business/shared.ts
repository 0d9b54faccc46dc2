/** What the business items share: the market hall, the shop's fields (also 开办餐饮店 and city items), their own form fields. */
import { choice, decimal, longText, text, type FieldDef } from '../../fields.js';

export const MARKET_HALL = '东城区政务服务中心一层市场准入准营服务专区；北京市企业服务e窗通平台（全程网办）';

/** Fields the 开办餐饮店一件事 children share. */
export const SHOP: [string, string[]] = [
  '经营主体',
  ['entity_name', 'business_address', 'legal_representative', 'applicant_id_number', 'contact_phone'],
];
export const SHOP_REQUIRED = [
  'entity_name',
  'business_address',
  'legal_representative',
  'applicant_id_number',
  'contact_phone',
];

export const own: Record<string, FieldDef> = {
  business_scope: longText('经营范围', 500, {
    help: '按《经营范围规范表述目录》选择规范表述',
  }),
  capital: decimal('资金数额（万元）', 0, 100000),
  employees: {
    schema: { type: 'integer', title: '从业人数', minimum: 0, maximum: 10000 },
    hint: { widget: 'number' },
  },
  premises_area: decimal('经营场所面积（平方米）', 1, 100000),
  food_business_type: choice(
    '食品经营项目',
    ['热食类食品制售', '冷食类食品制售', '生食类食品制售', '半成品制售', '自制饮品制售', '散装食品销售'],
    'select',
  ),
  main_format: choice('主体业态', ['餐饮服务经营者', '单位食堂', '食品销售经营者'], 'select'),
  change_items: longText('变更事项及变更前后内容', 1000),
  cancellation_reason: choice('注销原因', ['歇业', '经营期限届满', '主体资格终止', '其他'], 'select'),
  license_number: text('食品经营许可证编号', 20),
};
