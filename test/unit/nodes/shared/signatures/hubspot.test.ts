import { hubspotV3Uri } from '../../../../../nodes/shared/signatures/hubspot';

describe('HubSpot v3 URI', () => {
	it('decodes the escapes HubSpot documents and keeps every other escape', () => {
		expect(hubspotV3Uri('https://x.test/a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm')).toBe(
			"https://x.test/a:b/c?d@e!f$g'h(i)j*k,l;m",
		);
		expect(hubspotV3Uri('https://x.test/p?q=a%20b%26c%3d%2b')).toBe(
			'https://x.test/p?q=a%20b%26c%3d%2b',
		);
		expect(hubspotV3Uri('https://x.test/p?q=%3a%2f')).toBe('https://x.test/p?q=:/');
	});
});
