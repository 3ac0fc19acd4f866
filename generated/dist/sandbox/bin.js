#!/usr/bin/env node
// `apiv3-sandbox`: the sandbox serving the operations this package was generated from.
import { operations } from '../operations.js';
import { sandboxData } from '../sandbox-data.js';
import { validators } from '../validators.js';
import { main } from './cli.js';

main({
  program: 'npx apiv3-sandbox',
  acceptsSpec: false,
  tables: async () => ({ operations, schemas: validators, data: sandboxData }),
});
