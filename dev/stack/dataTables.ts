// n8n's Data Tables as a test or benchmark reads them: through n8n's own REST API (the editor's calls), so
// what is checked is what a user sees under Overview → Data tables.
import type { N8nInstance } from '../harness';

export interface DataTableInfo {
	id: string;
	name: string;
	projectId: string;
}

export async function dataTables(n8n: N8nInstance): Promise<DataTableInfo[]> {
	const answer = await n8n.rest<{ data: { data: DataTableInfo[] } }>(
		'GET',
		'/rest/data-tables-global?take=100&skip=0',
	);
	return answer.data.data;
}

export async function dataTableByName(
	n8n: N8nInstance,
	name: string,
): Promise<DataTableInfo | undefined> {
	return (await dataTables(n8n)).find((table) => table.name === name);
}

/** Every row of the table (system columns id, createdAt, updatedAt included), oldest first. */
export async function dataTableRows<T = Record<string, any>>(
	n8n: N8nInstance,
	name: string,
): Promise<Array<T & { id: number }>> {
	const table = await dataTableByName(n8n, name);
	if (!table) throw new Error(`no data table "${name}" in this n8n`);
	const rows: Array<T & { id: number }> = [];
	// n8n serves at most 250 rows a page whatever `take` asks for: page on until its total count is read.
	for (;;) {
		const page = await n8n.rest<{ data: { count: number; data: Array<T & { id: number }> } }>(
			'GET',
			`/rest/projects/${table.projectId}/data-tables/${table.id}/rows?take=250&skip=${rows.length}&sortBy=id:asc`,
		);
		rows.push(...page.data.data);
		if (!page.data.data.length || rows.length >= page.data.count) return rows;
	}
}

/** Changes rows matching every `filter` column (equality) — a test's hand on the store (e.g. an old done_at). */
export async function updateDataTableRows(
	n8n: N8nInstance,
	name: string,
	filter: Record<string, string | number>,
	data: Record<string, unknown>,
): Promise<void> {
	const table = await dataTableByName(n8n, name);
	if (!table) throw new Error(`no data table "${name}" in this n8n`);
	await n8n.rest('PATCH', `/rest/projects/${table.projectId}/data-tables/${table.id}/rows`, {
		filter: {
			type: 'and',
			filters: Object.entries(filter).map(([columnName, value]) => ({
				columnName,
				condition: 'eq',
				value,
			})),
		},
		data,
	});
}

/** A new table in the project of an existing one (n8n's REST API, as the editor creates one). */
export async function createDataTable(
	n8n: N8nInstance,
	projectId: string,
	name: string,
	columns: Array<{ name: string; type: 'string' | 'number' | 'boolean' | 'date' }>,
): Promise<DataTableInfo> {
	const created = await n8n.rest<{ data: DataTableInfo }>(
		'POST',
		`/rest/projects/${projectId}/data-tables`,
		{ name, columns },
	);
	return created.data;
}

export async function deleteDataTable(n8n: N8nInstance, name: string): Promise<void> {
	const table = await dataTableByName(n8n, name);
	if (table) await n8n.rest('DELETE', `/rest/projects/${table.projectId}/data-tables/${table.id}`);
}
