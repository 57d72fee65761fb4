/**
 * Runs one plan in a worker thread so the app stays responsive: the plan input comes as worker
 * data; messages out are progress, the plan, or an error. Cancel terminates the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planMigration, type PlanInput } from '../../core/planning';

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; plan: unknown }
  | { type: 'error'; name: string; message: string; issues?: string[] };

const port = parentPort!;

try {
  const plan = await planMigration(workerData as PlanInput, {
    onProgress: (done, total, label) => port.postMessage({ type: 'progress', done, total, label } satisfies WorkerMessage),
  });
  port.postMessage({ type: 'done', plan } satisfies WorkerMessage);
} catch (error) {
  const e = error as { name?: string; message?: string; issues?: string[] };
  port.postMessage({ type: 'error', name: e.name ?? 'Error', message: e.message ?? String(error), issues: e.issues } satisfies WorkerMessage);
}
