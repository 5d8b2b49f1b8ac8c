// Clay-like rows for the HubSpot tests and benchmark: companies named in the messy ways enrichment
// tables name them (URLs, www., upper case, emails), several people per company, a share of
// free-mail addresses, and a few unusable domains. Deterministic for a given seed.

export interface ClayRow {
	[field: string]: string;
	company_name: string;
	domain: string;
	email: string;
	firstname: string;
	lastname: string;
	jobtitle: string;
}

/** A linear congruential generator (Numerical Recipes constants): repeatable rows, nothing more. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 4294967296;
	};
}

const FIRST = [
	'ada',
	'grace',
	'alan',
	'linus',
	'margaret',
	'ken',
	'barbara',
	'dennis',
	'frances',
	'edsger',
];
const LAST = [
	'lovelace',
	'hopper',
	'turing',
	'torvalds',
	'hamilton',
	'thompson',
	'liskov',
	'ritchie',
	'allen',
	'dijkstra',
];
const TITLES = ['CEO', 'VP Sales', 'Head of RevOps', 'CTO', 'Marketing Manager'];
const FREE_MAIL = ['gmail.com', 'yahoo.co.uk', 'outlook.com', 'hotmail.com'];

/** How a row spells company `n`'s domain. */
const SPELLINGS = [
	(d: string) => d,
	(d: string) => `https://www.${d}/about`,
	(d: string) => d.toUpperCase(),
	(d: string) => `http://${d}`,
	(d: string) => `www.${d}`,
];

export function companyDomain(n: number): string {
	return `company-${n}.${['com', 'io', 'co.uk', 'de'][n % 4]}`;
}

export interface RowOptions {
	rows: number;
	companies: number;
	/** Share of rows whose company domain is a free-mail domain. */
	freeMailShare?: number;
	/** Share of rows with an unusable domain. */
	invalidShare?: number;
	seed?: number;
}

export function clayRows(options: RowOptions): ClayRow[] {
	const next = random(options.seed ?? 1);
	const rows: ClayRow[] = [];
	for (let i = 0; i < options.rows; i++) {
		const company = i < options.companies ? i : Math.floor(next() * options.companies);
		const domain = companyDomain(company);
		const first = FIRST[i % FIRST.length];
		const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
		const roll = next();
		const freeMail = roll < (options.freeMailShare ?? 0);
		const invalid = !freeMail && roll < (options.freeMailShare ?? 0) + (options.invalidShare ?? 0);
		const mailDomain = freeMail ? FREE_MAIL[i % FREE_MAIL.length] : domain;
		rows.push({
			company_name: `Company ${company}`,
			domain: freeMail ? mailDomain : invalid ? 'n/a' : SPELLINGS[i % SPELLINGS.length](domain),
			email: `${first}.${last}.${i}@${mailDomain}`,
			firstname: first,
			lastname: last,
			jobtitle: TITLES[i % TITLES.length],
		});
	}
	return rows;
}
