/**
 * A script of calls covering every channel, for the contract test. Later calls may use earlier
 * results (a commit needs its preview's id). Adding a channel without a call here fails the test.
 */
import { join } from 'node:path';
import type { Channel, RequestOf } from '../../core/api';

export interface ScriptState {
  previewId?: string;
}

type Call<C extends Channel = Channel> = { channel: C; request: (state: ScriptState) => RequestOf<C>; keep?: (result: unknown, state: ScriptState) => void };
const call = <C extends Channel>(c: Call<C>): Call => c as unknown as Call;

const fixture = join(process.cwd(), 'test', 'fixtures', 'api', 'small-inventory.csv');

export const callScript: Call[] = [
  call({ channel: 'app.info', request: () => ({}) }),
  call({ channel: 'workspace.info', request: () => ({}) }),
  call({
    channel: 'inventory.preview',
    request: () => ({ file: { kind: 'path', path: fixture } }),
    keep: (result, state) => (state.previewId = (result as { previewId: string }).previewId),
  }),
  call({ channel: 'inventory.commit', request: (s) => ({ previewId: s.previewId!, skipInvalid: true, replace: false }) }),
  call({ channel: 'inventory.query', request: () => ({ sort: 'name', direction: 'desc', limit: 10 }) }),
  call({ channel: 'inventory.facets', request: () => ({}) }),
  call({
    channel: 'inventory.preview',
    request: () => ({ file: { kind: 'path', path: fixture }, mapping: { 'Depends On': 'custom' } }),
    keep: (result, state) => (state.previewId = (result as { previewId: string }).previewId),
  }),
  call({ channel: 'inventory.discardPreview', request: (s) => ({ previewId: s.previewId! }) }),
];
