/**
 * Time-limit policies per regime. Defaults follow the domain reference ("Time limits");
 * several are local examples, so every figure is configurable through `mergePolicies`.
 */

import { DeadlineRuleError } from './deadline-errors';

export type DeadlineRegime =
  | 'peoples_mediation'
  | 'court_pre_registration'
  | 'court_post_registration_ordinary'
  | 'court_post_registration_simple'
  | 'petition'
  | 'work_order_reply'
  | 'work_order_misassigned_return'
  | 'judicial_confirmation';

export type DayUnit = 'calendar_days' | 'working_days';

/** Whose consent an extension needs: the referring court, or every party of the case. */
export type ExtensionConsent = 'none' | 'court' | 'all_parties';

/** The `consentBy` entry that stands for the referring court. */
export const COURT_CONSENT = 'court';

export interface ExtensionRule {
  /** How many extensions may be granted in total. */
  maxCount: number;
  /** Longest single extension, in the policy's unit. */
  maxDaysEach: number;
  consent: ExtensionConsent;
  reasonRequired: boolean;
  /** Who must be told the reason (informational, e.g. the petitioner under 信访工作条例). */
  reasonToldTo?: string;
}

export interface DeadlinePolicy {
  regime: string;
  /** Chinese name for screens and notices. */
  label: string;
  unit: DayUnit;
  /** Default N; null when N must be given per case (12345 orders carry their own N). */
  days: number | null;
  /** The event the count starts from, for people reading the policy. */
  startsFrom: string;
  extension: ExtensionRule | null;
  /**
   * Calendar-day limits only: when the last day is a rest day (a weekend day that is not a 调休 workday, or a
   * statutory holiday) the period ends on the first working day after it (民事诉讼法 art. 85). On for every
   * calendar-day regime by default; a regime without `endOnWorkingDayBinding` may turn it off.
   */
  endOnWorkingDay?: boolean;
  /** The rule binds (court periods: 委派, 委托, judicial confirmation); a policy that turns it off is refused. */
  endOnWorkingDayBinding?: boolean;
  source: string;
}

export type DeadlinePolicies = Readonly<Record<string, DeadlinePolicy>>;

export const DEFAULT_POLICIES: DeadlinePolicies = deepFreeze({
  peoples_mediation: {
    regime: 'peoples_mediation',
    label: '人民调解',
    unit: 'calendar_days',
    days: 30,
    startsFrom: 'acceptance 受理',
    extension: null,
    endOnWorkingDay: true,
    source: '司法部《人民调解工作若干规定》第33条 (一个月)',
  },
  court_pre_registration: {
    regime: 'court_pre_registration',
    label: '诉前委派调解',
    unit: 'calendar_days',
    days: 30,
    startsFrom: 'referral 委派',
    extension: { maxCount: 1, maxDaysEach: 30, consent: 'court', reasonRequired: false },
    endOnWorkingDay: true,
    endOnWorkingDayBinding: true,
    source: 'court rules; the 30-day extension cap is a local example',
  },
  court_post_registration_ordinary: {
    regime: 'court_post_registration_ordinary',
    label: '委托调解（普通程序）',
    unit: 'calendar_days',
    days: 15,
    startsFrom: 'referral 委托',
    extension: { maxCount: 1, maxDaysEach: 30, consent: 'all_parties', reasonRequired: false },
    endOnWorkingDay: true,
    endOnWorkingDayBinding: true,
    source: 'SPC opinion in force from 2025-01-01',
  },
  court_post_registration_simple: {
    regime: 'court_post_registration_simple',
    label: '委托调解（简易程序）',
    unit: 'calendar_days',
    days: 7,
    startsFrom: 'referral 委托',
    extension: { maxCount: 1, maxDaysEach: 30, consent: 'all_parties', reasonRequired: false },
    endOnWorkingDay: true,
    endOnWorkingDayBinding: true,
    source: 'SPC opinion in force from 2025-01-01',
  },
  petition: {
    regime: 'petition',
    label: '信访事项办理',
    unit: 'calendar_days',
    days: 60,
    startsFrom: 'acceptance 受理',
    extension: {
      maxCount: 1,
      maxDaysEach: 30,
      consent: 'none',
      reasonRequired: true,
      reasonToldTo: 'petitioner',
    },
    endOnWorkingDay: true,
    source: '信访工作条例',
  },
  work_order_reply: {
    regime: 'work_order_reply',
    label: '12345工单答复',
    unit: 'working_days',
    days: null,
    startsFrom: 'sign-off 签收',
    extension: { maxCount: 1, maxDaysEach: 10, consent: 'none', reasonRequired: false },
    source: 'provincial examples; 国办发〔2020〕53号',
  },
  work_order_misassigned_return: {
    regime: 'work_order_misassigned_return',
    label: '12345工单错派退回',
    unit: 'working_days',
    days: 2,
    startsFrom: 'sign-off 签收',
    extension: null,
    source: 'provincial examples',
  },
  judicial_confirmation: {
    regime: 'judicial_confirmation',
    label: '司法确认申请',
    unit: 'calendar_days',
    days: 30,
    startsFrom: 'agreement takes effect 调解协议生效',
    extension: null,
    endOnWorkingDay: true,
    endOnWorkingDayBinding: true,
    source: '人民调解法第33条; 民事诉讼法',
  },
} satisfies Record<DeadlineRegime, DeadlinePolicy>);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function isPositiveInt(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}

/** Throws DeadlineRuleError('INVALID_POLICY') when a policy cannot be applied. */
export function assertValidPolicy(policy: DeadlinePolicy): void {
  const bad = (why: string): never => {
    throw new DeadlineRuleError('INVALID_POLICY', `policy '${policy.regime}': ${why}`);
  };
  if (policy.unit !== 'calendar_days' && policy.unit !== 'working_days')
    bad(`unknown unit ${String(policy.unit)}`);
  if (policy.days !== null && !isPositiveInt(policy.days)) bad(`days must be a positive integer or null`);
  if (policy.endOnWorkingDayBinding && policy.endOnWorkingDay === false)
    bad('the period must end on a working day (民事诉讼法 art. 85 binds this regime)');
  const ext = policy.extension;
  if (ext === null) return;
  if (typeof ext.maxCount !== 'number' || !Number.isInteger(ext.maxCount) || ext.maxCount < 0) {
    bad('extension.maxCount must be a non-negative integer');
  }
  if (!isPositiveInt(ext.maxDaysEach)) bad('extension.maxDaysEach must be a positive integer');
  if (!['none', 'court', 'all_parties'].includes(ext.consent))
    bad(`unknown extension consent ${String(ext.consent)}`);
}

/**
 * Policies with some regimes changed or added, e.g.
 * `mergePolicies(DEFAULT_POLICIES, { petition: { days: 45 } })`. Every resulting policy is validated.
 */
export function mergePolicies(
  base: DeadlinePolicies,
  overrides: Readonly<Record<string, Partial<DeadlinePolicy>>>,
): DeadlinePolicies {
  const out: Record<string, DeadlinePolicy> = { ...base };
  for (const [regime, patch] of Object.entries(overrides)) {
    const existing: DeadlinePolicy | undefined = Object.prototype.hasOwnProperty.call(base, regime)
      ? base[regime]
      : undefined;
    if (!existing && (patch.unit === undefined || patch.days === undefined)) {
      throw new DeadlineRuleError('INVALID_POLICY', `new policy '${regime}' needs at least unit and days`);
    }
    const start: Omit<DeadlinePolicy, 'unit' | 'days'> & Partial<DeadlinePolicy> = existing ?? {
      regime,
      label: regime,
      startsFrom: '',
      extension: null,
      source: 'local configuration',
    };
    const merged = { ...start, ...patch, regime } as DeadlinePolicy;
    assertValidPolicy(merged);
    out[regime] = merged;
  }
  return deepFreeze(out);
}
