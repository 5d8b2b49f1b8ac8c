// Properties API (v3) and the Schemas API (custom object types). Every path of these APIs is built here.
import type { IDataObject } from 'n8n-workflow';
import type { HubSpotClient } from '../transport/client';

const propertiesPath = (objectType: string) =>
	`/crm/v3/properties/${encodeURIComponent(objectType)}`;

/** The account's property definitions for an object type. */
export async function listProperties(
	client: HubSpotClient,
	objectType: string,
): Promise<IDataObject[]> {
	const { body } = await client.request<{ results?: IDataObject[] }>({
		method: 'GET',
		path: propertiesPath(objectType),
	});
	return body.results ?? [];
}

/** Names of the properties; `writableOnly` leaves out calculated and read-only ones. */
export async function listPropertyNames(
	client: HubSpotClient,
	objectType: string,
	writableOnly: boolean,
) {
	const properties = await listProperties(client, objectType);
	const writable = (p: IDataObject) =>
		!((p.modificationMetadata as IDataObject | undefined)?.readOnlyValue === true);
	return new Set(properties.filter((p) => !writableOnly || writable(p)).map((p) => String(p.name)));
}

export async function getProperty(
	client: HubSpotClient,
	objectType: string,
	name: string,
): Promise<IDataObject> {
	const { body } = await client.request({
		method: 'GET',
		path: `${propertiesPath(objectType)}/${encodeURIComponent(name)}`,
	});
	return body;
}

/** Creates a property; a 409 (it exists) is thrown like any other failure. */
export async function createProperty(
	client: HubSpotClient,
	objectType: string,
	definition: IDataObject,
): Promise<IDataObject> {
	const { body } = await client.request({
		method: 'POST',
		path: propertiesPath(objectType),
		body: definition,
	});
	return body;
}

/** The account's custom object schemas (id `2-…`, labels). */
export async function listSchemas(client: HubSpotClient): Promise<IDataObject[]> {
	const { body } = await client.request<{ results?: IDataObject[] }>({
		method: 'GET',
		path: '/crm/v3/schemas',
	});
	return body.results ?? [];
}
