/** What every handler gets: the open workspace, the event hub, and which face is serving. */
import type { AppInfo } from '../../core/api';
import type { Workspace } from '../../db/workspace';
import type { EventHub } from '../events';

export interface HandlerContext {
  /** The open workspace; a getter because the desktop app can switch files. */
  workspace(): Workspace;
  events: EventHub;
  face: AppInfo['face'];
}
