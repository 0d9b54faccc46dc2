import type { ClassKind } from './entry.js';

/**
 * Hand-written part of the CJ/T 214-2007 → GB/T 47678.5-2026 crosswalk (对照表): items whose name
 * changed, and items with no equivalent whose note names the candidates. Everything else is matched
 * by identical name. Judgements marked [I] are ours, not the standard's; review them with a city's
 * data before migrating (docs/domain/classification.md, "Crosswalk").
 *
 * `oldName` and `newName` repeat the directory's names so a change in the data file is caught by the
 * builder instead of silently mapping to another item.
 */
export interface CrosswalkRename {
  kind: ClassKind;
  oldCode: string;
  oldName: string;
  /** null: no GB/T 47678.5 equivalent (match `none`). */
  newCode: string | null;
  newName: string | null;
  note: string;
}

const component = (
  oldCode: string,
  oldName: string,
  newCode: string | null,
  newName: string | null,
  note: string,
): CrosswalkRename => ({ kind: 'component', oldCode, oldName, newCode, newName, note });

const matter = (
  oldCode: string,
  oldName: string,
  newCode: string | null,
  newName: string | null,
  note: string,
): CrosswalkRename => ({ kind: 'matter', oldCode, oldName, newCode, newName, note });

const NO_EMERGENCY_CLASS = 'GB/T 47678.5 has no 突发事件 class';
const NO_CATCH_ALL = 'GB/T 47678.5 has no catch-all 其他 items; classify the case anew';

export const CROSSWALK_RENAMES: readonly CrosswalkRename[] = [
  component('0101', '上水井盖', '01001', '供水井盖', '上水 renamed 供水 (water supply)'),
  component('0107', '通讯井盖', '01007', '通信井盖', '通讯 renamed 通信'),
  component('0114', '无主井盖', '01023', '不明井盖', 'ownerless renamed owner unknown [I]'),
  component('0115', '通讯交接箱', '01027', '通信交接箱', '通讯 renamed 通信'),
  component(
    '0117',
    '立杆',
    null,
    null,
    'split by owner: 01030 电力立杆, 01031 通信立杆, 01032 公交立杆, 01033 特殊立杆, 01034 不明立杆 (or 01077 综合杆); choose per component',
  ),
  component('0126', '健身设施', '01046', '户外健身设施', 'qualified as outdoor'),
  component('0131', '民用水井', '01024', '水井', 'generalised from civil wells to all wells'),
  component('0136', '监控电子眼', '01050', '监控电子眼设施', 'widened to the installation'),
  component('0202', '停车咪表', '02003', '停车计费设备', 'parking meter generalised to any fee device'),
  component('0203', '公交站亭', '02004', '公交站设施', 'shelter generalised to stop facilities'),
  component('0204', '出租车站牌', '02005', '出租车停靠站', 'sign generalised to the stand'),
  component('0207', '高架立交桥', '02008', '立交桥', 'shortened'),
  component('0209', '交通标志牌', '02010', '交通标志牌及标线', 'road markings added'),
  component(
    '0306',
    '灯箱霓虹灯',
    '03006',
    '户外广告',
    'light boxes and neon signs fall under outdoor advertising [I]',
  ),
  component(
    '0307',
    '广告牌匾',
    null,
    null,
    'split between 03006 户外广告 and 03007 牌匾标识 [I]; choose per component',
  ),
  component('0407', '街头坐椅', '04007', '街头座椅', 'character variant 坐 → 座'),
  component(
    '0409',
    '绿地维护设施',
    '04009',
    '绿地附属设施',
    'maintenance facilities renamed ancillary facilities [I]',
  ),
  component('0502', '人防工事', null, null, 'no item; the transcription lacks 05001, which might be it [I]'),
  component('0601', '重大危险源', null, null, 'no item'),
  component(
    '0602',
    '工地',
    null,
    null,
    'no component; construction sites are handled by the 08 施工管理类 matters',
  ),

  matter('0108', '废弃家具设施', '06035', '废弃家具设备', '设施 renamed 设备'),
  matter('0109', '非装饰性树挂', '06019', '非装饰性吊挂', 'generalised from trees to any hanging'),
  matter('0111', '河堤破损', '06023', '堤岸破损', 'river embankment generalised to any bank'),
  matter('0112', '道路遗撒', '06014', '道路遗撒（洒）', 'variant character added to the name'),
  matter('0113', '建筑物外立面不洁', '06004', '建筑物外立面污损', 'dirty widened to dirty or damaged'),
  matter('0114', '水域秩序问题', '06024', '水域秩序乱象', 'reworded'),
  matter('0115', '焚烧树叶、垃圾', '06020', '焚烧垃圾、树叶', 'word order'),
  matter('0117', '动物尸体清理', '06037', '动物尸体', 'reworded'),
  matter('0118', '私自饲养家禽家畜', '06038', '擅自饲养家禽家畜', '私自 reworded 擅自'),
  matter('0199', '其他市容环境问题', null, null, NO_CATCH_ALL),
  matter('0202', '违章张贴悬挂广告牌匾', null, null, 'candidates 07003 违规户外广告, 07006 违规牌匾标识 [I]'),
  matter('0203', '占道广告牌', null, null, 'candidate 07003 违规户外广告 [I]'),
  matter(
    '0205',
    '广告招牌破损',
    null,
    null,
    'candidates 03006 户外广告异常, 03007 牌匾标识异常 (component matters) [I]',
  ),
  matter('0399', '其他施工管理问题', null, null, NO_CATCH_ALL),
  matter('0401', '路面塌陷', null, null, `${NO_EMERGENCY_CLASS}; candidate 06013 道路破损 [I]`),
  matter('0402', '自来水管破裂', null, null, NO_EMERGENCY_CLASS),
  matter(
    '0403',
    '燃气管道破裂',
    null,
    null,
    `${NO_EMERGENCY_CLASS}; candidate 01057 露天燃气管道异常 for exposed pipes [I]`,
  ),
  matter('0404', '下水道堵塞或破损', null, null, NO_EMERGENCY_CLASS),
  matter(
    '0405',
    '热力管道破裂',
    null,
    null,
    `${NO_EMERGENCY_CLASS}; candidate 01061 露天供热管道异常 for exposed pipes [I]`,
  ),
  matter('0406', '道路积水', null, null, NO_EMERGENCY_CLASS),
  matter('0407', '道路积雪结冰', '10001', '道路积雪、结冰', 'punctuation added'),
  matter('0408', '架空线缆损坏', '10002', '架空线缆脱落', 'the new item (fallen cables) is narrower [I]'),
  matter(
    '0409',
    '群发性事件',
    null,
    null,
    `${NO_EMERGENCY_CLASS}; mass incidents are outside city management`,
  ),
  matter('0499', '其他突发事件', null, null, NO_CATCH_ALL),
  matter('0503', '占道废品收购', '09004', '废品收购乱象', 'widened beyond road occupation'),
  matter(
    '0507',
    '乱堆物堆料',
    '06036',
    '乱堆杂物',
    'a 2013-era list codes 乱堆物堆料 as 01-36, i.e. 06036 [P]',
  ),
  matter('0508', '商业噪音', '06028', '噪声扰民', 'commercial noise widened to any noise nuisance'),
  matter('0509', '黑车拉客', null, null, 'no item'),
  matter('0599', '其他街面秩序问题', null, null, NO_CATCH_ALL),
];
