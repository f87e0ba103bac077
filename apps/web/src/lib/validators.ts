/** Client-side checks with Chinese messages; the server re-checks everything with the same rules. */
import { isValidChineseId, MOBILE_PHONE_RE } from '@tiaojie/personal-data';

export const PHONE_RE = MOBILE_PHONE_RE;

/** Mainland resident ID: region, birth date and ISO 7064 MOD 11-2 check character, as the server checks it. */
export const isValidIdNumber = isValidChineseId;

export const CATEGORY_HELP: Record<string, string> = {
  neighbour: '相邻关系、噪音、漏水、通行、采光等邻里之间的纠纷。',
  family: '婚姻、赡养、抚养、继承等家庭成员之间的纠纷。',
  property: '物业服务质量、物业费、公共设施维修、停车管理等与物业公司或业委会之间的纠纷。',
  labour: '拖欠工资、劳动合同、工伤待遇、社会保险等劳动争议。',
  medical: '在医疗机构诊疗过程中发生的医患纠纷。',
  traffic: '道路交通事故引起的人身、财产损害赔偿纠纷。',
  consumer: '商品质量、服务质量、预付卡退费等消费纠纷。',
  land: '土地征收、房屋征收补偿等纠纷。',
  land_expropriation: '土地征收、房屋征收补偿等纠纷。',
  contract: '买卖、借款、租赁、承揽等合同履行纠纷。',
  ip: '商标、著作权、专利等知识产权纠纷。',
  construction: '建设工程施工、房屋装修、工程款结算等纠纷。',
  commercial: '企业之间或企业与个人之间的商事纠纷。',
  other: '不属于以上类别的其他矛盾纠纷。',
};

/**
 * A money amount (元): refused when negative, never clamped. The input must not carry `min={0}`: antd's InputNumber
 * would silently turn a typed −500 into 0 when the field loses focus.
 */
export const AMOUNT_RULES = [
  { type: 'number' as const, min: 0, message: '金额不能为负数' },
  { type: 'number' as const, max: 1e11, message: '金额不能超过 1000 亿元' },
];
