import type { RoutingRule } from '@tiaojie/routing';

/**
 * Rules a new installation starts with (the district admin edits them): an administrative dispute goes to the
 * department in charge (wage arrears to 人社局's labour inspection, consumer and market matters to 市场监管局); then
 * the specialised body for the category in the dispute's street, then a district-level specialised body, then the
 * community committee for neighbourhood matters, then the street's people's mediation committee.
 */
export const DEFAULT_RULES: RoutingRule[] = [
  {
    id: 'administrative-labour',
    name: '行政调解：劳动保障监察（人社局）',
    priority: 50,
    weight: 10,
    enabled: true,
    conditions: { disputeKinds: ['administrative'], categories: ['labour'] },
    target: {
      type: 'selector',
      selector: { kinds: ['administrative'], matchCategory: true, inJurisdiction: true },
    },
  },
  {
    id: 'administrative-market',
    name: '行政调解：消费、市场纠纷（市场监管局）',
    priority: 50,
    weight: 10,
    enabled: true,
    conditions: { disputeKinds: ['administrative'], categories: ['consumer'] },
    target: {
      type: 'selector',
      selector: { kinds: ['administrative'], matchCategory: true, inJurisdiction: true },
    },
  },
  {
    id: 'specialised-street',
    name: '街道级专业性调解组织',
    priority: 40,
    weight: 10,
    enabled: true,
    conditions: {},
    target: {
      type: 'selector',
      selector: { kinds: ['industry'], levels: ['street'], matchCategory: true, inJurisdiction: true },
    },
  },
  {
    id: 'specialised-district',
    name: '区级专业性调解组织',
    priority: 30,
    weight: 10,
    enabled: true,
    conditions: {},
    target: {
      type: 'selector',
      selector: { kinds: ['industry'], levels: ['district'], matchCategory: true, inJurisdiction: true },
    },
  },
  {
    id: 'community-committee',
    name: '社区人民调解委员会（邻里、家庭、物业）',
    priority: 20,
    weight: 5,
    enabled: true,
    conditions: { categories: ['neighbour', 'family', 'property'] },
    target: {
      type: 'selector',
      selector: { kinds: ['peoples'], levels: ['community'], matchCategory: true, inJurisdiction: true },
    },
  },
  {
    id: 'street-committee',
    name: '属地街道人民调解委员会',
    priority: 10,
    weight: 1,
    enabled: true,
    conditions: {},
    target: { type: 'selector', selector: { kinds: ['peoples'], levels: ['street'], inJurisdiction: true } },
  },
];
