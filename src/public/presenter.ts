/** API shapes of the citizen channel, built explicitly (dates as ISO strings, nothing else added). */
import type { ReopenRequestView } from './reopen.js';
import type { SubmittedReport } from './reports.js';
import type { PublicView } from './view.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function presentSubmitted(report: SubmittedReport) {
  return {
    trackingCode: report.trackingCode,
    caseNumber: report.caseNumber,
    publicStatus: report.publicStatus,
    submittedAt: report.submittedAt.toISOString(),
    expectedBy: iso(report.expectedBy),
  };
}

export function presentPublicView(view: PublicView) {
  return {
    trackingCode: view.trackingCode,
    caseNumber: view.caseNumber,
    category: view.category,
    publicStatus: view.publicStatus,
    submittedAt: view.submittedAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
    expectedBy: iso(view.expectedBy),
    closedAt: iso(view.closedAt),
    location: view.location,
    address: view.address,
    description: view.description,
    notes: view.notes.map((n) => ({ at: n.at.toISOString(), text: n.text, status: n.status })),
    photos: view.photos,
    rating: view.rating ? { ...view.rating, at: view.rating.at.toISOString() } : null,
    canRate: view.canRate,
    canRequestReopen: view.canRequestReopen,
    reopenRequest: view.reopenRequest
      ? { ...view.reopenRequest, at: view.reopenRequest.at.toISOString() }
      : null,
  };
}

export function presentSummary(view: PublicView) {
  return {
    trackingCode: view.trackingCode,
    caseNumber: view.caseNumber,
    category: view.category,
    publicStatus: view.publicStatus,
    submittedAt: view.submittedAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
    expectedBy: iso(view.expectedBy),
    closedAt: iso(view.closedAt),
    description: view.description,
    thumbnailUrl: view.photos.before[0]?.thumbnailUrl ?? null,
    rating: view.rating ? { ...view.rating, at: view.rating.at.toISOString() } : null,
    canRate: view.canRate,
    canRequestReopen: view.canRequestReopen,
  };
}

export function presentReopenRequest(request: ReopenRequestView) {
  return {
    id: request.id,
    caseId: request.caseId,
    caseNumber: request.caseNumber,
    caseStatus: request.caseStatus,
    gridCode: request.gridCode,
    source: request.source,
    score: request.score,
    comment: request.comment,
    reason: request.reason,
    status: request.status,
    at: request.createdAt.toISOString(),
    decidedAt: iso(request.decidedAt),
    decisionNote: request.decisionNote,
    version: request.version,
  };
}
