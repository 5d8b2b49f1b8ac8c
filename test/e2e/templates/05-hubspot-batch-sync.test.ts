// Template 05 (HubSpot batch sync) in a real n8n: 10,000 warehouse contacts of 2,500 companies (domains in
// three spellings, 300 companies and 100 contacts already in HubSpot) backfilled at HubSpot's Free-tier limit
// (100 calls per 10 s, the sandbox's default) with the search index lagging writes, and some contact writes
// refused by HubSpot. Checked: zero 429s in the sandbox's request log although the run needs far more than
// one window's budget, every company once, every contact associated with its company, the warehouse rows
// written back, progress and per-record rows in workflow_log, the Slack summary, and that the next run
// picks up exactly the rows that failed; one sync at a time (a run that finds the lock held does nothing and
// logs why). About two minutes, most of it the rate limit itself.
import demo, {
	loadSampleContacts,
	runSync,
	RUN_NOW_PATH,
	SLUG,
	SUMMARY_CHANNEL,
} from '../../../dev/demos/05-hubspot-batch-sync';
import { send, signedRequest } from '../../../dev/stack/signed';
import { executionsOf, sandboxAdmin, slackMessages } from '../../../dev/stack/support';
import { busiestWindow } from '../../../sandbox/limiter';
import { useTemplateStack } from '../helpers/templateStack';

const CONTACTS = 10_000;
const PER_COMPANY = 4;
const COMPANIES = CONTACTS / PER_COMPANY;
const ROUND = 200; // companies per loop round (the template's Loop Over Items batch size)
const FREE_TIER_PER_10S = 100;
const EXISTING_COMPANIES = 300;
const EXISTING_CONTACTS = 100;

type HubSpotRecord = {
	id: string;
	properties: Record<string, string | null>;
	associations: Record<string, Array<{ toId: string }>>;
};
type Logged = { seq: number; at: string; method: string; path: string; status: number };
type SyncRow = {
	email: string;
	synced_at: string | null;
	hubspot_contact_id: string | null;
	hubspot_company_id: string | null;
	sync_error: string | null;
};

/** acct12.com for contact12@acct3.com's company: the sample data's company of a contact. */
const domainOf = (email: string) => email.split('@')[1];

describe(`template ${SLUG}`, () => {
	const t = useTemplateStack(SLUG, RUN_NOW_PATH);
	let existing: { companies: string[]; contacts: string[] };
	const admin = <T = any>(method: string, path: string, body?: unknown) =>
		sandboxAdmin<T>(t.stack.sandbox, method, path, body);
	const records = async (type: string) =>
		(await admin<{ results: HubSpotRecord[] }>('GET', `/hubspot/objects/${type}`)).results;
	const hubspotLog = async () =>
		(await admin<{ results: Logged[] }>('GET', '/requests?system=hubspot&limit=100000')).results;
	/** The warehouse table, read in pages (psql's answer for 10,000 rows at once is too big for one read). */
	const syncRows = () => {
		const rows: SyncRow[] = [];
		for (let offset = 0; ; offset += 2000) {
			const page = t.stack.warehouse.query<SyncRow>(
				`SELECT email, synced_at, hubspot_contact_id, hubspot_company_id, sync_error
				 FROM hubspot_contact_sync ORDER BY email LIMIT 2000 OFFSET ${offset}`,
			);
			rows.push(...page);
			if (page.length < 2000) return rows;
		}
	};
	/** This run's workflow_log rows but the per-record successes (counted apart: there are thousands). */
	const logOf = (executionId: string) =>
		t.stack.warehouse.query<{ event: string; record_id: string; status: string; metadata: any }>(
			`SELECT event, record_id, status, metadata FROM workflow_log
			 WHERE workflow = '${SLUG}' AND metadata->>'execution_id' = '${executionId}'
			   AND event <> 'record_synced' ORDER BY id`,
		);
	/** This run's record_synced rows: how many, and how many name a contact the table marks synced. */
	const syncedLogged = (executionId: string) =>
		t.stack.warehouse.query<{ logged: number; matching: number }>(
			`SELECT count(*)::int AS logged, count(c.email) FILTER (WHERE c.synced_at IS NOT NULL
			          AND c.hubspot_contact_id = l.metadata->>'contact_id')::int AS matching
			 FROM workflow_log l LEFT JOIN hubspot_contact_sync c ON c.email = l.record_id
			 WHERE l.workflow = '${SLUG}' AND l.event = 'record_synced'
			   AND l.metadata->>'execution_id' = '${executionId}'`,
		)[0];

	beforeAll(async () => {
		// Already in HubSpot: companies a rep created (old names) and contacts without a company.
		const seeded = await admin<{ hubspot: { companies: string[]; contacts: string[] } }>(
			'POST',
			'/seed',
			{
				hubspot: {
					records: {
						companies: Array.from({ length: EXISTING_COMPANIES }, (_, i) => ({
							name: `Old name ${i + 1}`,
							domain: `acct${i + 1}.com`,
						})),
						contacts: Array.from({ length: EXISTING_CONTACTS }, (_, i) => ({
							email: `contact${i + 1}@acct${1 + Math.floor(i / PER_COMPANY)}.com`,
							firstname: 'Old',
						})),
					},
				},
			},
		);
		existing = seeded.hubspot;
		loadSampleContacts(t.stack.warehouse, CONTACTS, PER_COMPANY);
		// HubSpot's search lags writes by seconds; the seeded records are older than that.
		await admin('PUT', '/hubspot/settings', { searchIndexLagMs: 2000 });
		await admin('POST', '/clock/advance', { ms: 5000 });
		await admin('DELETE', '/requests');
	});

	test('the Run now webhook refuses a request not signed with its secret and starts nothing', async () => {
		const forged = signedRequest(
			'standardWebhooks',
			t.stack.n8n.webhookUrl(RUN_NOW_PATH),
			{},
			{
				secret: `whsec_${Buffer.from('not-the-secret').toString('base64')}`,
			},
		);
		expect((await send(forged)).status).toBe(401);
		const unsigned = await fetch(forged.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(unsigned.status).toBe(400);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await executionsOf(t.stack.n8n, t.workflowId)).toEqual([]);
	});

	let failedEmails: string[];

	test(`a backfill of ${CONTACTS.toLocaleString('en')} contacts at Free-tier limits: zero 429s, every company once, contacts associated, progress and failures logged`, async () => {
		// HubSpot refuses some contact writes (207 answers failing a share of a batch's inputs).
		await admin('PUT', '/faults', {
			batchPartialFailure: 0.25,
			batchPartialFailureShare: 0.03,
			systems: ['hubspot'],
			pathPattern: '/contacts/batch/upsert',
			seed: 5,
		});
		let run;
		try {
			run = await runSync(t.stack.n8n);
		} finally {
			await admin('DELETE', '/faults');
		}
		expect(run.status).toBe('success');

		// Rate limits: more calls than one 10-second window allows, yet HubSpot never answered 429.
		const calls = await hubspotLog();
		expect(calls.filter((r) => r.status === 429)).toEqual([]);
		expect(calls.length).toBeGreaterThan(2 * FREE_TIER_PER_10S);
		expect(
			busiestWindow(
				calls.map((r) => Date.parse(r.at)).sort((a, b) => a - b),
				10_000,
			),
		).toBeLessThanOrEqual(FREE_TIER_PER_10S);
		// Batched: 100 contacts per upsert call, not one call per contact.
		expect(calls.filter((r) => r.path.endsWith('/contacts/batch/upsert'))).toHaveLength(
			CONTACTS / 100,
		);

		// Warehouse write-back: synced rows carry their HubSpot ids, refused rows their reason.
		const rows = syncRows();
		const failed = rows.filter((r) => r.sync_error !== null);
		failedEmails = failed.map((r) => r.email).sort();
		expect(failed.length).toBeGreaterThan(0);
		expect(failed.length).toBeLessThan(CONTACTS / 20);
		expect(failed.every((r) => r.synced_at === null)).toBe(true);
		expect(failed[0].sync_error).toMatch(/injected partial failure/);
		const synced = rows.filter((r) => r.sync_error === null);
		expect(synced.length).toBe(CONTACTS - failed.length);
		expect(synced.every((r) => r.synced_at && r.hubspot_contact_id && r.hubspot_company_id)).toBe(
			true,
		);

		// HubSpot: every company exactly once (three spellings in the warehouse, old companies reused).
		const companies = await records('companies');
		const companyByDomain = new Map(companies.map((c) => [c.properties.domain!, c]));
		expect(companies).toHaveLength(COMPANIES);
		expect(companyByDomain.size).toBe(COMPANIES);
		expect(companyByDomain.get('acct1.com')!.id).toBe(existing.companies[0]);
		expect(companyByDomain.get('acct1.com')!.properties.name).toBe('Account 1');
		expect(companyByDomain.get(`acct${COMPANIES}.com`)!.properties).toMatchObject({
			name: `Account ${COMPANIES}`,
			numberofemployees: String(10 * COMPANIES),
		});

		// Contacts: each synced one is in HubSpot under the id written back, associated with its company.
		const contacts = await records('contacts');
		const contactByEmail = new Map(contacts.map((c) => [c.properties.email!, c]));
		for (const row of synced) {
			const contact = contactByEmail.get(row.email);
			const company = companyByDomain.get(domainOf(row.email))!;
			expect(contact?.id).toBe(row.hubspot_contact_id);
			expect(row.hubspot_company_id).toBe(company.id);
			expect(contact!.associations.companies?.map((a) => a.toId)).toEqual([company.id]);
		}
		expect(contactByEmail.get('contact1@acct1.com')!.id).toBe(existing.contacts[0]);
		// Refused contacts were not created (only those that existed before are there).
		const preexisting = new Set(
			Array.from(
				{ length: EXISTING_CONTACTS },
				(_, i) => `contact${i + 1}@acct${1 + Math.floor(i / PER_COMPANY)}.com`,
			),
		);
		expect(contacts.length).toBe(
			synced.length + failedEmails.filter((e) => preexisting.has(e)).length,
		);

		// workflow_log: start, one progress row per round, one row per record, the finish.
		const log = logOf(run.id);
		expect(log[0]).toMatchObject({
			event: 'sync_started',
			metadata: { pending_contacts: CONTACTS, pending_companies: COMPANIES },
		});
		const progress = log.filter((r) => r.event === 'batch_progress').map((r) => r.metadata);
		expect(progress.map((p) => p.batch)).toEqual(
			Array.from({ length: Math.ceil(COMPANIES / ROUND) }, (_, i) => i + 1),
		);
		for (let i = 1; i < progress.length; i++) {
			expect(progress[i].synced).toBeGreaterThan(progress[i - 1].synced);
			expect(progress[i].pending).toBeLessThan(progress[i - 1].pending);
		}
		expect(progress.at(-1)).toMatchObject({ synced: synced.length, failed: failed.length });
		expect(syncedLogged(run.id)).toEqual({ logged: synced.length, matching: synced.length });
		const failures = log.filter((r) => r.event === 'record_failed');
		expect(failures.map((r) => r.record_id).sort()).toEqual(failedEmails);
		expect(
			failures.every((r) => r.status === 'failure' && r.metadata.step === 'Upsert contacts'),
		).toBe(true);
		const finished = log.at(-1)!;
		expect(finished).toMatchObject({
			event: 'sync_finished',
			metadata: {
				companies: COMPANIES,
				batches: progress.length,
				synced: synced.length,
				failed: failed.length,
				pending: failed.length,
			},
		});

		// Slack: the summary with the same numbers.
		const messages = await slackMessages(t.stack.sandbox, SUMMARY_CHANNEL);
		expect(messages).toHaveLength(1);
		expect(messages[0].text).toContain(
			`${synced.length} contacts synced across ${COMPANIES} companies in ${progress.length} rounds, ${failed.length} failed`,
		);
	}, 600_000);

	test('the next run syncs exactly the rows that failed, and the backfill is complete', async () => {
		await admin('DELETE', '/requests');
		const run = await runSync(t.stack.n8n);
		expect(run.status).toBe('success');

		const log = logOf(run.id);
		expect(log[0].metadata.pending_contacts).toBe(failedEmails.length);
		expect(syncedLogged(run.id)).toEqual({
			logged: failedEmails.length,
			matching: failedEmails.length,
		});
		const resynced = t.stack.warehouse.query<{ email: string }>(
			`SELECT record_id AS email FROM workflow_log WHERE event = 'record_synced'
			 AND metadata->>'execution_id' = '${run.id}' ORDER BY record_id`,
		);
		expect(resynced.map((r) => r.email)).toEqual(failedEmails);
		const rows = syncRows();
		expect(rows.every((r) => r.synced_at !== null && r.sync_error === null)).toBe(true);
		expect(await records('contacts')).toHaveLength(CONTACTS);
		expect(await records('companies')).toHaveLength(COMPANIES);
		expect((await hubspotLog()).filter((r) => r.status === 429)).toEqual([]);
	}, 300_000);

	test('one sync at a time: a run started while another holds the lock does nothing and logs why', async () => {
		// Another run (a worker, the nightly schedule) holds the lock for a minute.
		const now = Date.now();
		t.stack.warehouse.query(
			`SELECT key FROM revops_queue_lock('hubspot-sync', 'another-run', ${now}, ${now + 60_000})`,
		);
		t.stack.warehouse.exec(
			"UPDATE hubspot_contact_sync SET updated_at = now() WHERE email = 'contact1@acct1.com'",
		);
		await admin('DELETE', '/requests');
		try {
			const run = await runSync(t.stack.n8n);
			expect(run.status).toBe('success');
			expect(logOf(run.id)).toEqual([
				{
					event: 'sync_skipped',
					record_id: run.id,
					status: 'skipped',
					metadata: {
						execution_id: run.id,
						reason: 'another sync holds the lock',
						held_until: new Date(now + 60_000).toISOString(),
					},
				},
			]);
			expect(await hubspotLog()).toEqual([]);
		} finally {
			t.stack.warehouse.query(`SELECT key FROM revops_queue_unlock('hubspot-sync', 'another-run')`);
		}
		// Once it lets go, the next run syncs (and releases the lock at its end).
		const next = await runSync(t.stack.n8n);
		expect(logOf(next.id).map((r) => r.event)).toEqual([
			'sync_started',
			'batch_progress',
			'sync_finished',
		]);
		expect(
			t.stack.warehouse.query<{ claim: string }>(
				"SELECT claim FROM revops_queue WHERE queue = 'hubspot-sync' AND key = '__drain_lock__'",
			),
		).toEqual([{ claim: '' }]);
	}, 300_000);

	test('the demo (npm run demo) re-syncs the contacts that changed since', async () => {
		await admin('DELETE', '/requests');
		const result = (await demo.run(t.ctx)) as {
			execution: { status: string };
			summary: Record<string, number>;
			slack: string;
		};
		expect(result.execution.status).toBe('success');
		expect(result.summary).toMatchObject({ synced: 500, failed: 0, pending: 0 });
		expect(result.slack).toContain('500 contacts synced');
		expect(await records('companies')).toHaveLength(COMPANIES);
		expect(await records('contacts')).toHaveLength(CONTACTS);
		expect((await hubspotLog()).filter((r) => r.status === 429)).toEqual([]);
	}, 300_000);
});
