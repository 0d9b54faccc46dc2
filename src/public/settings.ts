/** Limits of the citizen channel (docs/configuration.md): abuse protection per client address. */
export interface PublicChannelSettings {
  /** Reports one address may submit per hour (SHUZHI_PUBLIC_REPORTS_PER_HOUR). */
  reportsPerHour: number;
  /** Photos one address may upload per hour (SHUZHI_PUBLIC_UPLOADS_PER_HOUR). */
  uploadsPerHour: number;
  /** Accounts one address may create per hour (SHUZHI_CITIZEN_SIGNUPS_PER_HOUR). */
  signupsPerHour: number;
  /** Same device, category and text within this many minutes is the same report (SHUZHI_PUBLIC_DUPLICATE_MINUTES). */
  duplicateMinutes: number;
}

export const DEFAULT_PUBLIC_CHANNEL: PublicChannelSettings = {
  reportsPerHour: 30,
  uploadsPerHour: 60,
  signupsPerHour: 10,
  duplicateMinutes: 10,
};
