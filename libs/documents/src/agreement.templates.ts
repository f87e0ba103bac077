import { DocumentInputError } from './documents.errors';

export type DisputeCategory =
  'neighbour' | 'family' | 'property' | 'labour' | 'medical' | 'traffic' | 'consumer' | 'contract' | 'other';

export const DISPUTE_CATEGORY_LABELS: Readonly<Record<DisputeCategory, string>> = {
  neighbour: '邻里纠纷',
  family: '婚姻家庭纠纷',
  property: '物业纠纷',
  labour: '劳动争议',
  medical: '医疗纠纷',
  traffic: '交通事故纠纷',
  consumer: '消费纠纷',
  contract: '合同纠纷',
  other: '其他纠纷',
};

/** Clause skeletons for an agreement; `{{name}}` placeholders are filled by fillTemplate. */
export interface AgreementTemplate {
  category: DisputeCategory;
  label: string;
  facts: string;
  terms: string[];
  performance: string;
}

const SETTLED = '本协议履行完毕后，双方就本纠纷再无其他争议。';
const RECEIPT = '被申请人以{{paymentMethod}}方式于{{dueDate}}前履行付款义务，申请人收款后出具收条。';

type Skeleton = Omit<AgreementTemplate, 'category' | 'label'>;

const SKELETONS: Readonly<Record<DisputeCategory, Skeleton>> = {
  neighbour: {
    facts: '申请人与被申请人系{{relationship}}。{{incident}}，双方因{{disputeIssue}}发生争议。',
    terms: [
      '被申请人于{{dueDate}}前{{remedy}}。',
      '被申请人于{{dueDate}}前一次性赔偿申请人{{lossItem}}损失人民币{{amount}}元。',
      '双方今后应互谅互让、和睦相处，不得再因本纠纷发生争执。',
      SETTLED,
    ],
    performance: RECEIPT,
  },
  family: {
    facts: '申请人与被申请人系{{relationship}}。双方因{{disputeIssue}}发生纠纷。',
    terms: [
      '被申请人自{{startDate}}起，每月{{monthlyDay}}日前向申请人支付{{supportType}}人民币{{amount}}元，首期于{{dueDate}}前支付。',
      '双方应相互尊重、和睦相处，依法履行家庭成员之间的扶养、赡养或抚养义务。',
      SETTLED,
    ],
    performance: '被申请人以{{paymentMethod}}方式按期支付，首期于{{dueDate}}前支付。',
  },
  property: {
    facts:
      '申请人系{{propertyAddress}}业主，被申请人系该物业的物业服务企业。双方因{{disputeIssue}}发生争议。',
    terms: [
      '申请人于{{dueDate}}前向被申请人缴纳{{feePeriod}}物业服务费人民币{{amount}}元。',
      '被申请人于{{repairDueDate}}前完成{{repairItem}}的维修，并将维修结果告知申请人。',
      '双方按照物业服务合同的约定履行各自义务。',
      SETTLED,
    ],
    performance: '申请人以{{paymentMethod}}方式于{{dueDate}}前缴纳费用；被申请人维修完毕后由双方共同确认。',
  },
  labour: {
    facts: '申请人于{{hireDate}}入职被申请人处，从事{{position}}工作。双方因{{disputeIssue}}发生劳动争议。',
    terms: [
      '双方劳动关系于{{terminationDate}}解除。',
      '被申请人于{{dueDate}}前向申请人支付{{wagePeriod}}工资及经济补偿等各项款项合计人民币{{amount}}元。',
      '被申请人于{{dueDate}}前为申请人出具解除劳动合同的证明，并办理档案和社会保险关系转移手续。',
      '本协议履行完毕后，双方就劳动关系存续及解除事宜再无其他争议。',
    ],
    performance: '被申请人以{{paymentMethod}}方式于{{dueDate}}前将款项支付至申请人指定账户。',
  },
  medical: {
    facts:
      '患者{{patientName}}于{{treatmentDate}}在被申请人处接受{{treatment}}。申请人认为{{allegation}}，双方由此发生医疗纠纷。',
    terms: [
      '被申请人于{{dueDate}}前一次性向申请人支付人民币{{amount}}元，包括医疗费、护理费、误工费、交通费等全部费用。',
      '申请人收到上述款项后，不再就本次医疗纠纷向被申请人及其医务人员主张任何权利。',
      '双方应依法维护正常医疗秩序。',
      SETTLED,
    ],
    performance: RECEIPT,
  },
  traffic: {
    facts:
      '{{accidentDate}}，在{{accidentPlace}}发生交通事故，造成{{damage}}。' +
      '经{{trafficAuthority}}认定（事故认定书编号：{{certificateNumber}}），被申请人承担{{liability}}责任。',
    terms: [
      '除保险公司理赔部分外，被申请人于{{dueDate}}前赔偿申请人医疗费、误工费、护理费、财产损失等各项损失合计人民币{{amount}}元。',
      '申请人应配合被申请人办理保险理赔手续。',
      '本协议履行完毕后，双方就本次交通事故再无其他争议。',
    ],
    performance: RECEIPT,
  },
  consumer: {
    facts: '申请人于{{purchaseDate}}在被申请人处购买{{goodsOrService}}，因{{disputeIssue}}发生消费纠纷。',
    terms: [
      '被申请人于{{dueDate}}前为申请人办理{{remedy}}。',
      '被申请人于{{dueDate}}前向申请人退还（赔偿）人民币{{amount}}元。',
      SETTLED,
    ],
    performance: '被申请人以{{paymentMethod}}方式于{{dueDate}}前退还款项，申请人收款后出具收条。',
  },
  contract: {
    facts: '申请人与被申请人于{{contractDate}}签订{{contractName}}。因{{disputeIssue}}，双方发生争议。',
    terms: [
      '双方确认，截至{{confirmDate}}，被申请人尚欠申请人{{contractName}}项下款项人民币{{amount}}元。',
      '被申请人于{{dueDate}}前向申请人付清上述款项。',
      '被申请人未按期足额付款的，申请人有权就全部未付款项及逾期利息依法主张权利。',
      SETTLED,
    ],
    performance: '被申请人以{{paymentMethod}}方式于{{dueDate}}前将款项支付至申请人指定账户。',
  },
  other: {
    facts: '{{factsSummary}}',
    terms: [
      '被申请人于{{dueDate}}前{{obligation}}。',
      '被申请人于{{dueDate}}前向申请人支付人民币{{amount}}元。',
      SETTLED,
    ],
    performance: RECEIPT,
  },
};

export const DISPUTE_CATEGORIES = Object.keys(SKELETONS) as DisputeCategory[];

/** Default clause skeletons for a dispute category (a fresh copy the caller may edit). */
export function agreementTemplate(category: DisputeCategory): AgreementTemplate {
  if (!Object.prototype.hasOwnProperty.call(SKELETONS, category)) {
    throw new DocumentInputError(`unknown dispute category "${String(category)}"`, 'category');
  }
  const s = SKELETONS[category];
  return {
    category,
    label: DISPUTE_CATEGORY_LABELS[category],
    facts: s.facts,
    terms: [...s.terms],
    performance: s.performance,
  };
}
