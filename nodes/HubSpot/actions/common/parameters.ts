// Reading parameters for thousands of items. n8n 2.x evaluates every expression in an isolated VM,
// roughly a millisecond per item and parameter: on a 20,000-row Clay table that, not HubSpot's rate
// limit, would set the pace. A parameter that is exactly `{{ $json.a.b }}` (what dragging a field
// into it writes) is the item's own field, so it is read directly; anything else is evaluated by n8n.
// A resource locator ({ __rl: true, mode, value }) is read the same way through its `value`.
import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';
import { DEFAULT_FILTER_GROUPS } from '../../api/search';
import type { Run } from './run';

const JSON_FIELD = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[(?:'[^'\\]*'|"[^"\\]*")\])+)\s*\}\}$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[(?:'([^']*)'|"([^"]*)")\]/g;

function rawParameter(parameters: unknown, path: string): unknown {
	let value = parameters;
	for (const key of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** `=\{\{ $json.a['b c'] \}\}` → ['a', 'b c']; undefined for any other value. */
export function jsonFieldPath(raw: unknown): string[] | undefined {
	const match = typeof raw === 'string' ? JSON_FIELD.exec(raw) : null;
	if (!match) return undefined;
	return [...match[1].matchAll(SEGMENT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Whether a stored parameter value is a resource locator (`{ __rl: true, mode, value }`). */
export function isResourceLocator(raw: unknown): raw is INodeParameterResourceLocator {
	return (
		typeof raw === 'object' &&
		raw !== null &&
		(raw as IDataObject).__rl === true &&
		'mode' in raw &&
		'value' in raw
	);
}

/** The parameter as the workflow stores it (expressions unresolved); undefined when it is not set. */
export function storedParameter(run: Run, name: string): unknown {
	return rawParameter(run.fn.getNode().parameters, name);
}

/**
 * A reader of parameter `name` (a path such as `propertyValues.values[0].value`) per item. For a
 * resource locator it reads the locator's value (what `extractValue` returns for modes without an
 * extraction regex); the mode is the caller's to read (see recordLocator.ts).
 */
export function itemParameter(
	run: Run,
	name: string,
	fallback: unknown = '',
): (index: number) => unknown {
	const raw = rawParameter(run.fn.getNode().parameters, name);
	if (isResourceLocator(raw)) return itemParameter(run, `${name}.value`, fallback);
	if (typeof raw !== 'string' || !raw.startsWith('=')) {
		// Not an expression: the same for every item.
		const value = run.fn.getNodeParameter(name, 0, fallback);
		return () => value;
	}
	const path = jsonFieldPath(raw);
	if (!path) return (index) => run.fn.getNodeParameter(name, index, fallback);
	return (index) => {
		let value: unknown = run.items[index].json;
		for (const key of path)
			value = value === null || typeof value !== 'object' ? undefined : (value as IDataObject)[key];
		return value ?? fallback;
	};
}

/** The node's version as the workflow stores it (1 for workflows saved before version 2). */
export function nodeVersion(run: Run): number {
	return run.fn.getNode().typeVersion ?? 1;
}

/** A parameter that is the same for every item (mode switches, policies): read once per run. */
export function runParameter<T>(run: Run, name: string, fallback: T): T {
	const cache = (run.constants ??= new Map<string, unknown>());
	if (!cache.has(name)) cache.set(name, run.fn.getNodeParameter(name, 0, fallback));
	return cache.get(name) as T;
}

/** Search Filter Groups: IN filters of 100 values OR-ed per search call (HubSpot allows 5). */
export function searchFilterGroups(run: Run): number {
	const value = Number(run.rawOptions.searchFilterGroups ?? DEFAULT_FILTER_GROUPS);
	return Math.min(5, Math.max(1, value || DEFAULT_FILTER_GROUPS));
}
