/** Writes static/decision-record-2.schema.json from the format's schema (src/lib/schemas/decision-record-2.ts). */
import { writeFileSync } from 'node:fs';
import { decisionRecord2JsonSchema } from '../src/lib/schemas/decision-record-2';

writeFileSync(new URL('../static/decision-record-2.schema.json', import.meta.url), `${JSON.stringify(decisionRecord2JsonSchema(), null, '\t')}\n`);
