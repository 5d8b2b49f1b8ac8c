// The account's property definitions for an object type, read once per run (Properties API).
import type { IDataObject } from 'n8n-workflow';
import type { HubSpotClient } from '../transport/client';

export async function listProperties(
	client: HubSpotClient,
	objectType: string,
): Promise<IDataObject[]> {
	const { body } = await client.request<{ results?: IDataObject[] }>({
		method: 'GET',
		path: `/crm/v3/properties/${encodeURIComponent(objectType)}`,
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
