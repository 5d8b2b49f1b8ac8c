import { normalizeDomain } from '../../../../../nodes/shared/domain/normalizeDomain';
import { splitPublicSuffix } from '../../../../../nodes/shared/domain/publicSuffix';

describe('normalizeDomain', () => {
	it.each([
		['https://www.Acme.com:8080/pricing?utm=x#top', 'acme.com', 'acme.com'],
		['jane.doe@Sales.ACME.com', 'sales.acme.com', 'acme.com'],
		['Jane Doe <jane@acme.co.uk>', 'acme.co.uk', 'acme.co.uk'],
		['mailto:ops@acme.io', 'acme.io', 'acme.io'],
		['//www.acme.com/x', 'acme.com', 'acme.com'],
		['http://user:secret@www.acme.com/', 'acme.com', 'acme.com'],
		['ACME.COM.', 'acme.com', 'acme.com'],
		['foo.google.co.uk', 'foo.google.co.uk', 'google.co.uk'],
		['shop.acme.com.au', 'shop.acme.com.au', 'acme.com.au'],
		['www2.acme.com', 'acme.com', 'acme.com'],
	])('%s → domain %s, registrable %s', (input, domain, registrable) => {
		expect(normalizeDomain(input)).toMatchObject({ domain, registrable, isFreeMail: false });
	});

	it('converts internationalized domains to ASCII (IDNA), including full-width dots', () => {
		expect(normalizeDomain('https://www.münchen.de/')).toMatchObject({
			registrable: 'xn--mnchen-3ya.de',
		});
		expect(normalizeDomain('xn--mnchen-3ya.de')).toMatchObject({
			registrable: 'xn--mnchen-3ya.de',
		});
		expect(normalizeDomain('acme。com')).toMatchObject({ registrable: 'acme.com' });
	});

	it('flags free-mail providers instead of treating them as companies', () => {
		for (const input of [
			'jo@gmail.com',
			'jo@googlemail.com',
			'x@yahoo.co.uk',
			'x@yahoo.co.jp',
			'x@hotmail.fr',
			'x@gmx.at',
			'x@web.de',
			'x@proton.me',
			'x@qq.com',
			'x@yandex.com.tr',
		]) {
			expect(normalizeDomain(input)).toMatchObject({ isFreeMail: true });
		}
		expect(normalizeDomain('jo@google.com')).toMatchObject({ isFreeMail: false });
	});

	it.each([
		['', 'has no domain'],
		['acme', 'has no top-level domain'],
		['co.uk', 'is a public suffix'],
		['192.168.1.10', 'is an IP address'],
		['foo bar.com', 'is not a valid domain name'],
		['-acme.com', 'is not a valid domain name'],
	])('rejects %j with an explanation', (input, why) => {
		const result = normalizeDomain(input);
		expect(result.error).toContain(why);
		expect(result.registrable).toBeUndefined();
	});
});

describe('splitPublicSuffix (bundled Public Suffix List)', () => {
	it.each([
		['google.co.uk', 'co.uk', 'google.co.uk'],
		['a.b.c.example.com', 'com', 'example.com'],
		['acme.github.io', 'github.io', 'acme.github.io'],
		[
			'unknown.tld-that-does-not-exist',
			'tld-that-does-not-exist',
			'unknown.tld-that-does-not-exist',
		],
		// Wildcard *.kobe.jp and its exception !city.kobe.jp.
		['shop.steel.kobe.jp', 'steel.kobe.jp', 'shop.steel.kobe.jp'],
		['www.city.kobe.jp', 'kobe.jp', 'city.kobe.jp'],
		['www.ck', 'ck', 'www.ck'],
		['co.uk', 'co.uk', null],
	])('%s → suffix %s, registrable %s', (host, publicSuffix, registrable) => {
		expect(splitPublicSuffix(host)).toEqual({ publicSuffix, registrable });
	});
});
