// The record each item names on Get, Update and Delete. Version 1: a record ID (or, for Get, the
// ID Property's value) in a string field. Version 2: a resource locator — by ID, by the record's
// URL in HubSpot, by company domain or by contact email. Domains and emails are looked up with
// IN-filter searches (up to 500 values per call), not one search per item.
import type { IDataObject } from 'n8n-workflow';
import { companyKey, emailKey, type KeyOutcome } from '../../../shared/upsert';
import { findByValues, oldestRecord } from '../../api/search';
import {
	isResourceLocator,
	itemParameter,
	searchFilterGroups,
	storedParameter,
} from './parameters';
import type { Run } from './run';

export type RecordMode = 'id' | 'url' | 'domain' | 'email';

/**
 * A record's page in HubSpot: `https://app.hubspot.com/contacts/<portal>/record/<objectTypeId>/<id>`
 * (any object type, e.g. 0-2 companies, 2-1234567 a custom object), or the older
 * `…/contacts/<portal>/company/<id>` (contact, company, deal). EU portals use app-eu1.hubspot.com.
 */
const RECORD_URL =
	/^\s*https?:\/\/app(?:-[a-z0-9]+)?\.hubspot\.com\/contacts\/\d+\/(?:record\/(\d+-\d+)|(contact|company|deal))\/(\d+)\/?(?:[?#].*)?\s*$/i;

/** The same URL with one group, the record id: n8n's `extractValue` and the editor's check use it. */
export const RECORD_URL_REGEX =
	'https?:\\/\\/app(?:-[a-z0-9]+)?\\.hubspot\\.com\\/contacts\\/\\d+\\/(?:record\\/\\d+-\\d+|contact|company|deal)\\/(\\d+)';

/** Object type ids of the standard objects, as record URLs name them. */
const TYPE_IDS: Record<string, string> = { contacts: '0-1', companies: '0-2', deals: '0-3' };
const LEGACY_TYPE_IDS: Record<string, string> = { contact: '0-1', company: '0-2', deal: '0-3' };
const TYPE_NAMES: Record<string, string> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal' };

/** The locator's name in the editor, for messages: Company, Contact, Deal or Record. */
export function recordLabel(objectType: string): string {
	return { companies: 'Company', contacts: 'Contact', deals: 'Deal' }[objectType] ?? 'Record';
}

/** How the node names its records: version 1 (a plain string) is always by ID. */
export function recordMode(run: Run): RecordMode {
	const raw = storedParameter(run, 'recordId');
	if (!isResourceLocator(raw)) return 'id';
	const mode = String(raw.mode);
	return mode === 'url' || mode === 'domain' || mode === 'email' ? mode : 'id';
}

/** The record id in a HubSpot record URL, checked against the object type the node works on. */
export function recordIdFromUrl(url: string, objectType: string): KeyOutcome {
	const match = RECORD_URL.exec(url);
	if (!match)
		return {
			reason: `'${url}' is not a HubSpot record URL (e.g. https://app.hubspot.com/contacts/123456/record/0-2/987654321)`,
			code: 'INVALID_INPUT',
		};
	const urlType = match[1] ?? LEGACY_TYPE_IDS[match[2].toLowerCase()];
	const expected = TYPE_IDS[objectType] ?? (/^\d+-\d+$/.test(objectType) ? objectType : undefined);
	if (expected && urlType !== expected) {
		const name = (typeId: string) => TYPE_NAMES[typeId] ?? `custom object ${typeId}`;
		return {
			reason: `'${url}' is the URL of a ${name(urlType)} record, not of a ${name(expected)}`,
			code: 'INVALID_INPUT',
		};
	}
	return { key: match[3] };
}

const keyOrUndefined = (outcome: KeyOutcome) => ('key' in outcome ? outcome.key : undefined);

const LOOKUPS = {
	domain: { property: 'domain', key: companyKey, what: 'company', mode: 'By Domain' },
	email: { property: 'email', key: emailKey, what: 'contact', mode: 'By Email' },
} as const;

/**
 * Each item's record id (the `key`), or why it has none. Items whose lookup call failed are
 * answered already (see ItemOutputs.failCall) and are absent from the map.
 */
export async function locateRecords(run: Run): Promise<Map<number, KeyOutcome>> {
	const mode = recordMode(run);
	const v1 = !isResourceLocator(storedParameter(run, 'recordId'));
	const label = v1 ? 'Record ID' : recordLabel(run.objectType);
	const read = itemParameter(run, 'recordId');
	const located = new Map<number, KeyOutcome>();
	const lookups = new Map<number, string>();
	run.items.forEach((_, index) => {
		let value: string;
		try {
			const raw = read(index);
			value = raw === null || raw === undefined ? '' : String(raw).trim();
		} catch (error) {
			located.set(index, {
				reason: `${label}: ${(error as Error).message}`,
				code: 'INVALID_INPUT',
			});
			return;
		}
		if (mode === 'id') {
			// Operations check the id themselves (Get may be given an ID Property value instead).
			located.set(index, { key: value });
		} else if (mode === 'url') {
			const outcome = recordIdFromUrl(value, run.objectType);
			located.set(
				index,
				'reason' in outcome
					? { ...outcome, reason: `${label} (By URL): ${outcome.reason}` }
					: outcome,
			);
		} else {
			const outcome = LOOKUPS[mode].key(value);
			if ('key' in outcome) lookups.set(index, outcome.key);
			else
				located.set(index, {
					...outcome,
					reason: `${label} (${LOOKUPS[mode].mode}): ${outcome.reason}`,
				});
		}
	});
	if (!lookups.size || (mode !== 'domain' && mode !== 'email')) return located;
	const lookup = LOOKUPS[mode];
	let found: Map<string, IDataObject[]>;
	try {
		found = await findByValues(
			run.client,
			run.objectType,
			lookup.property,
			[...new Set(lookups.values())],
			[],
			(value) => keyOrUndefined(lookup.key(value)),
			searchFilterGroups(run),
		);
	} catch (error) {
		run.out.failCall([...lookups.keys()], error);
		return located;
	}
	for (const [index, key] of lookups) {
		const records = found.get(key);
		// Several records with one domain: the oldest, the one Create or Update writes to.
		located.set(
			index,
			records?.length
				? { key: String(oldestRecord(records).id) }
				: {
						reason: `No ${lookup.what} has the ${lookup.property} ${key}`,
						code: 'OBJECT_NOT_FOUND',
					},
		);
	}
	return located;
}

/** The items' record ids in input order; items without one go to Rejected with the reason. */
export async function locatedRows(run: Run): Promise<Array<{ index: number; id: string }>> {
	const rows: Array<{ index: number; id: string }> = [];
	for (const [index, outcome] of await locateRecords(run)) {
		if ('key' in outcome) rows.push({ index, id: outcome.key });
		else run.out.fail(index, { message: outcome.reason, category: outcome.code });
	}
	return rows.sort((a, b) => a.index - b.index);
}
