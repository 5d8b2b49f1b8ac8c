// Legal-form words that say nothing about which company it is. Written without dots or spaces because
// dots are removed first and trailing single letters are joined ("S. A." → "sa", "L.L.C." → "llc").
const LEGAL_SUFFIXES = new Set([
	// English-speaking
	'inc',
	'incorporated',
	'corp',
	'corporation',
	'co',
	'cos',
	'company',
	'llc',
	'lllp',
	'llp',
	'lp',
	'pllc',
	'ltd',
	'limited',
	'plc',
	'pty',
	'pte',
	'pvt',
	'bhd',
	'sdn',
	// German, Dutch, Nordic
	'gmbh',
	'mbh',
	'ag',
	'kg',
	'kgaa',
	'ohg',
	'ug',
	'ev',
	'bv',
	'nv',
	'vof',
	'se',
	'oy',
	'oyj',
	'ab',
	'aps',
	'as',
	'asa',
	'ehf',
	// Romance languages
	'sa',
	'sas',
	'sasu',
	'sarl',
	'eurl',
	'sca',
	'snc',
	'cie',
	'spa',
	'srl',
	'srls',
	'sapa',
	'sl',
	'slu',
	'lda',
	'ltda',
	'cv',
	'rl',
	'sab',
	'ltee',
	// Central/Eastern Europe, Asia
	'sro',
	'spol',
	'zrt',
	'kft',
	'nyrt',
	'doo',
	'ooo',
	'zao',
	'oao',
	'pao',
	'jsc',
	'ojsc',
	'pjsc',
	'cjsc',
	'zoo',
	'oo',
	'kk',
	'gk',
	'yk',
	'kabushiki',
	'kaisha',
]);

// Words that only belong to a legal form when one was stripped after them ("GmbH & Co KG", "SA de CV",
// "Private Limited"); on their own they are part of the name ("Johnson & Johnson").
const LEGAL_CONNECTORS = new Set(['and', 'de', 'y', 'und', 'et', 'private', 'sp', 'z']);

// Letters NFKD does not decompose into a base letter plus accent. Only Latin combining accents are
// dropped above: kana voicing marks change the word.
const UNDECOMPOSED: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ħ: 'h',
};

// CJK legal forms are written without spaces ("腾讯科技有限公司"), so they are removed as text, not tokens.
const CJK_LEGAL_FORMS = /株式会社|有限会社|合同会社|(?:股份)?有限(?:责任|責任)?公司$/gu;

function foldAccents(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]+/g, '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/[ßæœøłđðþıħ]/g, (letter) => UNDECOMPOSED[letter]);
}

/** Joins a trailing run of one-letter tokens, so "s a r l" and "l l c" become legal suffixes. */
function joinTrailingInitials(tokens: string[]): void {
	let start = tokens.length;
	while (start > 0 && tokens[start - 1].length === 1) start--;
	if (tokens.length - start >= 2 && start > 0) tokens.push(tokens.splice(start).join(''));
}

/**
 * Tokens of a company name with accents folded, punctuation removed and legal suffixes stripped until
 * stable: "ACME, Inc." → ["acme"], "Müller GmbH & Co. KG" → ["muller"]. Never strips the last token.
 */
export function companyNameTokens(name: string): string[] {
	const folded = foldAccents(name);
	const withoutCjkForm = folded.replace(CJK_LEGAL_FORMS, ' ').trim();
	const text = (withoutCjkForm || folded)
		.replace(/&|\+/g, ' and ')
		.replace(/[.'’`´]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
	if (!text) return [];
	const tokens = text.split(' ');
	if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
	joinTrailingInitials(tokens);
	let stripped = false;
	while (tokens.length > 1) {
		const last = tokens[tokens.length - 1];
		if (LEGAL_SUFFIXES.has(last) || (stripped && LEGAL_CONNECTORS.has(last))) {
			tokens.pop();
			stripped = true;
		} else break;
	}
	return tokens;
}

/** Normalized company name as readable words: "Société Générale S.A." → "societe generale". */
export function normalizeCompanyName(name: string): string {
	return companyNameTokens(name).join(' ');
}
