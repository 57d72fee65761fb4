import type { workspaceChannels } from '../../core/api/workspace';
import { getMeta } from '../../db/repositories/meta';
import { APP_NAME, appVersion } from '../paths';
import type { HandlerContext } from './context';
import type { HandlerPart } from './types';

export function workspaceHandlers(ctx: HandlerContext): HandlerPart<keyof typeof workspaceChannels> {
  return {
    'app.info': () => ({ name: APP_NAME, version: appVersion(), face: ctx.face, node: process.versions.node }),
    'workspace.info': () => {
      const ws = ctx.workspace();
      const count = ws.db.prepare('SELECT count(*) AS n FROM workloads').get() as { n: number };
      return {
        name: ws.name,
        path: ws.path,
        isDemo: getMeta(ws.db, 'demo') === '1',
        createdAt: getMeta(ws.db, 'created_at') ?? '',
        schemaVersion: ws.schemaVersion,
        counts: { workloads: count.n },
      };
    },
  };
}
