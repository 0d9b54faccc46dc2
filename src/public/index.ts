/** The citizen channel (市民上报): public categories, reports with tracking codes, ratings, reopen requests. */
export { loadPublicCategories, listPublicCategories, readPublicCategories } from './categories.js';
export { publicRoutes } from './routes.js';
export { reopenRequestRoutes } from './reopen-routes.js';
export { submitPublicReport, type PublicReportInput, type Submitter } from './reports.js';
export { rateReport } from './ratings.js';
export {
  acceptReopenRequest,
  declineReopenRequest,
  fileReopenRequest,
  listReopenRequests,
} from './reopen.js';
export { loadPublicView, type PublicView } from './view.js';
export { DEFAULT_PUBLIC_CHANNEL, type PublicChannelSettings } from './settings.js';
export { formatTrackingCode, newTrackingCode, parseTrackingCode } from './tracking-code.js';
export { presentSummary } from './presenter.js';
export { ReportSummary } from './schemas.js';
export { listCitizenReports } from './view.js';
export { publicModule } from './module.js';
export { ratingsForReporting, caseRating, type CaseRating } from './relations.js';
