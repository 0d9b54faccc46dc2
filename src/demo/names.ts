/**
 * Chinese personal names for the demo's staff, so timelines and rankings read like a real
 * district's (姓名, not "东华门街道监督员"). Deterministic: the same index gives the same name on
 * every start. Synthetic: combinations of common surnames and given names, not real people.
 */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  '建华',
  '秀英',
  '志强',
  '丽娟',
  '海燕',
  '国庆',
  '晓东',
  '春梅',
  '立新',
  '红霞',
  '文杰',
  '桂兰',
  '振宇',
  '雪梅',
  '永刚',
  '淑珍',
  '建军',
  '玉兰',
  '晓光',
  '静',
  '磊',
  '敏',
  '伟',
  '芳',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '婷',
  '鹏',
  '莉',
  '斌',
  '楠',
  '浩然',
  '思远',
  '雨轩',
  '子涵',
  '佳怡',
  '嘉伟',
  '欣怡',
  '宇航',
  '梦琪',
  '俊杰',
];

/** The index-th demo name; distinct for the first thousand indices (tested). */
export function demoPersonName(index: number): string {
  const surname = SURNAMES[index % SURNAMES.length]!;
  // A stride coprime with the list length walks every given name before repeating a pair.
  const given = GIVEN[(index * 7 + Math.floor(index / SURNAMES.length)) % GIVEN.length]!;
  return surname + given;
}
