#!/usr/bin/env node
// Entry for `npx shuzhi …` / a global install: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
