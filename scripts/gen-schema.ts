// Writes schema/mlready.schema.json from the rule registry (run by `npm run build`; a meta test checks it is current).
import { writeFileSync } from 'node:fs';
import { configSchema } from '../src/engine/config/schema';
import { RULES } from '../src/engine/rules/index';

writeFileSync('schema/mlready.schema.json', `${JSON.stringify(configSchema(RULES), null, 2)}\n`);
