import { normalizeEmail } from '../../../../../nodes/shared/dedupe/normalizeEmail';
import { normalizePhone } from '../../../../../nodes/shared/dedupe/normalizePhone';
import { describeKey, recordFacts, type KeyRule } from '../../../../../nodes/shared/dedupe/keys';

describe('normalizeEmail', () => {
	it('lowercases and reads display-name and mailto forms', () => {
		expect(normalizeEmail('Jane Doe <Jane.Doe@ACME.com>').email).toBe('jane.doe@acme.com');
		expect(normalizeEmail('mailto:ops@acme.io').email).toBe('ops@acme.io');
	});

	it('applies plus-addressing and Gmail dots only when asked', () => {
		expect(normalizeEmail('j.doe+news@gmail.com').email).toBe('j.doe+news@gmail.com');
		expect(normalizeEmail('j.doe+news@gmail.com', { stripPlusTag: true }).email).toBe(
			'j.doe@gmail.com',
		);
		expect(
			normalizeEmail('J.Doe+news@googlemail.com', { stripPlusTag: true, ignoreGmailDots: true })
				.email,
		).toBe('jdoe@gmail.com');
		expect(normalizeEmail('j.doe@acme.com', { ignoreGmailDots: true }).email).toBe(
			'j.doe@acme.com',
		);
	});

	it.each(['jane', '@acme.com', 'jane@', 'jane doe@acme.com'])('rejects %j', (input) => {
		expect(normalizeEmail(input).error).toBeDefined();
	});
});

describe('normalizePhone', () => {
	it('keeps digits and the international prefix, dropping extensions', () => {
		expect(normalizePhone('+1 (415) 555-0100 ext. 12').phone).toBe('+14155550100');
		expect(normalizePhone('0044 20 7946 0958').phone).toBe('+442079460958');
		expect(normalizePhone(4155550100).phone).toBe('4155550100');
	});

	it('adds a default country code to national numbers', () => {
		expect(normalizePhone('020 7946 0958', { defaultCountryCode: '44' }).phone).toBe(
			'+442079460958',
		);
		expect(normalizePhone('1-415-555-0100', { defaultCountryCode: '+1' }).phone).toBe(
			'+14155550100',
		);
		expect(normalizePhone('(415) 555-0100', { defaultCountryCode: '1' }).phone).toBe(
			'+14155550100',
		);
	});

	it.each(['1-800-FLOWERS', '12345', '+1234567890123456'])('rejects %j', (input) => {
		expect(normalizePhone(input).error).toMatch(/not a phone number/);
	});
});

describe('recordFacts', () => {
	const rules: KeyRule[] = [
		[{ kind: 'domain', fields: ['domain', 'website', 'email'] }],
		[{ kind: 'companyName', fields: ['name'] }],
	];

	it('uses the first field with a usable value and the first rule that has one', () => {
		expect(recordFacts({ website: 'https://www.acme.com', name: 'Acme' }, rules).key?.key).toBe(
			'domain:acme.com',
		);
		const key = recordFacts({ email: 'jo@gmail.com', name: 'ACME, Inc.' }, rules).key;
		expect(key?.key).toBe('companyName:acme');
		expect(key && describeKey(key)).toBe('company name acme');
	});

	it('builds composite keys from every part', () => {
		const composite: KeyRule[] = [
			[
				{ kind: 'domain', fields: ['website'] },
				{ kind: 'field', fields: ['country'] },
			],
		];
		expect(
			recordFacts({ website: 'acme.com', country: ' United  States ' }, composite).key?.key,
		).toBe('domain:acme.com\u001fcountry:united states');
		expect(recordFacts({ website: 'acme.com' }, composite).key).toBeUndefined();
	});

	it('names the field and the fix when a value is unusable', () => {
		expect(recordFacts({ website: 'not a domain' }, rules).problem).toEqual({
			field: 'website',
			message: expect.stringContaining("'website'"),
		});
		expect(recordFacts({ domain: { url: 'acme.com' } }, rules).problem?.message).toMatch(
			/'domain' is an object, but a domain key needs text/,
		);
	});
});
