import {
	canonicalJson,
	enqueueRecord,
	missingColumns,
	QUEUE_COLUMNS,
	rowKey,
} from '../../../../../nodes/shared/queue';

describe('queue records', () => {
	test('the same row in another key order has the same key; a changed value a new one', () => {
		const a = rowKey({ domain: 'acme.com', email: 'a@acme.com', fit: 80 }, []);
		const b = rowKey({ fit: 80, email: 'a@acme.com', domain: 'acme.com' }, []);
		const c = rowKey({ fit: 81, email: 'a@acme.com', domain: 'acme.com' }, []);
		expect(a).toBe(b);
		expect(c).not.toBe(a);
		expect(a).toMatch(/^[0-9a-f]{64}$/);
	});

	test('key fields: only they count, a missing field counts as null', () => {
		expect(rowKey({ domain: 'acme.com', fit: 1 }, ['domain'])).toBe(
			rowKey({ domain: 'acme.com', fit: 2 }, ['domain']),
		);
		expect(rowKey({ domain: 'acme.com' }, ['domain', 'email'])).toBe(
			rowKey({ domain: 'acme.com', email: null }, ['domain', 'email']),
		);
		expect(rowKey({ domain: 'acme.com' }, ['domain'])).not.toBe(
			rowKey({ domain: 'acme.org' }, ['domain']),
		);
	});

	test('canonical JSON sorts nested keys and keeps arrays in order', () => {
		expect(canonicalJson({ b: [2, { y: 1, x: 2 }], a: 'é' })).toBe(
			'{"a":"é","b":[2,{"x":2,"y":1}]}',
		);
	});

	test('a new record is pending, due now, and carries the row as JSON', () => {
		const record = enqueueRecord({ domain: 'acme.com' }, [], 1_000);
		expect(record).toMatchObject({
			state: 'pending',
			attempts: 0,
			available_at: 1_000,
			received_at: 1_000,
			claim: '',
			done_at: 0,
		});
		expect(JSON.parse(record.payload)).toEqual({ domain: 'acme.com' });
		expect(Object.keys(record).sort()).toEqual(QUEUE_COLUMNS.map((c) => c.name).sort());
	});

	test('missing columns are named', () => {
		expect(missingColumns({ key: 'k', payload: '{}' })).toEqual([
			'state',
			'attempts',
			'available_at',
			'claim',
			'last_error',
			'received_at',
			'done_at',
		]);
	});
});
