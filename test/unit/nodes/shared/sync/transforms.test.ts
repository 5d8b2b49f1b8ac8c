import { TRANSFORMS } from '../../../../../nodes/shared/sync';

describe('transforms', () => {
	it('trims, changes case and normalizes domains', () => {
		expect(TRANSFORMS.trim('  Acme  ')).toBe('Acme');
		expect(TRANSFORMS.lowercase('ACME Corp')).toBe('acme corp');
		expect(TRANSFORMS.uppercase('retail')).toBe('RETAIL');
		expect(TRANSFORMS.domain('https://www.Shop.Acme.co.uk/about')).toBe('shop.acme.co.uk');
		expect(TRANSFORMS.registrableDomain('https://www.Shop.Acme.co.uk/about')).toBe('acme.co.uk');
	});

	it('leaves a value that is not a domain as it is rather than losing it', () => {
		expect(TRANSFORMS.domain('not a domain')).toBe('not a domain');
		expect(TRANSFORMS.registrableDomain('co.uk')).toBe('co.uk');
	});

	it('are idempotent, which keeps echoes exact', () => {
		for (const [name, transform] of Object.entries(TRANSFORMS))
			for (const value of [' Acme ', 'https://WWW.acme.com/x', 'Retail', 'mail@beta.io', ''])
				expect([name, transform(transform(value))]).toEqual([name, transform(value)]);
	});
});
