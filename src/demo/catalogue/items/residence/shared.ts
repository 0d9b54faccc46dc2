/** Fields of the 新生儿出生一件事 children (shared names, asked once in the bundle), also used by the welfare items. */

export const NEWBORN: [string, string[]] = [
  '新生儿信息',
  ['newborn_name', 'newborn_gender', 'newborn_birth_date', 'birth_hospital'],
];
export const PARENTS: [string, string[]] = [
  '父母信息',
  ['mother_name', 'mother_id_number', 'father_name', 'father_id_number'],
];
export const NEWBORN_REQUIRED = [
  'newborn_name',
  'newborn_gender',
  'newborn_birth_date',
  'birth_hospital',
  'mother_name',
  'mother_id_number',
];
