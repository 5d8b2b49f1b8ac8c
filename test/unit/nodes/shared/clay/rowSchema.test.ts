import {
	checkRow,
	fieldDeclarationProblems,
	type RowField,
} from '../../../../../nodes/shared/clay';

const fields: RowField[] = [
	{ name: 'domain', type: 'domain', required: true },
	{ name: 'email', type: 'email', required: false },
	{ name: 'employees', type: 'number', required: false },
	{ name: 'is_customer', type: 'boolean', required: false },
	{ name: 'website', type: 'url', required: false },
	{ name: 'founded', type: 'date', required: false },
	{ name: 'name', type: 'string', required: true },
];

describe('checkRow', () => {
	it('coerces what Clay sends as text and keeps undeclared columns', () => {
		const result = checkRow(
			{
				domain: ' Acme.COM ',
				email: 'Jane@Acme.com',
				employees: '12,500',
				is_customer: 'Yes',
				website: 'https://acme.com/about',
				founded: '2020-05-01',
				name: 42,
				extra: { nested: true },
			},
			fields,
		);
		expect(result).toEqual({
			ok: true,
			row: {
				domain: 'acme.com',
				email: 'jane@acme.com',
				employees: 12500,
				is_customer: true,
				website: 'https://acme.com/about',
				founded: '2020-05-01T00:00:00.000+00:00',
				name: '42',
				extra: { nested: true },
			},
		});
	});

	it.each(['', 'N/A', 'null', null, '  '])(
		'treats %p as missing: dropped when optional, "required" when not',
		(empty) => {
			expect(checkRow({ domain: 'acme.com', name: 'Acme', employees: empty }, fields)).toEqual({
				ok: true,
				row: { domain: 'acme.com', name: 'Acme' },
			});
			expect(checkRow({ domain: empty, name: 'Acme' }, fields)).toEqual({
				ok: false,
				errors: [{ field: 'domain', reason: 'required' }],
			});
		},
	);

	it('names every bad field with a reason, in declaration order', () => {
		const result = checkRow(
			{
				domain: 'https://acme.com/x',
				email: 'not-an-email',
				employees: 'many',
				is_customer: 'maybe',
				website: 'ftp://acme.com',
				founded: 'last year',
			},
			fields,
		);
		expect(result).toEqual({
			ok: false,
			errors: [
				{ field: 'domain', reason: 'expected a domain such as acme.com (no scheme or path)' },
				{ field: 'email', reason: 'expected an email address' },
				{ field: 'employees', reason: 'expected a number' },
				{ field: 'is_customer', reason: 'expected true or false' },
				{ field: 'website', reason: 'expected an http(s) URL' },
				{ field: 'founded', reason: 'expected an ISO 8601 date, e.g. 2024-05-01' },
				{ field: 'name', reason: 'required' },
			],
		});
	});

	it('accepts real numbers and booleans as they are', () => {
		const result = checkRow(
			{ domain: 'xn--bcher-kva.de', name: 'B', employees: 0, is_customer: false },
			fields,
		);
		expect(result).toEqual({
			ok: true,
			row: { domain: 'xn--bcher-kva.de', name: 'B', employees: 0, is_customer: false },
		});
	});
});

describe('fieldDeclarationProblems', () => {
	it('reports blank, duplicate and unknown declarations', () => {
		expect(
			fieldDeclarationProblems([
				{ name: '', type: 'string', required: false },
				{ name: 'a', type: 'number', required: false },
				{ name: 'a', type: 'nope' as never, required: false },
			]),
		).toEqual([
			'Field 1 has no name',
			'Field "a" is declared twice',
			'Field "a" has unknown type "nope"',
		]);
	});
});
