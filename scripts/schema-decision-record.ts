/** Writes static/decision-record-2.schema.json from the format's schema (src/lib/server/decision-record-schema.ts). */
import { writeFileSync } from 'node:fs';
import { decisionRecord2JsonSchema } from '../src/lib/server/decision-record-schema';

writeFileSync(new URL('../static/decision-record-2.schema.json', import.meta.url), `${JSON.stringify(decisionRecord2JsonSchema(), null, '\t')}\n`);
