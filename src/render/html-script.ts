// The page's only script, served from our origin (/app.<hash>.js) under a CSP without inline
// scripts: the files of src/client/, plain JavaScript type-checked against the DOM
// (src/client/tsconfig.json) and linted like the rest, joined in this order inside one function,
// so they share one scope and leave nothing global. The page works fully without it.
import { readFileSync } from 'node:fs';

// Each part may use what the ones before it define; what runs at once comes last (keys.js starts them).
const PARTS = ['page.js', 'triage.js', 'seen.js', 'star.js', 'view.js', 'keys.js'];

// Beside this module: src/client/ when the sources run, dist/client/ (copied by the build) when dist/ does.
const folder = new URL('../client/', import.meta.url);

function readPart(name: string): string {
  return `// ${name}\n${readFileSync(new URL(name, folder), 'utf8')}`;
}

export const APP_JS = `(() => {\n'use strict';\n${PARTS.map(readPart).join('\n')}})();\n`;
