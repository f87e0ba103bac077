import { WorkdayCalendar, computeDeadline } from '@tiaojie/deadlines';

const calendar = WorkdayCalendar.builtIn();

export type CaseRegime =
  | 'peoples_mediation'
  | 'court_pre_registration'
  | 'court_post_registration_ordinary'
  | 'court_post_registration_simple'
  | 'petition'
  | 'work_order_reply';

export interface Extension {
  days: number;
  consentBy?: string[];
  reason?: string;
}

/** A case's mediation deadline under its regime, with any extensions granted so far (validated by the engine). */
export function caseDue(
  regime: CaseRegime,
  start: Date,
  extensions: Extension[] = [],
  parties?: string[],
  days?: number,
): Date {
  return computeDeadline({ regime, start, days, extensions, parties }, calendar).dueAt;
}
