// What every operation receives: the n8n context, the HubSpot client, the items and the outputs.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { HubSpotClient } from '../../transport/client';
import type { ItemOutputs } from './outputs';

export interface RunOptions {
	/** Report what would be written, write nothing. */
	dryRun: boolean;
	/** Send blank input values (clearing HubSpot values). */
	sendEmpty: boolean;
	/** Inputs per batch call (HubSpot allows 100). */
	batchSize: number;
}

export interface Run {
	fn: IExecuteFunctions;
	client: HubSpotClient;
	items: INodeExecutionData[];
	out: ItemOutputs;
	/** CRM object type of the resource: companies, contacts, deals or a custom type id (2-…). */
	objectType: string;
	options: RunOptions;
	/** The Options collection as the user set it. */
	rawOptions: IDataObject;
	/** Parameters read once per run (see runParameter). */
	constants?: Map<string, unknown>;
}

export type Operation = (run: Run) => Promise<void>;

/** Runs `read` for each item; an item whose parameters cannot be read goes to Rejected. */
export function readPerItem<T>(
	run: Run,
	read: (index: number) => T,
): Array<{ index: number; value: T }> {
	const values: Array<{ index: number; value: T }> = [];
	for (let index = 0; index < run.items.length; index++) {
		try {
			values.push({ index, value: read(index) });
		} catch (error) {
			run.out.fail(index, { message: (error as Error).message, category: 'INVALID_INPUT' });
		}
	}
	return values;
}
