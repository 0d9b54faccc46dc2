/** 残疾人证: 新办, 换领, 迁移, 补办, 注销. */
import { basicCode, item, step } from '../../common.js';
import { APPLICANT, DELIVERY, NO_FORM, choice, form, text, type FieldDef } from '../../fields.js';
import { LAW } from '../../laws.js';
import { householdRegister, idCard, material, photo, proxy } from '../../materials.js';
import type { Entry, Material } from '../../types.js';

const DISABILITY = basicCode('public_service', 52);
const disabilityPlace =
  '东城区残疾人联合会服务大厅（东城区政务服务中心二层社会事务综合窗口代收）；户籍所在地街道残联';
const disabilityFaq = [
  { question: '残疾评定在哪里做？', answer: '到区残联指定的评残医院进行残疾评定，评定费用按规定减免。' },
  { question: '残疾人证有效期多久？', answer: '第二代残疾人证有效期一般为10年，到期前换领。' },
];
const disabilityForm = (extraNames: string[] = [], extra: Record<string, FieldDef> = {}) =>
  form(
    [APPLICANT, ['残疾信息', ['household_address', 'disability_category', ...extraNames]], DELIVERY],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'household_address',
      'disability_category',
      'result_delivery',
    ],
    {
      disability_category: choice('残疾类别', [
        '视力残疾',
        '听力残疾',
        '言语残疾',
        '肢体残疾',
        '智力残疾',
        '精神残疾',
        '多重残疾',
      ]),
      ...extra,
    },
  );

const disabilityMain = item({
  code: DISABILITY,
  name: '残疾人证办理',
  kind: 'public_service',
  dept: 'cl',
  lifeEvents: ['disability'],
  subjects: ['person'],
  conditions:
    '本市户籍，符合国家残疾标准的视力、听力、言语、肢体、智力、精神及多重残疾人，见各办理项：新办、换领、迁移、补办、注销。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 30,
  promisedDays: 20,
  place: disabilityPlace,
  channels: ['online', 'hall'],
  deliveryMethods: ['pickup', 'post'],
  onlineDepth: 3,
  faq: disabilityFaq,
  legalBases: [LAW.disabilityDefinition, LAW.disabledPersonsFederation],
  resultName: '《中华人民共和国残疾人证》',
  form: NO_FORM,
});

const disability = (
  sub: number,
  situation: 'new' | 'renewal' | 'change' | 'other' | 'cancellation',
  name: string,
  conditions: string,
  extra: Material[],
  assessed: boolean,
  promised: number,
): Entry =>
  item({
    code: basicCode('public_service', 52, sub),
    parent: DISABILITY,
    situation,
    name,
    kind: 'public_service',
    dept: 'cl',
    lifeEvents: ['disability'],
    subjects: ['person'],
    conditions,
    materials: [idCard(), householdRegister(), ...extra, ...proxy('残疾人本人或其监护人')],
    steps: assessed
      ? [
          step('acceptance', '受理', 0, '区残联或街道残联受理申请，开具评残通知。'),
          step('review', '审核', 5, '区残联审核评定结论。'),
          step('decision', '发证', 5, '符合标准的核发残疾人证，不符合的书面告知。'),
          step('delivery', '送达', 2, '邮寄或窗口领取。'),
        ]
      : [
          step('acceptance', '受理', 0, '受理申请。'),
          step('review', '审核', promised > 0 ? promised - 1 : 0, '核对原证信息。'),
          step('decision', '发证', promised > 0 ? 1 : 0, '核发或注销。'),
        ],
    specialSteps: assessed
      ? [
          {
            kind: 'expert_review',
            name: '残疾评定',
            days: 15,
            description: '到区残联指定的评残医院由评定医师进行残疾类别和等级评定（不计入办理时限）。',
          },
        ]
      : [],
    legalDays: 30,
    promisedDays: promised,
    place: disabilityPlace,
    channels: ['online', 'hall'],
    visits: assessed ? { online: 1, hall: 2 } : { online: 0, hall: 1 },
    deliveryMethods: ['pickup', 'post'],
    onlineDepth: assessed ? 3 : 4,
    faq: disabilityFaq,
    legalBases: [LAW.disabilityDefinition, LAW.disabledPersonsFederation],
    resultName: situation === 'cancellation' ? '残疾人证注销证明' : '《中华人民共和国残疾人证》',
    form:
      situation === 'change'
        ? disabilityForm(['previous_household_address'], {
            previous_household_address: text('迁出地户籍地址', 200),
          })
        : disabilityForm(),
  });

export const DISABILITY_ITEMS: Entry[] = [
  disabilityMain,
  disability(
    1,
    'new',
    '残疾人证新办',
    '本市户籍，经区残联指定医院评定符合国家残疾标准的残疾人（含未成年人，由监护人代为申请）。',
    [photo('2寸白底免冠彩色照片电子版。')],
    true,
    12,
  ),
  disability(
    2,
    'renewal',
    '残疾人证换领',
    '残疾人证有效期满、残疾等级变化或证件损坏的；等级变化的需重新评定。',
    [
      material('old_disability_card', '原残疾人证', { notes: '交回原证。' }),
      photo('2寸白底免冠彩色照片电子版。'),
    ],
    true,
    12,
  ),
  disability(
    3,
    'change',
    '残疾人证迁移',
    '持证残疾人户籍在本市区县之间迁移至东城区的，办理残疾人证迁入。',
    [
      material('old_disability_card', '原残疾人证', {
        notes: '核验原证。',
        source: 'certificate',
        sourceReference: '残疾人证电子证照',
      }),
    ],
    false,
    5,
  ),
  disability(
    4,
    'other',
    '残疾人证补办',
    '残疾人证遗失的持证人。',
    [photo('2寸白底免冠彩色照片电子版。')],
    false,
    10,
  ),
  disability(
    5,
    'cancellation',
    '残疾人证注销',
    '持证人死亡、户籍迁出本市或经复核不再符合残疾标准的，由本人或亲属申请注销。',
    [],
    false,
    3,
  ),
];
