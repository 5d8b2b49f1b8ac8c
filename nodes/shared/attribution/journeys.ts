import { getField } from '../fields/getField';
import { describeType, isEmptyValue, type PlainRecord } from '../fields/values';
import { parseTimestamp } from '../time/parseTimestamp';

export interface Touchpoint {
	/** Epoch ms. */
	time: number;
	channel: string;
	/** Empty when the touch has no campaign. */
	campaign: string;
	/** Input item the touch came from. */
	index: number;
	/** Input order (item, then position in a touchpoints list): breaks ties between equal timestamps. */
	order: number;
}

export interface Journey {
	contact: string;
	touchpoints: Touchpoint[];
	/** Epoch ms; touches after it are ignored. Without it every touch counts. */
	conversionTime?: number;
	/** Split by credit; absent counts as 0. */
	conversionValue?: number;
	/** Stage dates that locate the lead- and deal-creation touches (U-, W-shaped, full path). */
	leadCreatedTime?: number;
	dealCreatedTime?: number;
	/** Every input item that makes up the journey. */
	indexes: number[];
}

export interface AttributionError {
	index: number;
	field: string;
	message: string;
}

export interface TouchpointFields {
	channel: string;
	campaign?: string;
	timestamp: string;
}

export interface ContactFields {
	/** Contact key (email, id…). Required for one item per touchpoint; optional with a touchpoints list. */
	contact?: string;
	conversionTime?: string;
	conversionValue?: string;
	leadCreatedTime?: string;
	dealCreatedTime?: string;
}

export interface JourneyFields extends TouchpointFields, ContactFields {
	/** One item per contact: the field holding its list of touchpoint objects. */
	touchpoints?: string;
}

export interface JourneysResult {
	journeys: Journey[];
	errors: AttributionError[];
}

class FieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
	}
}

// `where` prefixes the field in messages for values inside a list, e.g. `touchpoints[2].`.
function readText(
	record: PlainRecord,
	field: string,
	label: string,
	fix: string,
	where = '',
): string {
	const value = getField(record, field);
	const name = where + field;
	if (isEmptyValue(value)) throw new FieldError(name, `'${name}' is empty: ${fix}`);
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new FieldError(
		name,
		`'${name}' is ${describeType(value)}, but the ${label} must be text: map a text field`,
	);
}

function readTime(record: PlainRecord, field: string, fix: string, where = ''): number {
	const value = getField(record, field);
	const name = where + field;
	if (isEmptyValue(value)) throw new FieldError(name, `'${name}' is empty: ${fix}`);
	const parsed = parseTimestamp(value);
	if (parsed.error !== undefined) throw new FieldError(name, `'${name}': ${parsed.error}`);
	return parsed.ms;
}

function readOptionalTime(record: PlainRecord, field: string | undefined): number | undefined {
	if (!field || isEmptyValue(getField(record, field))) return undefined;
	return readTime(record, field, '');
}

function readOptionalAmount(record: PlainRecord, field: string | undefined): number | undefined {
	if (!field) return undefined;
	const value = getField(record, field);
	if (isEmptyValue(value)) return undefined;
	const amount =
		typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
	if (!Number.isFinite(amount)) {
		throw new FieldError(
			field,
			`'${field}' is ${JSON.stringify(value)}, not a number: map a numeric conversion value such as 1200.50`,
		);
	}
	return amount;
}

function readTouch(
	record: PlainRecord,
	fields: TouchpointFields,
	index: number,
	order: number,
	where = '',
): Touchpoint {
	return {
		time: readTime(record, fields.timestamp, 'every touchpoint needs the date it happened', where),
		channel: readText(
			record,
			fields.channel,
			'channel',
			'every touchpoint needs a channel (e.g. paid_search)',
			where,
		),
		campaign:
			fields.campaign && !isEmptyValue(getField(record, fields.campaign))
				? readText(record, fields.campaign, 'campaign', '', where)
				: '',
		index,
		order,
	};
}

interface ContactValues {
	conversionTime?: number;
	conversionValue?: number;
	leadCreatedTime?: number;
	dealCreatedTime?: number;
}

const CONTACT_VALUE_FIELDS: Array<[keyof ContactValues, keyof ContactFields]> = [
	['conversionTime', 'conversionTime'],
	['conversionValue', 'conversionValue'],
	['leadCreatedTime', 'leadCreatedTime'],
	['dealCreatedTime', 'dealCreatedTime'],
];

function readContactValues(record: PlainRecord, fields: ContactFields): ContactValues {
	return {
		conversionTime: readOptionalTime(record, fields.conversionTime),
		conversionValue: readOptionalAmount(record, fields.conversionValue),
		leadCreatedTime: readOptionalTime(record, fields.leadCreatedTime),
		dealCreatedTime: readOptionalTime(record, fields.dealCreatedTime),
	};
}

function toError(index: number, error: unknown): AttributionError {
	if (error instanceof FieldError) return { index, field: error.field, message: error.message };
	throw error;
}

function newJourney(contact: string, indexes: number[]): Journey {
	return { contact, touchpoints: [], indexes };
}

/**
 * One item per touchpoint, grouped by the contact field in order of first appearance. Contact-level values
 * (conversion, stage dates) may sit on any of the contact's items; two different values are an error on
 * the later item. A bad item is reported and left out; the rest of its journey is still attributed.
 */
export function journeysFromTouchpointItems(
	items: readonly PlainRecord[],
	fields: JourneyFields,
): JourneysResult {
	const byContact = new Map<string, Journey>();
	const errors: AttributionError[] = [];
	const contactField = fields.contact ?? '';
	items.forEach((item, index) => {
		try {
			if (!contactField)
				throw new FieldError(
					'contact',
					'Choose the field that identifies the contact of each touchpoint (e.g. email)',
				);
			const contact = readText(
				item,
				contactField,
				'contact',
				'every touchpoint needs the contact it belongs to (e.g. email)',
			);
			const touch = readTouch(item, fields, index, index);
			const values = readContactValues(item, fields);
			const journey = byContact.get(contact) ?? newJourney(contact, []);
			for (const [key, field] of CONTACT_VALUE_FIELDS) {
				const value = values[key];
				const known = journey[key];
				if (value !== undefined && known !== undefined && known !== value) {
					throw new FieldError(
						fields[field] as string,
						`'${fields[field]}' differs from an earlier touchpoint of contact ${contact}: give all of a contact's touchpoints the same value or leave it empty on all but one`,
					);
				}
			}
			for (const [key] of CONTACT_VALUE_FIELDS)
				if (values[key] !== undefined) journey[key] = values[key];
			journey.touchpoints.push(touch);
			journey.indexes.push(index);
			byContact.set(contact, journey);
		} catch (error) {
			errors.push(toError(index, error));
		}
	});
	return { journeys: Array.from(byContact.values()), errors };
}

/** One item per contact with a list of touchpoint objects; a bad touchpoint fails the whole item. */
export function journeysFromContactItems(
	items: readonly PlainRecord[],
	fields: JourneyFields,
): JourneysResult {
	const journeys: Journey[] = [];
	const errors: AttributionError[] = [];
	const listField = fields.touchpoints ?? 'touchpoints';
	items.forEach((item, index) => {
		try {
			const contact =
				fields.contact && !isEmptyValue(getField(item, fields.contact))
					? readText(item, fields.contact, 'contact', '')
					: `#${index}`;
			const list = getField(item, listField);
			if (list !== undefined && list !== null && !Array.isArray(list)) {
				throw new FieldError(
					listField,
					`'${listField}' is ${describeType(list)}, but it must be a list of touchpoints`,
				);
			}
			const journey: Journey = {
				...newJourney(contact, [index]),
				...readContactValues(item, fields),
			};
			(list ?? []).forEach((touch: unknown, position: number) => {
				const path = `${listField}[${position}]`;
				if (touch === null || typeof touch !== 'object' || Array.isArray(touch)) {
					throw new FieldError(
						path,
						`'${path}' is ${describeType(touch)}, but each touchpoint must be an object`,
					);
				}
				journey.touchpoints.push(
					readTouch(touch as PlainRecord, fields, index, position, `${path}.`),
				);
			});
			journeys.push(journey);
		} catch (error) {
			errors.push(toError(index, error));
		}
	});
	return { journeys, errors };
}
