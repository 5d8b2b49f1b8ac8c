// Association data: which record points at which, under which association type ids.
// Every link is stored in both directions (279 ⇄ 280, 1 ⇄ 2 …) as HubSpot shows it from either side.
import { builtInAssociationTypes, type AssociationCategory, type AssociationType } from './schema';

type Links = Map<string, Map<string, Set<number>>>;

const key = (typeId: string, id: string) => `${typeId}:${id}`;

export interface AssociationRow {
	toId: string;
	typeIds: number[];
}

export interface AssociationSnapshot {
	types: AssociationType[];
	links: Array<[from: string, to: string, typeIds: number[]]>;
	nextTypeId: number;
}

export class AssociationStore {
	types = new Map<number, AssociationType>();
	private links: Links = new Map();
	private nextTypeId = 1000;

	constructor() {
		this.reset();
	}

	reset() {
		this.types = new Map(builtInAssociationTypes().map((t) => [t.typeId, t]));
		this.links = new Map();
		this.nextTypeId = 1000;
	}

	typesBetween(fromTypeId: string, toTypeId: string): AssociationType[] {
		return [...this.types.values()].filter(
			(t) => t.fromTypeId === fromTypeId && t.toTypeId === toTypeId,
		);
	}

	/** The unlabeled type HubSpot uses for "associate default". */
	defaultType(fromTypeId: string, toTypeId: string): AssociationType | undefined {
		return this.typesBetween(fromTypeId, toTypeId).find(
			(t) => t.label === null && t.category === 'HUBSPOT_DEFINED',
		);
	}

	/** Defines a label pair (or an unlabeled pair for a new custom object) and returns the forward type. */
	definePair(
		fromTypeId: string,
		toTypeId: string,
		label: string | null,
		name: string,
		category: AssociationCategory,
		inverseName = name,
	): AssociationType {
		const forward = this.nextTypeId++;
		const inverse = fromTypeId === toTypeId ? forward : this.nextTypeId++;
		const a: AssociationType = {
			typeId: forward,
			fromTypeId,
			toTypeId,
			category,
			label,
			name,
			inverseTypeId: inverse,
		};
		this.types.set(forward, a);
		if (inverse !== forward) {
			this.types.set(inverse, {
				...a,
				typeId: inverse,
				fromTypeId: toTypeId,
				toTypeId: fromTypeId,
				name: inverseName,
				inverseTypeId: forward,
			});
		}
		return a;
	}

	private half(from: string, to: string, typeId: number, add: boolean) {
		let targets = this.links.get(from);
		if (!targets) {
			if (!add) return;
			targets = new Map();
			this.links.set(from, targets);
		}
		let ids = targets.get(to);
		if (!ids) {
			if (!add) return;
			ids = new Set();
			targets.set(to, ids);
		}
		if (add) ids.add(typeId);
		else ids.delete(typeId);
		if (ids.size === 0) targets.delete(to);
		if (targets.size === 0) this.links.delete(from);
	}

	/** Adds a typed link and its inverse; a labelled link also brings the pair's unlabeled one, as in HubSpot. */
	add(type: AssociationType, fromId: string, toId: string) {
		const from = key(type.fromTypeId, fromId);
		const to = key(type.toTypeId, toId);
		this.half(from, to, type.typeId, true);
		this.half(to, from, type.inverseTypeId, true);
		if (type.label !== null) {
			const unlabeled = this.defaultType(type.fromTypeId, type.toTypeId);
			if (unlabeled) this.add(unlabeled, fromId, toId);
		}
	}

	/** Removes the given type ids (or every link) between two records, both directions. */
	remove(fromTypeId: string, fromId: string, toTypeId: string, toId: string, typeIds?: number[]) {
		const from = key(fromTypeId, fromId);
		const to = key(toTypeId, toId);
		const current = [...(this.links.get(from)?.get(to) ?? [])];
		for (const typeId of typeIds ?? current) {
			if (!current.includes(typeId)) continue;
			this.half(from, to, typeId, false);
			const inverse = this.types.get(typeId)?.inverseTypeId;
			if (inverse !== undefined) this.half(to, from, inverse, false);
		}
	}

	list(fromTypeId: string, fromId: string, toTypeId: string): AssociationRow[] {
		const prefix = `${toTypeId}:`;
		const rows: AssociationRow[] = [];
		for (const [to, ids] of this.links.get(key(fromTypeId, fromId)) ?? []) {
			if (to.startsWith(prefix))
				rows.push({ toId: to.slice(prefix.length), typeIds: [...ids].sort((a, b) => a - b) });
		}
		return rows.sort((a, b) => Number(a.toId) - Number(b.toId));
	}

	/** Forgets every link of a record (archive). */
	removeAll(typeId: string, id: string) {
		const from = key(typeId, id);
		for (const [to, ids] of this.links.get(from) ?? []) {
			const [toTypeId, toId] = to.split(':');
			this.remove(typeId, id, toTypeId, toId, [...ids]);
		}
	}

	toJSON(): AssociationSnapshot {
		const links: AssociationSnapshot['links'] = [];
		for (const [from, targets] of this.links)
			for (const [to, ids] of targets) links.push([from, to, [...ids]]);
		return { types: [...this.types.values()], links, nextTypeId: this.nextTypeId };
	}

	load(snapshot: AssociationSnapshot) {
		this.types = new Map(snapshot.types.map((t) => [t.typeId, t]));
		this.links = new Map();
		for (const [from, to, ids] of snapshot.links)
			for (const id of ids) this.half(from, to, id, true);
		this.nextTypeId = snapshot.nextTypeId;
	}
}
