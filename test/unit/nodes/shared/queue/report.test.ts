import { DRAIN_LOCK_KEY, reportRows } from '../../../../../nodes/shared/queue';

describe('reportRows', () => {
	const stored = {
		id: '17',
		key: 'abc',
		payload: '{"domain":"acme.com","email":"ada@acme.com"}',
		state: 'dead',
		attempts: 5,
		available_at: 8.64e15,
		claim: '',
		last_error: 'HubSpot refused the contact: email is invalid',
		received_at: Date.UTC(2026, 11, 6, 9, 30),
		done_at: 0,
	};

	test('opens each row: payload back to the row, id as a number, time as a date', () => {
		expect(reportRows([stored])).toEqual({
			count: 1,
			rows: [
				{
					id: 17,
					key: 'abc',
					state: 'dead',
					attempts: 5,
					lastError: 'HubSpot refused the contact: email is invalid',
					receivedAt: '2026-12-06T09:30:00.000Z',
					row: { domain: 'acme.com', email: 'ada@acme.com' },
				},
			],
		});
	});

	test('an empty result, the lock row and non-rows are left out rather than shown blank', () => {
		expect(
			reportRows([
				{},
				{ success: true },
				{ ...stored, key: DRAIN_LOCK_KEY },
				{ id: 'x', key: 'k' },
			]),
		).toEqual({ count: 0, rows: [] });
	});

	test('a payload that cannot be read is reported with the reason, not dropped', () => {
		const { rows } = reportRows([
			{ ...stored, payload: 'not json' },
			{ ...stored, id: 18, payload: '[1]' },
		]);
		expect(rows.map((r) => [r.id, r.row, r.payloadError])).toEqual([
			[17, undefined, expect.stringMatching(/^payload is not JSON/)],
			[18, undefined, 'payload is not a JSON object'],
		]);
	});
});
