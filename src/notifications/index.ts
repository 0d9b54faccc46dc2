/** Notifications: in-app messages to staff, sent by other modules inside their transactions. */
export {
  notify,
  listNotifications,
  markRead,
  markAllRead,
  type NotificationMessage,
  type NotificationView,
} from './service.js';
export { recipientsFor, type RecipientQuery } from './recipients.js';
export {
  listCitizenNotifications,
  markAllCitizenNotificationsRead,
  markCitizenNotificationRead,
  notifyCitizen,
  type CitizenMessage,
  type CitizenNotificationView,
  type SmsOptions,
} from './citizen.js';
export {
  OUTBOUND_DRIVERS,
  listOutbound,
  logChannel,
  outboundChannel,
  type OutboundChannel,
  type OutboundDriver,
  type OutboundLogger,
  type OutboundMedium,
  type OutboundMessage,
  type OutboundReceipt,
  type OutboundView,
} from './outbound.js';
export { NOTIFICATION_KINDS, type KnownNotificationKind, type NotificationKind } from './kinds.js';
export { notificationRoutes } from './routes.js';
export { notificationsModule } from './module.js';
export type { NotificationTables } from './tables.js';
