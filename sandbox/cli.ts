/**
 * `npm run sandbox -- [options]`: the sandbox command of the generated package (`apiv3-sandbox`), run
 * from source over the specs in `--spec DIR` (default `spec/`).
 */
import { CliError, main } from '../templates/sandbox/cli.ts';
import { DEFAULT_SPEC_DIR, loadModel, sandboxTables, SpecError } from './server.ts';

main({
  program: 'npm run sandbox --',
  acceptsSpec: true,
  tables: async (specDir) => {
    try {
      return sandboxTables(await loadModel(specDir ?? DEFAULT_SPEC_DIR));
    } catch (error) {
      if (error instanceof SpecError) throw new CliError(error.message, 1);
      throw error;
    }
  },
});
