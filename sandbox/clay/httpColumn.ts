// Plays Clay's "HTTP API" enrichment column: for each row of a table, call a URL with the
// configured method, headers and a body templated from the row's cells (`{{Column}}`), then store
// the JSON response in an output column and chosen response fields in their own columns.
import { SlidingWindow } from '../limiter';
import type { ClayRow, ClayState } from './state';

export interface HttpColumnConfig {
	url: string;
	method?: string;
	headers?: Record<string, string>;
	/** Template with `{{Column}}` tokens; omitted = the row's cells as they are. */
	body?: unknown;
	/** Column that receives the parsed response. */
	outputColumn?: string;
	/** column name → dotted path in the response (`data.score`, `items.0.id`). */
	fields?: Record<string, string>;
	/** Only these rows (default: all). */
	rowIds?: string[];
	/** Rows in flight at once. */
	concurrency?: number;
	timeoutMs?: number;
	/**
	 * Clay's pace: rows started per second on average, with bursts of `burst` (Clay sends about 10 rows/s
	 * per workspace in bursts of 20). Unset: as fast as the concurrency allows.
	 */
	rowsPerSecond?: number;
	burst?: number;
}

export interface RowOutcome {
	rowId: string;
	status: number;
	error?: string;
	/** From sending the request to the end of the answer. */
	ms?: number;
	retryAfter?: string;
}

const TOKEN = /\{\{\s*([^}]+?)\s*\}\}/g;
const WHOLE_TOKEN = /^\{\{\s*([^}]+?)\s*\}\}$/;

/** A string that is one token keeps the cell's type; tokens inside text are stringified. */
function fill(template: unknown, cells: Record<string, unknown>): unknown {
	if (typeof template === 'string') {
		const whole = WHOLE_TOKEN.exec(template);
		if (whole) return cells[whole[1]] ?? null;
		return template.replace(TOKEN, (_, name: string) => {
			const value = cells[name];
			return value === undefined || value === null
				? ''
				: typeof value === 'object'
					? JSON.stringify(value)
					: String(value);
		});
	}
	if (Array.isArray(template)) return template.map((item) => fill(item, cells));
	if (template && typeof template === 'object') {
		return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fill(v, cells)]));
	}
	return template;
}

function at(value: unknown, path: string): unknown {
	let current = value;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

async function runRow(row: ClayRow, config: HttpColumnConfig): Promise<RowOutcome> {
	const method = (config.method ?? 'POST').toUpperCase();
	const output = config.outputColumn ?? 'HTTP API';
	const url = String(fill(config.url, row.cells));
	const hasBody = method !== 'GET' && method !== 'HEAD';
	const stamp = () => new Date().toISOString();
	const started = performance.now();
	const took = () => Math.round((performance.now() - started) * 10) / 10;
	try {
		const response = await fetch(url, {
			method,
			headers: { 'content-type': 'application/json', ...(config.headers ?? {}) },
			body: hasBody
				? JSON.stringify(config.body === undefined ? row.cells : fill(config.body, row.cells))
				: undefined,
			signal: AbortSignal.timeout(config.timeoutMs ?? 30_000),
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			// Not JSON: Clay shows the raw text in the cell.
		}
		row.cells[output] = parsed;
		if (!response.ok) {
			row.http = { status: response.status, error: `HTTP ${response.status}`, at: stamp() };
			const retryAfter = response.headers.get('retry-after') ?? undefined;
			return {
				rowId: row.id,
				status: response.status,
				error: row.http.error,
				ms: took(),
				retryAfter,
			};
		}
		for (const [column, path] of Object.entries(config.fields ?? {}))
			row.cells[column] = at(parsed, path) ?? null;
		row.http = { status: response.status, at: stamp() };
		return { rowId: row.id, status: response.status, ms: took() };
	} catch (error) {
		const message = (error as Error).message;
		row.cells[output] = { error: message };
		row.http = { status: 0, error: message, at: stamp() };
		return { rowId: row.id, status: 0, error: message, ms: took() };
	}
}

export async function runHttpColumn(clay: ClayState, tableId: string, config: HttpColumnConfig) {
	const table = clay.tables.get(tableId);
	if (!table) throw new Error(`No Clay table ${tableId}`);
	if (typeof config.url !== 'string' || !config.url) throw new Error('url is required');
	const rows = config.rowIds
		? table.rows.filter((r) => config.rowIds!.includes(r.id))
		: [...table.rows];
	const outcomes: RowOutcome[] = new Array(rows.length);
	let next = 0;
	// Average pace over a window of `burst` rows: at most `burst` rows started in any burst/rate seconds.
	const pace =
		config.rowsPerSecond && config.rowsPerSecond > 0
			? new SlidingWindow(
					Math.max(1, config.burst ?? 1),
					(1000 * Math.max(1, config.burst ?? 1)) / config.rowsPerSecond,
				)
			: undefined;
	const turn = async () => {
		if (!pace) return;
		for (let wait = pace.waitMs(Date.now()); wait > 0; wait = pace.waitMs(Date.now()))
			await new Promise((resolve) => setTimeout(resolve, wait));
		pace.record(Date.now());
	};
	const worker = async () => {
		while (next < rows.length) {
			const index = next++;
			await turn();
			outcomes[index] = await runRow(rows[index], config);
		}
	};
	const concurrency = Math.max(1, Math.min(config.concurrency ?? 1, 50));
	await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
	const failed = outcomes.filter((o) => o.error).length;
	return {
		tableId,
		total: rows.length,
		succeeded: rows.length - failed,
		failed,
		results: outcomes,
	};
}
