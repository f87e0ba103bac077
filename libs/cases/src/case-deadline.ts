import { WorkdayCalendar, computeDeadline } from '@tiaojie/deadlines';

const calendar = WorkdayCalendar.builtIn();

/** People's mediation: 30 days from acceptance (人民调解工作若干规定 art. 33), per the deadline engine. */
export function mediationDueAt(acceptedAt: Date): Date {
  return computeDeadline({ regime: 'peoples_mediation', start: acceptedAt }, calendar).dueAt;
}

/** Judicial confirmation: joint application within 30 days after the agreement takes effect. */
export function confirmationDueAt(agreedAt: Date): Date {
  return computeDeadline({ regime: 'judicial_confirmation', start: agreedAt }, calendar).dueAt;
}
