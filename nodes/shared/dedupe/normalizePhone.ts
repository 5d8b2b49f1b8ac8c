export interface PhoneOptions {
	/** Country calling code (`1`, `44`) for numbers written without one; their national `0` prefix is dropped. */
	defaultCountryCode?: string;
}

export type PhoneResult =
	| { phone: string; error?: undefined }
	| { error: string; phone?: undefined };

const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$/i;
const PHONE_CHARACTERS = /^[+\d\s().\-/]+$/;

/**
 * Reduces a phone number to digits, `+`-prefixed (E.164 style) when the country is known:
 * "+1 (415) 555-0100 ext 12" → "+14155550100". Without a country code, national numbers stay digits only.
 */
export function normalizePhone(input: string | number, options: PhoneOptions = {}): PhoneResult {
	const text = String(input).trim().replace(EXTENSION, '');
	if (!PHONE_CHARACTERS.test(text)) {
		return {
			error: `'${input}' is not a phone number: use digits, spaces, ( ) - . and an optional leading +`,
		};
	}
	let digits = text.replace(/\D/g, '');
	const international = text.startsWith('+') || digits.startsWith('00');
	if (digits.startsWith('00')) digits = digits.slice(2);
	const countryCode = (options.defaultCountryCode ?? '').replace(/\D/g, '');
	let phone = digits;
	if (international) phone = `+${digits}`;
	else if (countryCode) {
		// North American numbers are often written with their country code but no `+` ("1-415-555-0100").
		const national =
			countryCode === '1' && digits.length === 11 && digits.startsWith('1')
				? digits.slice(1)
				: digits.replace(/^0/, '');
		phone = `+${countryCode}${national}`;
	}
	const length = phone.replace('+', '').length;
	if (length < 7 || length > 15) {
		return {
			error: `'${input}' is not a phone number: expected 7 to 15 digits including the country code`,
		};
	}
	return { phone };
}
