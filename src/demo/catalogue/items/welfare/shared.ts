/** What the welfare items share: the street's social security office and the bank account section of their forms. */

export const STREET = '户籍所在地街道办事处社会保障事务所（东城区17个街道社区服务中心）';
export const BANK = ['银行账户', ['bank_name', 'bank_account_number']] as [string, string[]];
