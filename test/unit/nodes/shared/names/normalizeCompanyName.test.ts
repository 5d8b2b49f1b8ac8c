import { normalizeCompanyName } from '../../../../../nodes/shared/names/normalizeCompanyName';

describe('normalizeCompanyName', () => {
	it.each([
		['ACME, Inc.', 'acme'],
		['Acme Incorporated', 'acme'],
		['Acme L.L.C.', 'acme'],
		['Acme S. A. R. L.', 'acme'],
		['Acme Pty. Ltd.', 'acme'],
		['Müller GmbH & Co. KG', 'muller'],
		['Société Générale S.A.', 'societe generale'],
		['Ørsted A/S', 'orsted'],
		['Straße GmbH', 'strasse'],
		['Grupo Bimbo, S.A.B. de C.V.', 'grupo bimbo'],
		['Infosys Private Limited', 'infosys'],
		['Orlen Sp. z o.o.', 'orlen'],
		['The Coca-Cola Company', 'coca cola'],
		["McDonald's Corp.", 'mcdonalds'],
		['Toyota Motor Kabushiki Kaisha', 'toyota motor'],
		['腾讯科技有限公司', '腾讯科技'],
	])('%s → %s', (input, expected) => {
		expect(normalizeCompanyName(input)).toBe(expected);
	});

	it('keeps "and" when it is part of the name, not of a legal form', () => {
		expect(normalizeCompanyName('Johnson & Johnson')).toBe('johnson and johnson');
		expect(normalizeCompanyName('Marks and Spencer plc')).toBe(
			normalizeCompanyName('Marks & Spencer'),
		);
	});

	it('never strips a name down to nothing', () => {
		expect(normalizeCompanyName('Company Inc')).toBe('company');
		expect(normalizeCompanyName('Inc.')).toBe('inc');
		expect(normalizeCompanyName('   ')).toBe('');
	});

	it('keeps kana voicing marks, which change the word', () => {
		expect(normalizeCompanyName('ブリヂストン')).toBe('ブリヂストン');
	});
});
