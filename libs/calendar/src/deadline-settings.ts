import { ConfigError } from '@tiaojie/core';
import { DEFAULT_REMINDER_OFFSETS_DAYS } from '@tiaojie/deadlines';

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

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max)
    throw new ConfigError(`${key} must be an integer between ${min} and ${max}, got "${raw}"`);
  return v;
}

/** Parses a list such as "3,1" (days before the due date); duplicates removed, largest first. */
export function parseReminderOffsets(raw: string, key = 'DEADLINE_REMINDER_DAYS'): number[] {
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const days = parts.map(Number);
  if (parts.length === 0 || parts.length > 10 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) {
    throw new ConfigError(
      `${key} must be a comma-separated list of 1–10 whole day counts between 0 and 365, got "${raw}"`,
    );
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

export function loadDeadlineSettings(env: NodeJS.ProcessEnv = process.env): DeadlineSettings {
  const offsets = env.DEADLINE_REMINDER_DAYS;
  return {
    ...DEFAULT_DEADLINE_SETTINGS,
    reminderOffsetsDays:
      offsets === undefined || offsets.trim() === ''
        ? DEFAULT_DEADLINE_SETTINGS.reminderOffsetsDays
        : parseReminderOffsets(offsets),
    reminderSpreadMinutes: int(
      env,
      'DEADLINE_REMINDER_SPREAD_MINUTES',
      DEFAULT_DEADLINE_SETTINGS.reminderSpreadMinutes,
      0,
      180,
    ),
    escalateAfterHours: int(
      env,
      'DEADLINE_ESCALATE_AFTER_HOURS',
      DEFAULT_DEADLINE_SETTINGS.escalateAfterHours,
      1,
      24 * 90,
    ),
    digestHour: int(env, 'DEADLINE_DIGEST_HOUR', DEFAULT_DEADLINE_SETTINGS.digestHour, 0, 23),
    digestDueSoonDays: int(
      env,
      'DEADLINE_DIGEST_DUE_SOON_DAYS',
      DEFAULT_DEADLINE_SETTINGS.digestDueSoonDays,
      0,
      30,
    ),
  };
}
