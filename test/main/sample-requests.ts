/**
 * A script of calls covering every channel, for the contract test. Later calls may use earlier
 * results (a commit needs its preview's id). Adding a channel without a call here fails the test.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, RequestOf } from '../../core/api';

export interface ScriptState {
  previewId?: string;
  offeringId?: string;
  planId?: number;
}

type Call<C extends Channel = Channel> = { channel: C; request: (state: ScriptState) => RequestOf<C>; keep?: (result: unknown, state: ScriptState) => void };
const call = <C extends Channel>(c: Call<C>): Call => c as unknown as Call;

const fixture = join(process.cwd(), 'test', 'fixtures', 'api', 'small-inventory.csv');
const priceFile = join(process.cwd(), 'test', 'fixtures', 'catalog', 'tiny-genai.json');
const HAIKU = 'anthropic/claude-haiku-4-5@direct_api/global';
/** Both faces write the same file (same plan, same bytes); removed once both have answered. */
const exportPath = join(tmpdir(), `bridgehead-contract-export-${process.pid}.json`);

export const callScript: Call[] = [
  call({ channel: 'app.info', request: () => ({}) }),
  call({ channel: 'workspace.info', request: () => ({}) }),
  call({
    channel: 'inventory.preview',
    request: () => ({ file: { kind: 'path', path: fixture } }),
    keep: (result, state) => (state.previewId = (result as { previewId: string }).previewId),
  }),
  call({ channel: 'inventory.commit', request: (s) => ({ previewId: s.previewId!, skipInvalid: true, replace: false }) }),
  call({ channel: 'inventory.import', request: () => ({ file: { kind: 'path', path: fixture }, skipInvalid: true, replace: false }) }),
  call({ channel: 'inventory.query', request: () => ({ sort: 'name', direction: 'desc', limit: 10 }) }),
  call({ channel: 'inventory.facets', request: () => ({}) }),
  call({ channel: 'inventory.vendorDependency', request: () => ({ vendor: 'anthropic' }) }),
  call({
    channel: 'inventory.preview',
    request: () => ({ file: { kind: 'path', path: fixture }, mapping: { 'Depends On': 'custom' } }),
    keep: (result, state) => (state.previewId = (result as { previewId: string }).previewId),
  }),
  call({ channel: 'inventory.discardPreview', request: (s) => ({ previewId: s.previewId! }) }),
  call({
    channel: 'plan.run',
    request: () => ({ scenario: { name: 'Contract test', exitVendor: 'anthropic', startDate: '2027-01-04', deadline: '2027-06-30', iterations: 200, seed: 11 } }),
    keep: (result, state) => (state.planId = (result as { id: number }).id),
  }),
  call({ channel: 'plan.list', request: () => ({}) }),
  call({ channel: 'plan.get', request: () => ({ id: 'latest' }) }),
  call({ channel: 'plan.export', request: () => ({ id: 'latest', format: 'json', path: exportPath }), keep: () => rmSync(exportPath, { force: true }) }),
  call({ channel: 'plan.exportDownload', request: (s) => ({ id: s.planId!, format: 'csv', csvBom: true }) }),
  call({ channel: 'scenario.list', request: () => ({}) }),
  call({ channel: 'scenario.setOverride', request: () => ({ scenario: 'Contract test', override: { workloadId: 'W2', exclude: true } }) }),
  call({ channel: 'plan.cancel', request: () => ({ taskId: 'no-such-task' }) }),
  call({ channel: 'plan.delete', request: (s) => ({ id: s.planId! }) }),
  call({ channel: 'catalog.get', request: () => ({}) }),
  call({
    channel: 'catalog.updateOffering',
    request: () => ({ offeringId: HAIKU, patch: { listPrices: { inputPerMTok: 0.9 }, qualityByMission: { logistics: 72 } }, note: 'contract test' }),
  }),
  call({
    channel: 'catalog.addOffering',
    request: () => ({
      offering: { provider: 'meta', model: 'llama-3.3-70b', route: 'self_hosted', region: 'enclave', authorization: { maxClassification: 'secret' }, contextWindow: 128000 },
    }),
    keep: (result, state) => (state.offeringId = (result as { offeringId: string }).offeringId),
  }),
  call({ channel: 'catalog.setContractPrice', request: (s) => ({ offeringId: s.offeringId!, inputPerMTok: 0.3, reference: 'O&M task order' }) }),
  call({ channel: 'catalog.removeContractPrice', request: (s) => ({ offeringId: s.offeringId! }) }),
  call({ channel: 'catalog.removeOffering', request: (s) => ({ offeringId: s.offeringId! }) }),
  call({
    channel: 'catalog.refreshPreview',
    request: () => ({ file: { kind: 'path', path: priceFile }, format: 'genai-prices' }),
    keep: (result, state) => (state.previewId = (result as { previewId: string }).previewId),
  }),
  call({ channel: 'catalog.refreshApply', request: (s) => ({ previewId: s.previewId!, add: 'all' }) }),
  call({
    channel: 'catalog.refreshPreview',
    request: () => ({ file: { kind: 'path', path: priceFile } }),
    keep: (result, state) => (state.previewId = (result as { previewId: string }).previewId),
  }),
  call({ channel: 'catalog.discardRefresh', request: (s) => ({ previewId: s.previewId! }) }),
  call({ channel: 'catalog.export', request: () => ({}) }),
];
