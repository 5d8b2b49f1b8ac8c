import { chunk, groupRowsByKey } from '../../../../../nodes/shared/upsert/groupRows';
import { companyKey, emailKey } from '../../../../../nodes/shared/upsert/recordKeys';

describe('record keys', () => {
	it('keys companies by registrable domain and refuses free-mail and junk', () => {
		expect(companyKey('https://www.Acme.com/pricing')).toEqual({ key: 'acme.com' });
		expect(companyKey('jo@sales.acme.co.uk')).toEqual({ key: 'acme.co.uk' });
		expect(companyKey('gmail.com')).toMatchObject({ code: 'FREE_MAIL_DOMAIN' });
		expect(companyKey('')).toMatchObject({ code: 'INVALID_DOMAIN' });
		expect(companyKey('localhost')).toMatchObject({ code: 'INVALID_DOMAIN' });
	});

	it('keys contacts by lowercased email', () => {
		expect(emailKey(' Jo@Acme.com ')).toEqual({ key: 'jo@acme.com' });
		expect(emailKey('not an email')).toMatchObject({ code: 'INVALID_EMAIL' });
	});

	it('groups rows naming the same record and keeps every row accounted for', () => {
		const grouped = groupRowsByKey(
			['acme.com', 'https://acme.com', 'gmail.com', 'beta.io'].map(companyKey),
		);
		expect([...grouped.groups]).toEqual([
			['acme.com', [0, 1]],
			['beta.io', [3]],
		]);
		expect(grouped.rejected).toEqual([
			{ index: 2, reason: expect.stringContaining('free-mail'), code: 'FREE_MAIL_DOMAIN' },
		]);
	});

	it('chunks lists for 100-input batches', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
	});
});
