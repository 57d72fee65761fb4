#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout (no build step): tsx compiles on load.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
