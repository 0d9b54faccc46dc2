/**
 * Formatting for every view: instants in the business time zone (Asia/Shanghai unless the server
 * says otherwise), remaining working time, distances. Uses Intl, so no date library in the
 * citizen bundle.
 */
import { getLang, type Lang } from './i18n.js';

let timeZone = 'Asia/Shanghai';
/** Set once from the server's configuration (GET /api/v1/web-config). */
export function setTimeZone(zone: string): void {
  timeZone = zone;
}
export function getTimeZone(): string {
  return timeZone;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone, hour12: false, ...options });
    cache.set(key, f);
  }
  return f;
}

type When = string | number | Date | null | undefined;
function toDate(value: When): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 2024-05-06 14:03 (Chinese) / 06/05/2024, 14:03 (English): date and minute in the business zone. */
export function formatDateTime(value: When, lang: Lang = getLang()): string {
  const d = toDate(value);
  if (!d) return '—';
  if (lang === 'zh-CN') {
    const parts = Object.fromEntries(
      formatter(lang, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    ) as Record<string, string>;
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  }
  return formatter(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(value: When, lang: Lang = getLang()): string {
  const d = toDate(value);
  if (!d) return '—';
  if (lang === 'zh-CN') return formatDateTime(d, lang).slice(0, 10);
  return formatter(lang, { dateStyle: 'medium' }).format(d);
}

/** The calendar date (YYYY-MM-DD) of an instant in the business zone. */
export function businessDate(value: When): string {
  const d = toDate(value);
  if (!d) return '';
  return formatDateTime(d, 'zh-CN').slice(0, 10);
}

/** "3 小时前" / "3 hours ago". */
export function formatRelative(value: When, now: Date = new Date(), lang: Lang = getLang()): string {
  const d = toDate(value);
  if (!d) return '—';
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang === 'en' ? 'en' : 'zh-CN', { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/**
 * Working minutes as people read them: "2 工作日 3 小时" (8-hour working day), "45 分钟";
 * negative values are overdue: "超时 1 小时 20 分钟".
 */
export function formatWorkingMinutes(minutes: number, lang: Lang = getLang(), minutesPerDay = 480): string {
  const overdue = minutes < 0;
  let rest = Math.round(Math.abs(minutes));
  const days = Math.floor(rest / minutesPerDay);
  rest -= days * minutesPerDay;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  if (days) parts.push(zh ? `${days} 个工作日` : `${days} working day${days === 1 ? '' : 's'}`);
  if (hours) parts.push(zh ? `${hours} 小时` : `${hours} h`);
  if (mins || parts.length === 0) parts.push(zh ? `${mins} 分钟` : `${mins} min`);
  const text = parts.slice(0, 2).join(zh ? ' ' : ' ');
  if (!overdue) return zh ? `剩余 ${text}` : `${text} left`;
  return zh ? `超时 ${text}` : `${text} overdue`;
}

export function formatDistance(metres: number, lang: Lang = getLang()): string {
  if (metres < 1000) return lang === 'en' ? `${Math.round(metres)} m` : `${Math.round(metres)} 米`;
  const km = (metres / 1000).toFixed(1);
  return lang === 'en' ? `${km} km` : `${km} 公里`;
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatNumber(value: number, lang: Lang = getLang()): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN').format(value);
}
