// Built-in HubSpot object types, their stock properties and the HUBSPOT_DEFINED association types.
// A subset of a real portal: enough for the Clay → HubSpot → Slack pipelines and their tests.

export type PropertyType =
	| 'string'
	| 'number'
	| 'date'
	| 'datetime'
	| 'enumeration'
	| 'bool'
	| 'phone_number';

export interface PropertyOption {
	label: string;
	value: string;
	displayOrder: number;
	hidden: boolean;
	description?: string;
}

export interface PropertyDefinition {
	name: string;
	label: string;
	type: PropertyType;
	fieldType: string;
	groupName: string;
	description: string;
	options: PropertyOption[];
	displayOrder: number;
	hasUniqueValue: boolean;
	hidden: boolean;
	formField: boolean;
	calculated: boolean;
	externalOptions: boolean;
	hubspotDefined: boolean;
	modificationMetadata: {
		archivable: boolean;
		readOnlyDefinition: boolean;
		readOnlyValue: boolean;
	};
	createdAt: string;
	updatedAt: string;
	archived: boolean;
	archivedAt?: string;
}

export interface ObjectType {
	/** `0-1`, `0-2`, `0-3`, or `2-N` for custom objects. */
	id: string;
	/** Plural path name: contacts, companies, deals, or the custom schema name. */
	name: string;
	singular: string;
	label: string;
	/** Scope family: crm.objects.<scope>.read|write and crm.schemas.<scope>.read|write. */
	scope: string;
	/** Properties returned when the caller names none. */
	defaultProperties: string[];
	/** Contacts keep `lastmodifieddate`; the rest `hs_lastmodifieddate`. */
	lastModifiedProperty: string;
	/** Properties a free-text search `query` looks in. */
	searchableProperties: string[];
	requiredProperties: string[];
	primaryDisplayProperty: string;
	/** Properties HubSpot itself keeps unique besides `hasUniqueValue` ones (contacts: email). */
	builtinUnique: string[];
	fullyQualifiedName: string;
	custom: boolean;
}

export const PORTAL_ID = 1234567;
const EPOCH = '2020-01-01T00:00:00.000Z';

const option = (value: string, label: string, displayOrder: number): PropertyOption => ({
	label,
	value,
	displayOrder,
	hidden: false,
});

const options = (pairs: Array<[string, string]>) => pairs.map(([v, l], i) => option(v, l, i));

/** The form field HubSpot gives a property of each type when none is named. */
export const FIELD_TYPE: Record<PropertyType, string> = {
	string: 'text',
	number: 'number',
	date: 'date',
	datetime: 'date',
	enumeration: 'select',
	bool: 'booleancheckbox',
	phone_number: 'phonenumber',
};

export function propertyDefinition(
	fields: Partial<PropertyDefinition> &
		Pick<PropertyDefinition, 'name' | 'label' | 'type' | 'groupName'>,
): PropertyDefinition {
	const hubspotDefined = fields.hubspotDefined ?? true;
	const readOnlyValue = fields.modificationMetadata?.readOnlyValue ?? false;
	return {
		fieldType: FIELD_TYPE[fields.type],
		description: '',
		options: [],
		displayOrder: -1,
		hasUniqueValue: false,
		hidden: false,
		formField: !readOnlyValue,
		calculated: false,
		externalOptions: false,
		createdAt: EPOCH,
		updatedAt: EPOCH,
		archived: false,
		...fields,
		hubspotDefined,
		modificationMetadata: {
			archivable: !hubspotDefined,
			readOnlyDefinition: hubspotDefined,
			readOnlyValue,
		},
	};
}

type Spec = [name: string, label: string, type: PropertyType, extra?: Partial<PropertyDefinition>];

const readOnly = {
	modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: true },
};

const LIFECYCLE = options([
	['subscriber', 'Subscriber'],
	['lead', 'Lead'],
	['marketingqualifiedlead', 'Marketing Qualified Lead'],
	['salesqualifiedlead', 'Sales Qualified Lead'],
	['opportunity', 'Opportunity'],
	['customer', 'Customer'],
	['evangelist', 'Evangelist'],
	['other', 'Other'],
]);

// hubspot_owner_id is an enumeration of the portal's owners: external options, not validated here.
const OWNER: Spec = [
	'hubspot_owner_id',
	'Owner',
	'enumeration',
	{ fieldType: 'select', externalOptions: true },
];

/** Properties every object type has, maintained by the sandbox itself. */
function systemSpecs(lastModified: string): Spec[] {
	return [
		['hs_object_id', 'Record ID', 'number', readOnly],
		['createdate', 'Create Date', 'datetime'],
		[lastModified, 'Last Modified Date', 'datetime', readOnly],
	];
}

const COMPANY: Spec[] = [
	['name', 'Company name', 'string'],
	['domain', 'Company Domain Name', 'string'],
	['website', 'Website URL', 'string'],
	['phone', 'Phone Number', 'phone_number'],
	['address', 'Street Address', 'string'],
	['city', 'City', 'string'],
	['state', 'State/Region', 'string'],
	['zip', 'Postal Code', 'string'],
	['country', 'Country/Region', 'string'],
	['industry', 'Industry', 'string'],
	['description', 'Description', 'string', { fieldType: 'textarea' }],
	['numberofemployees', 'Number of Employees', 'number'],
	['annualrevenue', 'Annual Revenue', 'number'],
	['linkedin_company_page', 'LinkedIn Company Page', 'string'],
	['lifecyclestage', 'Lifecycle Stage', 'enumeration', { fieldType: 'radio', options: LIFECYCLE }],
	[
		'type',
		'Type',
		'enumeration',
		{
			options: options([
				['PROSPECT', 'Prospect'],
				['PARTNER', 'Partner'],
				['RESELLER', 'Reseller'],
				['VENDOR', 'Vendor'],
				['OTHER', 'Other'],
			]),
		},
	],
	OWNER,
];

const CONTACT: Spec[] = [
	['email', 'Email', 'string'],
	['firstname', 'First Name', 'string'],
	['lastname', 'Last Name', 'string'],
	['phone', 'Phone Number', 'phone_number'],
	['mobilephone', 'Mobile Phone Number', 'phone_number'],
	['company', 'Company Name', 'string'],
	['website', 'Website URL', 'string'],
	['jobtitle', 'Job Title', 'string'],
	['city', 'City', 'string'],
	['state', 'State/Region', 'string'],
	['country', 'Country/Region', 'string'],
	['associatedcompanyid', 'Primary Associated Company ID', 'number'],
	['lifecyclestage', 'Lifecycle Stage', 'enumeration', { fieldType: 'radio', options: LIFECYCLE }],
	[
		'hs_lead_status',
		'Lead Status',
		'enumeration',
		{
			fieldType: 'radio',
			options: options([
				['NEW', 'New'],
				['OPEN', 'Open'],
				['IN_PROGRESS', 'In Progress'],
				['OPEN_DEAL', 'Open Deal'],
				['UNQUALIFIED', 'Unqualified'],
				['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
				['CONNECTED', 'Connected'],
				['BAD_TIMING', 'Bad Timing'],
			]),
		},
	],
	OWNER,
	['hs_lastmodifieddate', 'Object last modified date/time', 'datetime', readOnly],
];

const DEAL: Spec[] = [
	['dealname', 'Deal Name', 'string'],
	['amount', 'Amount', 'number'],
	[
		'dealstage',
		'Deal Stage',
		'enumeration',
		{
			fieldType: 'radio',
			options: options([
				['appointmentscheduled', 'Appointment Scheduled'],
				['qualifiedtobuy', 'Qualified To Buy'],
				['presentationscheduled', 'Presentation Scheduled'],
				['decisionmakerboughtin', 'Decision Maker Bought-In'],
				['contractsent', 'Contract Sent'],
				['closedwon', 'Closed Won'],
				['closedlost', 'Closed Lost'],
			]),
		},
	],
	['pipeline', 'Pipeline', 'enumeration', { options: options([['default', 'Sales Pipeline']]) }],
	['closedate', 'Close Date', 'datetime'],
	[
		'dealtype',
		'Deal Type',
		'enumeration',
		{
			fieldType: 'radio',
			options: options([
				['newbusiness', 'New Business'],
				['existingbusiness', 'Existing Business'],
			]),
		},
	],
	[
		'hs_priority',
		'Priority',
		'enumeration',
		{
			options: options([
				['low', 'Low'],
				['medium', 'Medium'],
				['high', 'High'],
			]),
		},
	],
	['description', 'Deal Description', 'string', { fieldType: 'textarea' }],
	OWNER,
];

export function definitionsFrom(specs: Spec[], groupName: string): PropertyDefinition[] {
	return specs.map(([name, label, type, extra], displayOrder) =>
		propertyDefinition({ name, label, type, groupName, displayOrder, ...(extra ?? {}) }),
	);
}

interface BuiltIn {
	type: ObjectType;
	properties: PropertyDefinition[];
}

function builtIn(
	type: Omit<ObjectType, 'fullyQualifiedName' | 'custom' | 'requiredProperties'>,
	specs: Spec[],
	group: string,
): BuiltIn {
	return {
		type: { ...type, fullyQualifiedName: type.name, custom: false, requiredProperties: [] },
		properties: definitionsFrom([...systemSpecs(type.lastModifiedProperty), ...specs], group),
	};
}

export function builtInTypes(): BuiltIn[] {
	return [
		builtIn(
			{
				id: '0-1',
				name: 'contacts',
				singular: 'contact',
				label: 'Contact',
				scope: 'contacts',
				defaultProperties: [
					'createdate',
					'email',
					'firstname',
					'hs_object_id',
					'lastmodifieddate',
					'lastname',
				],
				lastModifiedProperty: 'lastmodifieddate',
				searchableProperties: ['firstname', 'lastname', 'email', 'phone', 'company'],
				primaryDisplayProperty: 'email',
				builtinUnique: ['email'],
			},
			CONTACT,
			'contactinformation',
		),
		builtIn(
			{
				id: '0-2',
				name: 'companies',
				singular: 'company',
				label: 'Company',
				scope: 'companies',
				defaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
				lastModifiedProperty: 'hs_lastmodifieddate',
				searchableProperties: ['name', 'domain', 'website', 'phone'],
				primaryDisplayProperty: 'name',
				builtinUnique: [],
			},
			COMPANY,
			'companyinformation',
		),
		builtIn(
			{
				id: '0-3',
				name: 'deals',
				singular: 'deal',
				label: 'Deal',
				scope: 'deals',
				defaultProperties: [
					'amount',
					'closedate',
					'createdate',
					'dealname',
					'dealstage',
					'hs_lastmodifieddate',
					'hs_object_id',
					'pipeline',
				],
				lastModifiedProperty: 'hs_lastmodifieddate',
				searchableProperties: ['dealname'],
				primaryDisplayProperty: 'dealname',
				builtinUnique: [],
			},
			DEAL,
			'dealinformation',
		),
	];
}

export function customTypeSpecs(lastModified = 'hs_lastmodifieddate'): Spec[] {
	return systemSpecs(lastModified);
}

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export interface AssociationType {
	typeId: number;
	fromTypeId: string;
	toTypeId: string;
	category: AssociationCategory;
	/** null = the pair's default ("unlabeled") association. */
	label: string | null;
	name: string;
	inverseTypeId: number;
}

const pair = (
	a: [number, string, string, string],
	b: [number, string],
	label: string | null,
): AssociationType[] => [
	{
		typeId: a[0],
		fromTypeId: a[1],
		toTypeId: a[2],
		category: 'HUBSPOT_DEFINED',
		label,
		name: a[3],
		inverseTypeId: b[0],
	},
	{
		typeId: b[0],
		fromTypeId: a[2],
		toTypeId: a[1],
		category: 'HUBSPOT_DEFINED',
		label,
		name: b[1],
		inverseTypeId: a[0],
	},
];

export function builtInAssociationTypes(): AssociationType[] {
	return [
		...pair(
			[279, '0-1', '0-2', 'contact_to_company_unlabeled'],
			[280, 'company_to_contact_unlabeled'],
			null,
		),
		...pair([1, '0-1', '0-2', 'contact_to_company'], [2, 'company_to_contact'], 'Primary'),
		...pair([3, '0-3', '0-1', 'deal_to_contact'], [4, 'contact_to_deal'], null),
		...pair(
			[341, '0-3', '0-2', 'deal_to_company_unlabeled'],
			[342, 'company_to_deal_unlabeled'],
			null,
		),
		...pair([5, '0-3', '0-2', 'deal_to_company'], [6, 'company_to_deal'], 'Primary'),
	];
}
