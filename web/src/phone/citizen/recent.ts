/**
 * Tracking codes of reports sent from this device, newest first, so a citizen without an account
 * finds them again. Only the codes are kept (nothing personal), at most 20.
 */
const KEY = 'shuzhi.trackingCodes';

export function recentCodes(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberCode(code: string): void {
  try {
    localStorage.setItem(
      KEY,
      JSON.stringify([code, ...recentCodes().filter((c) => c !== code)].slice(0, 20)),
    );
  } catch {
    // Storage disabled: the citizen keeps the code shown on screen.
  }
}
