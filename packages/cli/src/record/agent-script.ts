import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-root.js';

/**
 * The preload script heapdiff puts into a recorded Node.js program, shipped with the package
 * (`record-agent/` beside `bundle/` and `dist/`, listed in package.json's `files`).
 */
export const AGENT_SCRIPT = fileURLToPath(new URL('record-agent/agent.cjs', packageRoot));
