// The templates' warehouse: a private PostgreSQL (Debian packages, data in a temporary folder) with the
// database `warehouse` and the tables of workflows/sql/*.sql, which a user runs once against their own
// warehouse (workflows/README.md). Queried with the cluster's own psql, so tests need no client library.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureServices, startPostgres } from '../services';

export const SQL_DIR = path.join(__dirname, '..', '..', 'workflows', 'sql');

export interface Warehouse {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	/** Rows of a SELECT as objects (json_agg), [] when none. */
	query<T = Record<string, unknown>>(sql: string): T[];
	/** Runs statements (DDL, inserts) and returns psql's output. */
	exec(sql: string): string;
	stop(): Promise<void>;
}

export async function startWarehouse(): Promise<Warehouse> {
	const bin = ensureServices();
	const pg = await startPostgres();
	const database = 'warehouse';
	const psql = (db: string, sql: string) =>
		execFileSync(
			path.join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(pg.port),
				'-U',
				pg.user,
				'-d',
				db,
				'-v',
				'ON_ERROR_STOP=1',
				'-qAt',
			],
			{ input: sql, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
		);
	psql('postgres', `CREATE DATABASE ${database};`);
	for (const file of fs
		.readdirSync(SQL_DIR)
		.filter((f) => f.endsWith('.sql'))
		.sort()) {
		psql(database, fs.readFileSync(path.join(SQL_DIR, file), 'utf8'));
	}
	return {
		host: '127.0.0.1',
		port: pg.port,
		database,
		user: pg.user,
		// The private cluster trusts loopback; n8n's Postgres credential still wants a value.
		password: 'sandbox',
		query: (sql) => {
			const out = psql(
				database,
				`SELECT coalesce(json_agg(t), '[]') FROM (${sql.replace(/;\s*$/, '')}) t;`,
			);
			return JSON.parse(out.trim() || '[]');
		},
		exec: (sql) => psql(database, sql),
		stop: () => pg.stop(),
	};
}
