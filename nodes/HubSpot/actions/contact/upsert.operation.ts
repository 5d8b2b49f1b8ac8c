// Contact upsert by email (batch upsert, idProperty email), optionally associating each contact
// with its company in the same run: by the company's record id, or by its domain (looked up with
// IN-filter searches). A contact written but not associated goes to Rejected with what was done.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { companyKey, emailKey } from '../../../shared/upsert';
import { associate, pairKey } from '../../api/associations';
import { findByValues, oldestRecord } from '../../api/search';
import { itemParameter, runParameter, searchFilterGroups } from '../common/parameters';
import { propertyFields, updatePolicyFields } from '../common/fields.description';
import type { Run } from '../common/run';
import { collectGroups, type WriteGroup } from '../upsert/groups';
import { upsertByProperty } from '../upsert/byUniqueProperty';

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '={{ $json.email }}',
		description: 'The contact is matched by this email, case-insensitively',
	},
	{
		displayName: 'Associate With Company',
		name: 'associateWithCompany',
		type: 'options',
		options: [
			{
				name: 'By Company Domain',
				value: 'companyDomain',
				description: 'Find the company by its domain',
			},
			{
				name: 'By Company ID',
				value: 'companyId',
				description: 'E.g. the ID a company upsert before this node returned.',
			},
			{ name: 'No', value: 'none', description: 'Only write the contact' },
		],
		default: 'none',
		description:
			"Whether to associate each contact with its company (HubSpot's default contact → company association). A contact written but not associated goes to Rejected with the reason.",
	},
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '={{ $json.companyId }}',
		displayOptions: { show: { associateWithCompany: ['companyId'] } },
		description:
			"The company's HubSpot ID, e.g. the ID a company Create or Update before this node returned (with Include Input Fields on, it is under hubspot in the item)",
	},
	{
		displayName: 'Company Domain',
		name: 'companyDomain',
		type: 'string',
		default: '={{ $json.domain }}',
		displayOptions: { show: { associateWithCompany: ['companyDomain'] } },
		description: 'Normalized like the company upsert does, then looked up in HubSpot',
	},
	...propertyFields('upsert'),
	...updatePolicyFields,
];

type CompanyRef = { companyId: string } | { reason: string; code: string };

export async function execute(run: Run): Promise<void> {
	const email = itemParameter(run, 'email');
	const groups = await collectGroups(run, (index) => emailKey(email(index)));
	// The email is the idProperty; sending it again as a property would only risk a case mismatch.
	for (const group of groups) delete group.desired.email;
	const contactIds = await upsertByProperty(run, groups, {
		endpoint: 'upsert',
		idProperty: 'email',
	});
	const mode = runParameter<string>(run, 'associateWithCompany', 'none');
	if (mode === 'none' || run.options.dryRun) return;
	const written = groups.filter((group) => contactIds.has(group.key));
	const companies =
		mode === 'companyDomain' ? await companiesByDomain(run, written) : companiesById(run, written);
	await associateContacts(run, written, contactIds, companies);
}

function companiesById(run: Run, groups: WriteGroup[]): Map<number, CompanyRef> {
	const refs = new Map<number, CompanyRef>();
	const companyId = itemParameter(run, 'companyId');
	for (const row of groups.flatMap((group) => group.rows)) {
		const id = String(companyId(row) ?? '').trim();
		refs.set(
			row,
			/^\d+$/.test(id)
				? { companyId: id }
				: { reason: `Company ID '${id}' is not a HubSpot record id`, code: 'INVALID_INPUT' },
		);
	}
	return refs;
}

async function companiesByDomain(run: Run, groups: WriteGroup[]): Promise<Map<number, CompanyRef>> {
	const refs = new Map<number, CompanyRef>();
	const keys = new Map<number, string>();
	const companyDomain = itemParameter(run, 'companyDomain');
	for (const row of groups.flatMap((group) => group.rows)) {
		const outcome = companyKey(companyDomain(row));
		if ('key' in outcome) keys.set(row, outcome.key);
		else refs.set(row, outcome);
	}
	let found = new Map<string, IDataObject[]>();
	try {
		found = await findByValues(
			run.client,
			'companies',
			'domain',
			[...new Set(keys.values())],
			[],
			(domain) => {
				const outcome = companyKey(domain);
				return 'key' in outcome ? outcome.key : undefined;
			},
			searchFilterGroups(run),
		);
	} catch (error) {
		// The contacts are written; the lookup call itself failed (see ItemOutputs.failCall).
		run.out.failCall([...keys.keys()], error);
		return refs;
	}
	for (const [row, key] of keys) {
		const records = found.get(key);
		refs.set(
			row,
			records?.length
				? { companyId: String(oldestRecord(records).id) }
				: { reason: `No HubSpot company has the domain ${key}`, code: 'COMPANY_NOT_FOUND' },
		);
	}
	return refs;
}

async function associateContacts(
	run: Run,
	groups: WriteGroup[],
	contactIds: Map<string, string>,
	companies: Map<number, CompanyRef>,
): Promise<void> {
	const rowsByPair = new Map<string, number[]>();
	const pairs = [];
	for (const group of groups) {
		const contactId = contactIds.get(group.key)!;
		for (const row of group.rows) {
			const ref = companies.get(row);
			// No reference: its company lookup call failed and the row already carries that error.
			if (!ref) continue;
			if ('reason' in ref) {
				run.out.fail(row, {
					message: `Contact ${contactId} written, not associated: ${ref.reason}`,
					category: ref.code,
				});
				continue;
			}
			const key = pairKey(contactId, ref.companyId);
			if (!rowsByPair.has(key)) pairs.push({ fromId: contactId, toId: ref.companyId });
			rowsByPair.set(key, [...(rowsByPair.get(key) ?? []), row]);
		}
	}
	let outcome;
	try {
		outcome = await associate(
			run.client,
			'contacts',
			'companies',
			pairs,
			undefined,
			run.options.batchSize,
		);
	} catch (error) {
		run.out.failCall([...rowsByPair.values()].flat(), error);
		return;
	}
	for (const [key, rows] of rowsByPair) {
		const failure = outcome.failures.get(key);
		const companyId = key.split('>')[1];
		for (const row of rows) {
			if (failure) run.out.fail(row, failure);
			else run.out.annotate(row, { companyId, associated: true });
		}
	}
}
