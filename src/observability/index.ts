/** Observability: /metrics (Prometheus), /livez, /readyz and the request log line (docs/observability.md). */
export {
  createMetrics,
  statusClass,
  type HttpObservation,
  type MetricsOptions,
  type ShuzhiMetrics,
} from './metrics.js';
export {
  observabilityPlugin,
  actorOf,
  isDirectLoopback,
  routeOf,
  type ObservabilityOptions,
} from './http.js';
export { checkReadiness, type CheckName, type CheckResult, type Readiness } from './readiness.js';
