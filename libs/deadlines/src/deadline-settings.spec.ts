import { ConfigError } from '@tiaojie/core';
import { DEFAULT_DEADLINE_SETTINGS, loadDeadlineSettings, parseReminderOffsets } from './deadline-settings';

describe('deadline timer settings', () => {
  it('defaults to reminders 3 and 1 days before, escalation after 72 h, digest at 08:00', () => {
    expect(loadDeadlineSettings({})).toEqual(DEFAULT_DEADLINE_SETTINGS);
    expect(DEFAULT_DEADLINE_SETTINGS.reminderOffsetsDays).toEqual([3, 1]);
  });

  it('reads the offsets and delays from the environment', () => {
    const s = loadDeadlineSettings({
      DEADLINE_REMINDER_DAYS: '1, 7,3,7',
      DEADLINE_ESCALATE_AFTER_HOURS: '24',
      DEADLINE_DIGEST_HOUR: '7',
    });
    expect(s.reminderOffsetsDays).toEqual([7, 3, 1]);
    expect(s.escalateAfterHours).toBe(24);
    expect(s.digestHour).toBe(7);
  });

  it.each(['', 'x', '-1', '1.5', '400', ',,'])('refuses DEADLINE_REMINDER_DAYS=%j', (raw) => {
    if (raw === '')
      return expect(loadDeadlineSettings({ DEADLINE_REMINDER_DAYS: raw }).reminderOffsetsDays).toEqual([
        3, 1,
      ]);
    expect(() => parseReminderOffsets(raw)).toThrow(ConfigError);
  });

  it('names the variable when a number is out of range', () => {
    expect(() => loadDeadlineSettings({ DEADLINE_DIGEST_HOUR: '24' })).toThrow('DEADLINE_DIGEST_HOUR');
    expect(() => loadDeadlineSettings({ DEADLINE_ESCALATE_AFTER_HOURS: '0' })).toThrow(
      'DEADLINE_ESCALATE_AFTER_HOURS',
    );
  });
});
