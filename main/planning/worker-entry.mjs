// Worker thread bootstrap: the planning engine is TypeScript, loaded through tsx like the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./plan-worker.ts');
