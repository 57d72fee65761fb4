export * from './channel';
export * from './contract';
export * from './errors';
export * from './events';
export type * from './workspace';
export type * from './bridge';
export * from './inventory';
export * from './catalog';
export type { PlanExportResult, PlanDownloadResult } from './exports';
