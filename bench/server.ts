/**
 * The bench's server process: the real application (buildApp) listening on a loopback port, over
 * PostgreSQL (`--postgres URL`) or an embedded data folder (`--pglite DIR`). It tells its parent
 * the port over IPC and stops cleanly on SIGTERM. Run by bench/intake.ts, which measures its RSS.
 */
import { openEmbedded, openPostgres, type Database } from '../src/db/index.js';
import { benchApp } from './app.js';

const [mode, target] = process.argv.slice(2);
if (!target || (mode !== '--postgres' && mode !== '--pglite'))
  throw new Error('usage: server.ts --postgres URL | --pglite DIR');
const database: Database =
  mode === '--postgres'
    ? await openPostgres({ connectionString: target, max: 10 })
    : await openEmbedded({ dataDir: target });
const app = await benchApp(database);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.send?.({ port });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
