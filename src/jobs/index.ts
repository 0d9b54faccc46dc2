/** Background jobs: the in-process scheduler and the cross-process singleton lock. */
export { startJobs, type Job, type JobLog, type RunningJobs } from './runner.js';
export { withJobLock, type JobLockResult } from './lock.js';
