// Generates the TypeScript types of the API (src/api.gen.ts) from the server's OpenAPI
// document, itself generated from the Rust structs (crates/quhua-server/openapi.json).
// `node scripts/api-types.mjs` writes the file; `--check` fails when it is out of date.
import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const doc = JSON.parse(readFileSync(here('../../crates/quhua-server/openapi.json'), 'utf8'));
const header = '// Generated from crates/quhua-server/openapi.json by scripts/api-types.mjs: do not edit.\n';
const text = header + astToString(await openapiTS(doc, { defaultNonNullable: false }));
const target = here('../src/api.gen.ts');
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch { /* missing counts as stale */ }
  if (current !== text) {
    console.error('web/src/api.gen.ts is out of date with crates/quhua-server/openapi.json: run `npm run gen:api` in web/');
    process.exit(1);
  }
  console.log('api.gen.ts matches openapi.json');
} else {
  writeFileSync(target, text);
  console.log('wrote src/api.gen.ts');
}
