// Creates a property (Properties API). One that already exists with the same definition is
// reported as such rather than failed, so a setup workflow can run twice.
import type { IDataObject } from 'n8n-workflow';
import type { Run } from '../../helpers/run';
import { toFailure } from '../../transport/failure';

const FIELD_TYPES: Record<string, { type: string; fieldType: string }> = {
	text: { type: 'string', fieldType: 'text' },
	textarea: { type: 'string', fieldType: 'textarea' },
	number: { type: 'number', fieldType: 'number' },
	date: { type: 'date', fieldType: 'date' },
	datetime: { type: 'datetime', fieldType: 'date' },
	checkbox: { type: 'bool', fieldType: 'booleancheckbox' },
};

/** HubSpot's built-in "… information" group of the standard objects. */
const DEFAULT_GROUPS: Record<string, string> = {
	companies: 'companyinformation',
	contacts: 'contactinformation',
	deals: 'dealinformation',
};

export async function createProperty(
	run: Run,
	index: number,
	definition: IDataObject,
): Promise<void> {
	const path = `/crm/v3/properties/${encodeURIComponent(run.objectType)}`;
	if (run.options.dryRun) {
		run.out.succeed(index, { action: 'wouldCreate', ...definition });
		return;
	}
	try {
		const { body } = await run.client.request({ method: 'POST', path, body: definition });
		run.out.succeed(index, { action: 'created', ...body });
	} catch (error) {
		const failure = toFailure(error);
		if (error.status !== 409) return run.out.fail(index, failure);
		const { body } = await run.client.request({
			method: 'GET',
			path: `${path}/${encodeURIComponent(String(definition.name))}`,
		});
		if (definition.hasUniqueValue && body.hasUniqueValue !== true) {
			return run.out.fail(index, {
				message: `Property ${String(definition.name)} exists without unique values; HubSpot cannot change that. Pick another name.`,
				category: 'CONFLICT',
			});
		}
		run.out.succeed(index, { action: 'exists', ...body });
	}
}

export async function create(run: Run): Promise<void> {
	for (let index = 0; index < run.items.length; index++) {
		const p = (name: string, fallback: unknown = '') =>
			run.fn.getNodeParameter(name, index, fallback);
		const options = p('propertyOptions', {}) as IDataObject;
		const kind = FIELD_TYPES[p('propertyFieldType', 'text') as string] ?? FIELD_TYPES.text;
		const name = String(p('propertyName'));
		await createProperty(run, index, {
			name,
			label: String(p('propertyLabel') || name),
			...kind,
			groupName: String(options.groupName || DEFAULT_GROUPS[run.objectType] || ''),
			hasUniqueValue: p('hasUniqueValue', false) === true,
			...(options.description ? { description: String(options.description) } : {}),
		});
	}
}
