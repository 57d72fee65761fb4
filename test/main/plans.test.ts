import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap, type Channel, type RequestOf, type ResponseOf } from '../../core/api';
import { dispatch } from '../../main/dispatch';
import { startSession, type Session } from '../../main/session';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();
let session: Session | null = null;
afterEach(() => session?.close());

async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  return unwrap(await dispatch(session!.handlers, channel, request)) as ResponseOf<C>;
}

const SCENARIO = { name: 'Exit', exitVendor: 'anthropic', startDate: '2027-01-04', deadline: '2027-07-01', iterations: 200, seed: 5 };

describe('plans in a workspace', () => {
  it('keeps overrides with the scenario so a re-plan honours them', async () => {
    // The default workspace starts with the demo inventory.
    process.env.BRIDGEHEAD_DATA_DIR = tmp();
    session = await startSession({ face: 'cli' });
    const first = await call('plan.run', { scenario: SCENARIO });
    const plan1 = (await call('plan.get', { id: first.id })).plan;
    const victim = plan1.workloads.find((w) => w.status === 'planned')!;

    await call('scenario.setOverride', { scenario: 'Exit', override: { workloadId: victim.id, exclude: true } });
    const second = await call('plan.run', { scenario: { ...SCENARIO } });
    const plan2 = (await call('plan.get', { id: 'latest' })).plan;
    expect(second.id).toBeGreaterThan(first.id);
    expect(plan2.workloads.find((w) => w.id === victim.id)).toMatchObject({ status: 'out_of_scope', target: null });
    expect(second.summary.counts.planned).toBe(first.summary.counts.planned - 1);

    await call('scenario.setOverride', { scenario: 'Exit', override: { workloadId: victim.id }, clear: true });
    await call('plan.run', { scenario: SCENARIO });
    const plan3 = (await call('plan.get', { id: 'latest' })).plan;
    expect(plan3.workloads.find((w) => w.id === victim.id)?.status).toBe('planned');
    expect((await call('plan.list', {})).map((p) => p.id)).toHaveLength(3);
    delete process.env.BRIDGEHEAD_DATA_DIR;
  });

  it('cancels a running plan', async () => {
    session = await startSession({ workspace: join(tmp(), 'cancel.bridgehead'), face: 'cli' });
    const running = call('plan.run', { scenario: { ...SCENARIO, iterations: 100_000 }, taskId: 'to-cancel' });
    expect(await call('plan.cancel', { taskId: 'to-cancel' })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(await call('plan.list', {})).toEqual([]);
  });
});
