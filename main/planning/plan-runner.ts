/**
 * Runs the planning engine off the calling thread (a worker), with progress and cancel. A plan of
 * 10,000 workloads takes seconds; the Electron main process and `serve` must keep answering.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../core/api/errors';
import type { Plan, PlanInput } from '../../core/planning';
import { appRoot } from '../paths';
import type { WorkerMessage } from './plan-worker';

export interface RunOptions {
  onProgress?(done: number, total: number, label: string): void;
  signal?: AbortSignal;
}

export function runPlanInWorker(input: PlanInput, options: RunOptions = {}): Promise<Plan> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ApiError('cancelled', 'The plan was cancelled.'));
      return;
    }
    const worker = new Worker(join(appRoot(), 'main', 'planning', 'worker-entry.mjs'), { workerData: input });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    // Cancel answers at once; the worker is terminated wherever it is (it holds no shared state).
    const onAbort = () => finish(() => reject(new ApiError('cancelled', 'The plan was cancelled.')));
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.done, message.total, message.label);
      else if (message.type === 'done') finish(() => resolve(message.plan as Plan));
      else {
        const code = message.name === 'AbortError' ? 'cancelled' : message.name === 'ScenarioError' || message.name === 'PlanInputError' ? 'bad_request' : 'internal';
        finish(() => reject(new ApiError(code, message.message, message.issues)));
      }
    });
    worker.on('error', (error) => finish(() => reject(new ApiError('internal', `The planning worker failed: ${error.message}`))));
    worker.on('exit', (code) => finish(() => reject(new ApiError('internal', `The planning worker stopped unexpectedly (exit ${code}).`))));
  });
}
