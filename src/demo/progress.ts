/**
 * 演示数据生成进度 — how far the background demo simulation has got, for the log, the API and the
 * desktop's banner ("演示数据正在生成（n/2000），部分数字尚不完整"), and the simulation's manners:
 * it steps aside while requests are being served.
 */
import { nextTurn } from './simulation.js';

export interface DemoStatus {
  /** The simulation is filling the register: counts and charts are not complete yet. */
  running: boolean;
  done: number;
  total: number;
}

export class DemoProgress {
  #status: DemoStatus = { running: false, done: 0, total: 0 };

  update(done: number, total: number): void {
    this.#status = { running: done < total, done, total };
  }

  finish(): void {
    this.#status = { ...this.#status, running: false };
  }

  get status(): DemoStatus {
    return { ...this.#status };
  }
}

/** At most this long a step waits for requests to finish, so a stuck count cannot stop the demo. */
const MAX_WAIT_MS = 1000;

/**
 * A lower priority for the simulation: before each step, wait (in short sleeps) until no request
 * is in flight, then let pending I/O run. On the embedded database every query of a request
 * queues behind the simulation's transaction on the single connection; waiting here means a
 * request waits for at most one step, not for a run of them.
 */
export function yieldToRequests(inFlight: () => number): () => Promise<void> {
  return async () => {
    const until = Date.now() + MAX_WAIT_MS;
    while (inFlight() > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    await nextTurn();
  };
}
