import { MigrationError, migrateToPostgres } from './storage/migrateToPostgres.ts';

// npm run migrate:postgres — copies DATA_DIR's SQLite file into the empty database at DATABASE_URL.
const dataDir = process.env.DATA_DIR ?? './data';
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: the Postgres database to copy into, e.g. postgres://user@host/little_stool');
  process.exit(2);
}
try {
  const report = await migrateToPostgres(dataDir, url);
  const counts = Object.entries(report.rows)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  console.log(
    `copied and verified: ${counts}; ${report.rooms} rooms hash the same on both sides; ${report.eventIds} event ids claimed`,
  );
} catch (e) {
  const code = e instanceof MigrationError ? e.code : 'failed';
  console.error(`migration ${code}: ${(e as Error).message}; nothing was committed to Postgres`);
  process.exit(1);
}
