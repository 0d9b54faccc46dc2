import { describe, expect, it } from 'vitest';
import { localDayHour } from './local-time.js';

describe('local day and hour', () => {
  it('counts a 23:30 Beijing report on its Beijing day and hour', () => {
    expect(localDayHour(new Date('2026-03-02T15:30:00Z'), 'Asia/Shanghai')).toEqual({
      day: '2026-03-02',
      hour: 23,
    });
    expect(localDayHour(new Date('2026-03-02T16:30:00Z'), 'Asia/Shanghai')).toEqual({
      day: '2026-03-03',
      hour: 0,
    });
  });

  it('agrees with the time-zone database at every minute around quarter-hour offsets and DST changes', () => {
    const zones = ['Asia/Shanghai', 'Asia/Kathmandu', 'Asia/Kolkata', 'America/St_Johns', 'Europe/Berlin'];
    // 2026-03-29 01:00 UTC: Berlin springs forward; St John's on 03-08. A minute's walk over each.
    const starts = ['2026-03-29T00:00:00Z', '2026-03-08T04:00:00Z', '2026-11-27T15:00:00Z'];
    for (const zone of zones) {
      const f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        hourCycle: 'h23',
      });
      for (const start of starts) {
        for (let minute = 0; minute < 180; minute += 1) {
          const instant = new Date(Date.parse(start) + minute * 60_000 + 59_000);
          const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
          expect(localDayHour(instant, zone), `${zone} ${instant.toISOString()}`).toEqual({
            day: `${parts.year}-${parts.month}-${parts.day}`,
            hour: Number(parts.hour),
          });
        }
      }
    }
  });
});
