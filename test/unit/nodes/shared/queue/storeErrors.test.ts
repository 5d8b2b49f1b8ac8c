import {
	enqueueAnswer,
	classifyStoreError,
	isStoredRow,
	storedRowId,
	WRITE_NOT_CONFIRMED,
} from '../../../../../nodes/shared/queue';

describe('store errors answered to the sender', () => {
	test.each([
		[
			'Validation error with data table request: Data table size limit exceeded: 50MB used, limit is 50MB',
			503,
			'full',
		],
		['Data table with name "revops_clay_intake" not found', 500, 'missingTable'],
		["Could not find the data table: 'abc'", 500, 'missingTable'],
		[
			"Data table with ID 'revops_clay_intake' could not be found in this project",
			500,
			'missingTable',
		],
		[
			'Filter validation failed: Column(s) "claim" do not exist in the selected table.',
			500,
			'wrongShape',
		],
		["Validation error with data table request: unknown column name 'payload'", 500, 'wrongShape'],
		[WRITE_NOT_CONFIRMED, 503, 'full'],
		['relation "revops_queue" does not exist: Failed query: SELECT …', 500, 'missingTable'],
		['column "claim" of relation "revops_queue" does not exist', 500, 'wrongShape'],
		[
			'function revops_queue_enqueue(unknown, text, text, numeric) does not exist',
			500,
			'missingTable',
		],
		['connect ECONNREFUSED 127.0.0.1:5432', 503, 'unavailable'],
		['', 503, 'unavailable'],
	])('%s → %s', (message, status, kind) => {
		const refusal = classifyStoreError(message, 'revops_clay_intake', 30);
		expect(refusal.status).toBe(status);
		expect(refusal.kind).toBe(kind);
		if (status === 503) expect(refusal.retryAfter).toBe(30);
		else expect(refusal.retryAfter).toBeUndefined();
	});

	test('a missing table names the table and every column to create', () => {
		const { action } = classifyStoreError('Data table with name "q" not found', 'q', 30);
		expect(action).toContain('"q"');
		expect(action).toContain('available_at (number)');
		expect(action).toContain('payload (string)');
	});

	test('a table missing from PostgreSQL points at the SQL that creates it', () => {
		const { action } = classifyStoreError(
			'relation "revops_queue" does not exist',
			'revops_queue',
			30,
		);
		expect(action).toContain('workflows/sql/01-revops-queue.sql');
		expect(action).toContain('"revops_queue"');
	});

	test("a stored row is one with the store's id: a number from a Data Table, digits from PostgreSQL", () => {
		expect(storedRowId({ id: 7, key: 'k' })).toBe(7);
		expect(storedRowId({ id: '9007199254740', key: 'k' })).toBe(9007199254740);
		// A write passed on without a row (the input item), an empty answer, an id that is not one, no key.
		expect(isStoredRow({ key: 'k', payload: '{}', state: 'pending' })).toBe(false);
		expect(isStoredRow({ success: true })).toBe(false);
		expect(isStoredRow({ id: 'x7', key: 'k' })).toBe(false);
		expect(isStoredRow({ id: 7 })).toBe(false);
	});

	test('revops_queue_enqueue answers stored true for a new row, false for a repeat; nothing else is its answer', () => {
		expect(enqueueAnswer({ stored: true })).toBe('stored');
		expect(enqueueAnswer({ stored: false })).toBe('repeat');
		expect(enqueueAnswer({ stored: 'true' })).toBeUndefined();
		expect(enqueueAnswer({ success: true })).toBeUndefined();
		expect(enqueueAnswer({ stored: true, error: 'x' })).toBeUndefined();
	});
});
