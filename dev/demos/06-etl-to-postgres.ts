// Demo of the ETL template (06): POSTs the sample companies CSV (workflows/data/06-companies.csv) to the
// template's webhook, as `curl --data-binary` would; the answer counts what was loaded. Run it twice: the
// second load changes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { N8nInstance } from '../harness';
import type { TemplateDemo } from '../stack/templates';
import { WORKFLOWS_DIR } from '../stack/templates';

export const SLUG = '06-etl-to-postgres';
export const ETL_PATH = 'revops-etl-companies';
export const SAMPLE_CSV = path.join(WORKFLOWS_DIR, 'data', '06-companies.csv');

/** What the template answers: counts of the load and the rows it rejected with the reason. */
export interface EtlSummary {
	received: number;
	inserted: number;
	updated: number;
	unchanged: number;
	duplicates_merged: number;
	rejected: Array<{ row: number; company: string | null; reason: string }>;
}

export async function postCsv(
	n8n: N8nInstance,
	csv: string,
): Promise<{ status: number; body: EtlSummary }> {
	const response = await fetch(n8n.webhookUrl(ETL_PATH), {
		method: 'POST',
		headers: { 'content-type': 'text/csv' },
		body: csv,
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`ETL webhook answered ${response.status}: ${text}`);
	return { status: response.status, body: JSON.parse(text) as EtlSummary };
}

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Loads the sample companies CSV into PostgreSQL (etl_companies): normalized, duplicates merged, upserted on domain; a second run changes nothing',
	howTo: ({ n8n }) =>
		`curl --data-binary @${path.relative(process.cwd(), SAMPLE_CSV)} -H 'content-type: text/csv' ${n8n.webhookUrl(ETL_PATH)}`,
	async run({ n8n }) {
		return (await postCsv(n8n, fs.readFileSync(SAMPLE_CSV, 'utf8'))).body;
	},
};

export default demo;
