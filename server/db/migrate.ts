/**
 * Applies the drizzle-kit migrations in server/db/migrations (idempotent; run at every start). Several
 * API nodes may start at once against one primary: drizzle applies the pending migrations in one atomic
 * batch, so a node that loses the race fails without changing anything, looks again, and finds nothing
 * left to do.
 */
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function migrateDatabase(db: Db, attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(db, { migrationsFolder });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}
