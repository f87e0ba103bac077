import { toDomainError as deadlineRuleToDomainError } from './deadline-rule.errors';
import { computeDeadline, type DeadlineExtension, type DeadlineResult } from './core/compute-deadline';
import { type DeadlinePolicies, DEFAULT_POLICIES } from './core/deadline-policy';
import { WorkdayCalendar } from './core/workday-calendar';

/** The time-limit regimes a case can run under (see DEFAULT_POLICIES in @tiaojie/deadlines for figures and sources). */
export const CASE_REGIMES = [
  'peoples_mediation', // 人民调解: 30 days from acceptance
  'court_pre_registration', // 诉前委派: 30 days from referral, + ≤ 30 with the court's consent
  'court_post_registration_ordinary', // 委托（普通程序）: 15 days, + 30 with every party's consent
  'court_post_registration_simple', // 委托（简易程序）: 7 days, + 30 with every party's consent
  'petition', // 信访: 60 days from acceptance, + 30 with a reason told to the petitioner
  'judicial_confirmation', // 司法确认申请: 30 days after the agreement takes effect
  'work_order_reply', // 12345: N working days after sign-off (N per order)
] as const;
export type CaseRegime = (typeof CASE_REGIMES)[number];

export interface CaseDueOptions {
  /** The calendar with admin-added years (CalendarService.calendar()); defaults to the bundled one. */
  calendar?: WorkdayCalendar;
  policies?: DeadlinePolicies;
  /** Per-case N: a court referral's 调解期限(日), a 12345 order's 办理时限; required for work_order_reply. */
  days?: number;
  extensions?: readonly DeadlineExtension[];
  pausedDays?: number;
  /** Party ids, to check extensions every party must consent to. */
  parties?: readonly string[];
}

/**
 * A case's due date under a regime: 23:59:59 Asia/Shanghai of the N-th day after `start`'s business date.
 * Returns the whole computation (dueAt, dueDate, warnings about holiday years the calendar lacks).
 * Throws DomainError (400/409, details.rule = the engine's code) when the request breaks the regime's rules.
 */
export function caseDueAt(
  regime: CaseRegime | (string & {}),
  start: Date,
  opts: CaseDueOptions = {},
): DeadlineResult {
  try {
    return computeDeadline(
      {
        regime,
        start,
        days: opts.days,
        extensions: opts.extensions,
        pausedDays: opts.pausedDays,
        parties: opts.parties,
      },
      opts.calendar ?? WorkdayCalendar.builtIn(),
      opts.policies ?? DEFAULT_POLICIES,
    );
  } catch (err) {
    throw deadlineRuleToDomainError(err);
  }
}

/** People's mediation: 30 days from acceptance (人民调解工作若干规定 art. 33), per the deadline engine. */
export function mediationDueAt(acceptedAt: Date, calendar?: WorkdayCalendar): Date {
  return caseDueAt('peoples_mediation', acceptedAt, { calendar }).dueAt;
}

/** Judicial confirmation: joint application within 30 days after the agreement takes effect. */
export function confirmationDueAt(agreedAt: Date, calendar?: WorkdayCalendar): Date {
  return caseDueAt('judicial_confirmation', agreedAt, { calendar }).dueAt;
}

/**
 * The due date a case keeps when it leaves its body (return, transfer, manual route): a regime set before acceptance
 * (a court referral, a petition) keeps running; people's mediation and a 12345 order start afresh when the next
 * body accepts (signs off).
 */
export function dueKeptOnMove(d: { deadlineRegime: string | null; dueAt: Date | null }): Date | null {
  return d.deadlineRegime && REGIMES_FROM_INTAKE.includes(d.deadlineRegime) ? d.dueAt : null;
}

/** Regimes whose period starts before a body accepts the case (referral, petition acceptance). */
const REGIMES_FROM_INTAKE: readonly string[] = [
  'court_pre_registration',
  'court_post_registration_ordinary',
  'court_post_registration_simple',
  'petition',
];

/** Days before its due date from which a case counts as due soon in the work queues. */
export const DUE_SOON_DAYS = 3;

/** How a queue marks a case's due date at `now`: none, overdue, due within DUE_SOON_DAYS, or ok. */
export type Urgency = 'none' | 'overdue' | 'due_soon' | 'ok';

export function urgencyAt(dueAt: Date | null, now: Date): Urgency {
  if (!dueAt) return 'none';
  const left = dueAt.getTime() - now.getTime();
  return left < 0 ? 'overdue' : left < DUE_SOON_DAYS * 86_400_000 ? 'due_soon' : 'ok';
}

/** A case's mediation due date on the bundled calendar with the extensions granted so far; the engine's errors are thrown as they are. */
export function caseDue(
  regime: CaseRegime,
  start: Date,
  extensions: readonly DeadlineExtension[] = [],
  parties?: readonly string[],
  days?: number,
): Date {
  return computeDeadline({ regime, start, days, extensions, parties }, WorkdayCalendar.builtIn()).dueAt;
}
