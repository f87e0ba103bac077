import { readEnv } from '@tiaojie/core';
import { DEFAULT_REMINDER_OFFSETS_DAYS } from './core/deadline-reminders';

/** Timer and digest settings of the deadline worker; read once at boot, a bad value stops the process. */
export interface DeadlineSettings {
  /** Reminders go out at 09:00 Asia/Shanghai this many calendar days before the due date (DEADLINE_REMINDER_DAYS, default 3,1). */
  reminderOffsetsDays: readonly number[];
  /**
   * Reminders are spread over this many minutes after 09:00, at a fixed point per case, so thousands due the
   * same day do not all fire at 09:00:00 (DEADLINE_REMINDER_SPREAD_MINUTES, default 30; 0 = exactly 09:00).
   */
  reminderSpreadMinutes: number;
  /** Hours after the deadline before an overdue case is escalated to the district admin (DEADLINE_ESCALATE_AFTER_HOURS, default 72). */
  escalateAfterHours: number;
  /** Asia/Shanghai hour of the daily digest (DEADLINE_DIGEST_HOUR, default 8). */
  digestHour: number;
  /** The digest lists cases due within this many days (DEADLINE_DIGEST_DUE_SOON_DAYS, default 3). */
  digestDueSoonDays: number;
  /**
   * Case states in which a time limit runs (reminders, overdue escalation, digest). A routed case has a due date
   * only when its regime set one before acceptance (a court referral, a petition), whose clock already runs.
   */
  clockRunningStates: readonly string[];
}

export const DEADLINE_SETTINGS = Symbol('DEADLINE_SETTINGS');

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = Object.freeze({
  reminderOffsetsDays: DEFAULT_REMINDER_OFFSETS_DAYS,
  reminderSpreadMinutes: 30,
  escalateAfterHours: 72,
  digestHour: 8,
  digestDueSoonDays: 3,
  clockRunningStates: Object.freeze(['routed', 'accepted', 'in_mediation', 'agreement_pending']),
});

/** Parses a list such as "3,1" (days before the due date); duplicates removed, largest first. */
export function parseReminderOffsets(raw: string): number[] {
  return readEnv({ DEADLINE_REMINDER_DAYS: raw.trim() === '' ? ',' : raw }).DEADLINE_REMINDER_DAYS;
}

export function loadDeadlineSettings(env: NodeJS.ProcessEnv = process.env): DeadlineSettings {
  const e = readEnv(env);
  return {
    ...DEFAULT_DEADLINE_SETTINGS,
    reminderOffsetsDays: e.DEADLINE_REMINDER_DAYS,
    reminderSpreadMinutes: e.DEADLINE_REMINDER_SPREAD_MINUTES,
    escalateAfterHours: e.DEADLINE_ESCALATE_AFTER_HOURS,
    digestHour: e.DEADLINE_DIGEST_HOUR,
    digestDueSoonDays: e.DEADLINE_DIGEST_DUE_SOON_DAYS,
  };
}
