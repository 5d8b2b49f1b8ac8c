// HubSpot CRM data: object types, property definitions, records with full property history,
// unique-value indexes (contact email, hasUniqueValue properties) and associations.
import type { Clock } from '../clock';
import { AssociationStore, type AssociationSnapshot } from './associationStore';
import { HubSpotError, objectNotFound, validationError } from './errors';
import {
	builtInTypes,
	customTypeSpecs,
	definitionsFrom,
	PORTAL_ID,
	type ObjectType,
	type PropertyDefinition,
} from './schema';

export interface HistoryEntry {
	value: string;
	timestamp: number;
	sourceType: string;
	sourceId?: string;
}

export interface StoredRecord {
	id: string;
	typeId: string;
	createdAt: number;
	updatedAt: number;
	archived: boolean;
	archivedAt?: number;
	properties: Record<string, string>;
	/** Oldest first. */
	history: Record<string, HistoryEntry[]>;
}

export interface WriteSource {
	sourceType: string;
	sourceId?: string;
}

/** Normalized values to write; '' clears a property. */
export type Values = Record<string, string>;

// HubSpot keeps a bounded number of versions per property; the bound also caps sandbox memory.
const MAX_VERSIONS = 50;
const SYSTEM: WriteSource = { sourceType: 'CALCULATED' };
// Real record ids are large numbers; starting high catches code that treats them as small ints.
const FIRST_ID = 10_000_000_001;

export interface StoreSnapshot {
	nextId: number;
	types: ObjectType[];
	properties: Record<string, PropertyDefinition[]>;
	records: StoredRecord[];
	associations: AssociationSnapshot;
}

export class HubSpotStore {
	readonly types = new Map<string, ObjectType>();
	readonly properties = new Map<string, Map<string, PropertyDefinition>>();
	readonly associations = new AssociationStore();
	private readonly records = new Map<string, Map<string, StoredRecord>>();
	/** typeId → property → normalized value → record id. */
	private readonly unique = new Map<string, Map<string, Map<string, string>>>();
	private nextId = FIRST_ID;
	private nextCustomType = 1;

	constructor(private readonly clock: Clock) {
		this.reset();
	}

	reset() {
		this.types.clear();
		this.properties.clear();
		this.records.clear();
		this.unique.clear();
		this.associations.reset();
		this.nextId = FIRST_ID;
		this.nextCustomType = 1;
		for (const { type, properties } of builtInTypes()) this.addType(type, properties);
	}

	private addType(type: ObjectType, properties: PropertyDefinition[]) {
		this.types.set(type.id, type);
		this.properties.set(type.id, new Map(properties.map((p) => [p.name, p])));
		this.records.set(type.id, new Map());
		this.unique.set(type.id, new Map());
		for (const name of this.uniqueProperties(type.id))
			this.unique.get(type.id)!.set(name, new Map());
	}

	/** Accepts `contacts`, `contact`, `0-1`, a custom schema name or its fully qualified name. */
	resolveType(name: string): ObjectType | undefined {
		const wanted = name.toLowerCase();
		for (const type of this.types.values()) {
			if (
				type.id === wanted ||
				type.name.toLowerCase() === wanted ||
				type.singular.toLowerCase() === wanted ||
				type.fullyQualifiedName.toLowerCase() === wanted
			) {
				return type;
			}
		}
		return undefined;
	}

	requireType(name: string): ObjectType {
		const type = this.resolveType(name);
		if (!type)
			throw new HubSpotError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${name}`);
		return type;
	}

	createCustomType(input: {
		name: string;
		labels: { singular: string; plural: string };
		primaryDisplayProperty?: string;
		requiredProperties?: string[];
		searchableProperties?: string[];
		properties: PropertyDefinition[];
	}): ObjectType {
		const id = `2-${this.nextCustomType++}`;
		const type: ObjectType = {
			id,
			name: input.name,
			singular: input.name,
			label: input.labels.singular,
			scope: 'custom',
			defaultProperties: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
			lastModifiedProperty: 'hs_lastmodifieddate',
			searchableProperties: input.searchableProperties ?? [],
			requiredProperties: input.requiredProperties ?? [],
			primaryDisplayProperty:
				input.primaryDisplayProperty ?? input.properties[0]?.name ?? 'hs_object_id',
			builtinUnique: [],
			fullyQualifiedName: `p${PORTAL_ID}_${input.name}`,
			custom: true,
		};
		this.addType(type, [
			...definitionsFrom(customTypeSpecs(), 'customobject'),
			...input.properties,
		]);
		return type;
	}

	definitions(typeId: string): Map<string, PropertyDefinition> {
		return this.properties.get(typeId)!;
	}

	/** Adds a property definition; a unique one gets an index built from existing values. */
	addProperty(typeId: string, definition: PropertyDefinition) {
		this.definitions(typeId).set(definition.name, definition);
		if (definition.hasUniqueValue) {
			const index = new Map<string, string>();
			for (const record of this.records.get(typeId)!.values()) {
				const value = record.properties[definition.name];
				if (value && !record.archived) index.set(value, record.id);
			}
			this.unique.get(typeId)!.set(definition.name, index);
		}
	}

	/** Archived properties reject writes and stop being unique, as in HubSpot. */
	archiveProperty(typeId: string, name: string) {
		const def = this.definitions(typeId).get(name)!;
		this.definitions(typeId).set(name, {
			...def,
			archived: true,
			archivedAt: new Date(this.clock.now()).toISOString(),
		});
		this.unique.get(typeId)!.delete(name);
	}

	uniqueProperties(typeId: string): string[] {
		const type = this.types.get(typeId)!;
		const defs = [...this.definitions(typeId).values()].filter(
			(p) => p.hasUniqueValue && !p.archived,
		);
		return [...type.builtinUnique, ...defs.map((p) => p.name)];
	}

	isUnique(typeId: string, property: string): boolean {
		return property === 'hs_object_id' || this.unique.get(typeId)!.has(property);
	}

	private indexKey(property: string, value: string) {
		return property === 'email' ? value.trim().toLowerCase() : value;
	}

	all(typeId: string): IterableIterator<StoredRecord> {
		return this.records.get(typeId)!.values();
	}

	get(typeId: string, id: string): StoredRecord | undefined {
		return this.records.get(typeId)!.get(id);
	}

	/** Finds a live record by id or by a unique property (`idProperty`). */
	find(
		typeId: string,
		id: string,
		idProperty?: string,
		archived = false,
	): StoredRecord | undefined {
		if (!idProperty || idProperty === 'hs_object_id') {
			const record = this.get(typeId, id);
			return record && record.archived === archived ? record : undefined;
		}
		if (!this.isUnique(typeId, idProperty)) {
			throw validationError(
				`Property "${idProperty}" is a non-unique property and cannot be used as idProperty.`,
				[
					{
						message: `${idProperty} is not a unique property`,
						code: 'INVALID_ID_PROPERTY',
						in: 'idProperty',
					},
				],
			);
		}
		if (archived) {
			for (const record of this.all(typeId)) {
				if (record.archived && record.properties[idProperty] === id) return record;
			}
			return undefined;
		}
		const recordId = this.unique.get(typeId)!.get(idProperty)!.get(this.indexKey(idProperty, id));
		return recordId ? this.get(typeId, recordId) : undefined;
	}

	require(typeId: string, id: string, idProperty?: string): StoredRecord {
		const record = this.find(typeId, id, idProperty);
		if (!record) throw objectNotFound(id);
		return record;
	}

	/** Throws the conflict HubSpot answers when a unique value already belongs to another record. */
	assertUnique(typeId: string, values: Values, selfId?: string) {
		const indexes = this.unique.get(typeId)!;
		for (const [property, index] of indexes) {
			const value = values[property];
			if (!value) continue;
			const owner = index.get(this.indexKey(property, value));
			if (owner && owner !== selfId) {
				const type = this.types.get(typeId)!;
				throw new HubSpotError(
					409,
					'CONFLICT',
					`${type.label} already exists. Existing ID: ${owner}`,
					{
						errors: [
							{
								message: `A ${type.singular} with ${property} ${value} already exists. Existing ID: ${owner}`,
								in: property,
							},
						],
					},
				);
			}
		}
	}

	create(typeId: string, values: Values, source: WriteSource): StoredRecord {
		this.assertUnique(typeId, values);
		const now = this.clock.now();
		const id = String(this.nextId++);
		const record: StoredRecord = {
			id,
			typeId,
			createdAt: now,
			updatedAt: now,
			archived: false,
			properties: {},
			history: {},
		};
		this.records.get(typeId)!.set(id, record);
		const iso = new Date(now).toISOString();
		this.apply(record, { hs_object_id: id, createdate: iso }, SYSTEM, now);
		this.apply(record, values, source, now);
		this.touch(record, now);
		return record;
	}

	update(record: StoredRecord, values: Values, source: WriteSource): StoredRecord {
		this.assertUnique(record.typeId, values, record.id);
		const now = this.clock.now();
		this.apply(record, values, source, now);
		this.touch(record, now);
		return record;
	}

	/**
	 * A write made at `at`, in the past (seeding a record's history, e.g. a contact's earlier form
	 * submissions): each value becomes a version in time order, and the current value only when no later
	 * version exists. A write before the record's creation moves its creation back to `at`.
	 */
	backfill(record: StoredRecord, values: Values, source: WriteSource, at: number): StoredRecord {
		const latest = (name: string) => {
			const versions = record.history[name] ?? [];
			return versions.length ? versions[versions.length - 1].timestamp : -Infinity;
		};
		const current = Object.fromEntries(
			Object.entries(values).filter(([name]) => latest(name) <= at),
		);
		this.assertUnique(record.typeId, current, record.id);
		for (const [name, value] of Object.entries(values)) {
			const versions = (record.history[name] ??= []);
			const place = versions.findIndex((v) => v.timestamp > at);
			versions.splice(place === -1 ? versions.length : place, 0, {
				value,
				timestamp: at,
				...source,
			});
			if (versions.length > MAX_VERSIONS) versions.shift();
		}
		for (const [name, value] of Object.entries(current)) this.setValue(record, name, value);
		if (at < record.createdAt) {
			record.createdAt = at;
			const iso = new Date(at).toISOString();
			record.properties.createdate = iso;
			record.history.createdate = [{ value: iso, timestamp: at, ...SYSTEM }];
		}
		return record;
	}

	archive(record: StoredRecord) {
		if (record.archived) return;
		record.archived = true;
		record.archivedAt = this.clock.now();
		this.unindex(record);
		this.associations.removeAll(record.typeId, record.id);
	}

	/** Removes a record without trace: rollback of an all-or-nothing batch. */
	purge(record: StoredRecord) {
		this.unindex(record);
		this.associations.removeAll(record.typeId, record.id);
		this.records.get(record.typeId)!.delete(record.id);
	}

	private unindex(record: StoredRecord) {
		for (const [property, index] of this.unique.get(record.typeId)!) {
			const value = record.properties[property];
			if (value && index.get(this.indexKey(property, value)) === record.id)
				index.delete(this.indexKey(property, value));
		}
	}

	private touch(record: StoredRecord, now: number) {
		record.updatedAt = now;
		const iso = new Date(now).toISOString();
		const type = this.types.get(record.typeId)!;
		const stamps: Values = { [type.lastModifiedProperty]: iso };
		if (this.definitions(record.typeId).has('hs_lastmodifieddate'))
			stamps.hs_lastmodifieddate = iso;
		this.apply(record, stamps, SYSTEM, now);
	}

	/** The current value of one property, its unique index kept in step ('' clears it). */
	private setValue(record: StoredRecord, name: string, value: string) {
		const previous = record.properties[name];
		const index = this.unique.get(record.typeId)!.get(name);
		if (index && previous) index.delete(this.indexKey(name, previous));
		if (value === '') delete record.properties[name];
		else {
			record.properties[name] = value;
			if (index) index.set(this.indexKey(name, value), record.id);
		}
	}

	private apply(record: StoredRecord, values: Values, source: WriteSource, now: number) {
		for (const [name, value] of Object.entries(values)) {
			if ((record.properties[name] ?? '') === value) continue;
			this.setValue(record, name, value);
			const versions = (record.history[name] ??= []);
			versions.push({ value, timestamp: now, ...source });
			if (versions.length > MAX_VERSIONS) versions.shift();
		}
	}

	toJSON(): StoreSnapshot {
		const properties: Record<string, PropertyDefinition[]> = {};
		const records: StoredRecord[] = [];
		for (const [typeId, defs] of this.properties) properties[typeId] = [...defs.values()];
		for (const byId of this.records.values()) records.push(...byId.values());
		return {
			nextId: this.nextId,
			types: [...this.types.values()],
			properties,
			records,
			associations: this.associations.toJSON(),
		};
	}

	load(snapshot: StoreSnapshot) {
		this.types.clear();
		this.properties.clear();
		this.records.clear();
		this.unique.clear();
		for (const type of snapshot.types) this.addType(type, snapshot.properties[type.id] ?? []);
		this.nextCustomType = snapshot.types.filter((t) => t.custom).length + 1;
		for (const record of snapshot.records) {
			this.records.get(record.typeId)!.set(record.id, record);
			if (!record.archived) {
				for (const [property, index] of this.unique.get(record.typeId)!) {
					const value = record.properties[property];
					if (value) index.set(this.indexKey(property, value), record.id);
				}
			}
		}
		this.nextId = snapshot.nextId;
		this.associations.load(snapshot.associations);
	}
}
