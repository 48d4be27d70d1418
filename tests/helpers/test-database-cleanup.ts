import { afterAll } from 'vitest';
import { dropTestDatabases } from './test-database';

// Vitest setup file: each test file drops the databases (and SQLite folders) it made.
afterAll(dropTestDatabases);
