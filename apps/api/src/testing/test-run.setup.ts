import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** The template database of a test run on PostgreSQL (the run's teardown drops it). */
export function templateDatabaseName(runId: string): string {
  return `zj_template_${runId}`;
}

/**
 * The root vitest config's globalSetup: a place for this run's migrated database copy (see
 * test-database.ts), removed when the run ends, with the template database on PostgreSQL.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const id = crypto.randomBytes(6).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-test-run-'));
  project.provide('testRunId', id);
  project.provide('testRunDir', dir);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`drop database if exists ${templateDatabaseName(id)} with (force)`);
      } finally {
        await admin.end();
      }
    }
  };
}
