import { twilioPayload } from '../../../../../nodes/shared/signatures/twilio';

describe('Twilio payload', () => {
	it('appends sorted names with their values, repeated names once per distinct value', () => {
		expect(twilioPayload('https://x.test/a', { b: '2', a: '1', B: '3' })).toBe(
			'https://x.test/aB3a1b2',
		);
		expect(twilioPayload('u', { m: ['z', 'y', 'z'] })).toBe('umymz');
	});
});
