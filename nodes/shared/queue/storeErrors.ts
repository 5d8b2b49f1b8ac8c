import { QUEUE_COLUMNS } from './records';

/**
 * n8n's Data Table node (2.41), set to continue on error, passes a write its store refused with a plain error
 * (the size cap among them) on to its regular output as if it were written: only a row with the store's `id`
 * proves the write. This is the error such an item is given; classifyStoreError reads it as a full store.
 */
export const WRITE_NOT_CONFIRMED =
	'write not confirmed: the Data Table node passed the refused write on without a row (n8n does this when the data table size limit is exceeded, N8N_DATA_TABLES_MAX_SIZE_BYTES)';

/**
 * The store's id of a queue row a store node returned, or undefined for anything else (a write passed on
 * without a row, an empty answer). The Data Table node gives a number; PostgreSQL hands a bigint over as text.
 */
export function storedRowId(json: Record<string, unknown>): number | undefined {
	if (typeof json.key !== 'string') return undefined;
	const { id } = json;
	if (typeof id === 'number') return Number.isFinite(id) ? id : undefined;
	return typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : undefined;
}

/** Whether a store node's output item is a queue row the store returned (it has the store's id). */
export function isStoredRow(json: Record<string, unknown>): boolean {
	return storedRowId(json) !== undefined;
}

/**
 * The answer of `revops_queue_enqueue` (workflows/sql/01-revops-queue.sql) as the Postgres node returns it:
 * `{stored: true}` for a new row, `{stored: false}` for a repeat of a stored key (idempotent, not an error).
 */
export function enqueueAnswer(json: Record<string, unknown>): 'stored' | 'repeat' | undefined {
	if (Object.keys(json).length !== 1 || typeof json.stored !== 'boolean') return undefined;
	return json.stored ? 'stored' : 'repeat';
}

/** How intake answers the sender when the store refused a row. */
export interface StoreRefusal {
	status: 500 | 503;
	/** Seconds the sender should wait before sending again (503 only). */
	retryAfter?: number;
	reason: string;
	/** What an operator must do; also the alert's text. */
	action: string;
	kind: 'full' | 'missingTable' | 'wrongShape' | 'unavailable';
}

const columnList = QUEUE_COLUMNS.map((column) => `${column.name} (${column.type})`).join(', ');

/**
 * Reads the error n8n's Data Table (or Postgres) node gave when a row could not be stored. Full and
 * unavailable stores answer 503 with Retry-After, so nothing is lost: the sender keeps the row. A missing
 * or wrongly shaped table is a setup mistake (500) whose reason names what to create.
 */
export function classifyStoreError(
	message: string,
	table: string,
	retryAfterSeconds: number,
): StoreRefusal {
	const text = message || 'unknown error';
	// "write not confirmed": the Data Table node passed a refused write on as data; n8n does that for the size cap.
	if (
		/size limit exceeded|storage limit|disk is full|no space left|write not confirmed/i.test(text)
	)
		return {
			status: 503,
			retryAfter: retryAfterSeconds,
			kind: 'full',
			reason: `the intake store is full (${text})`,
			action: `Drain or purge "${table}" (done rows are purged after the retention window), or raise N8N_DATA_TABLES_MAX_SIZE_BYTES; refused rows stay in the sender and are accepted once there is room`,
		};
	// A missing column first: its message also says "does not exist", and often names the table.
	if (/unknown column|column.*(not found|do(es)? not exist)|could not find the column/i.test(text))
		return {
			status: 500,
			kind: 'wrongShape',
			reason: `the intake store "${table}" lacks a column (${text})`,
			action: `Give the data table "${table}" the columns ${columnList}`,
		};
	// PostgreSQL: the queue table or its functions were never created in this database.
	if (/(relation|function) .*does not exist/i.test(text))
		return {
			status: 500,
			kind: 'missingTable',
			reason: `the intake store "${table}" does not exist (${text})`,
			action: `Run workflows/sql/01-revops-queue.sql in the PostgreSQL database of the Postgres credential: it creates "${table}" and its functions (idempotent)`,
		};
	if (
		/not found|could not be found|could not find the data table|does not exist|no such table/i.test(
			text,
		)
	)
		return {
			status: 500,
			kind: 'missingTable',
			reason: `the intake store "${table}" does not exist (${text})`,
			action: `Run the workflow's one-time setup (its manual trigger) once, or create the data table "${table}" with the columns ${columnList}`,
		};
	return {
		status: 503,
		retryAfter: retryAfterSeconds,
		kind: 'unavailable',
		reason: `the intake store is unavailable (${text})`,
		action: 'Check the n8n database; the sender keeps the row and sends it again',
	};
}
