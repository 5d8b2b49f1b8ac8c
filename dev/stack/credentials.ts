// One credential per type, pointing at the sandbox: what `npm start` and the template e2e tests create, and
// the names the templates in workflows/ refer to (n8n links a template's credential by name on import when
// the id is unknown; the harness links by type).
import type { CredentialSpec } from '../harness';
import type { Sandbox } from '../../sandbox/server';
import type { Warehouse } from './warehouse';

export const CREDENTIAL_NAMES = {
	hubspot: 'HubSpot (sandbox)',
	clay: 'Clay (sandbox)',
	webhookSecret: 'Webhook secret (sandbox)',
	slack: 'Slack (sandbox)',
	slackRevOps: 'Slack (RevOps, sandbox)',
	postgres: 'Warehouse (sandbox PostgreSQL)',
	n8nApi: 'n8n API (this instance)',
	metrics: 'RevOps metrics (this instance)',
	metricsToken: 'Metrics token (sandbox)',
	dashboardLogin: 'Dashboard login (sandbox)',
} as const;

/** Bearer token of the metrics intake and the Prometheus endpoint (template 10), and the dashboard's login. */
export const SANDBOX_METRICS_TOKEN = 'metrics-sandbox-token';
export const SANDBOX_DASHBOARD_LOGIN = { user: 'revops', password: 'dashboard-sandbox' };
/** How often each n8n process sends what it measured; REVOPS_METRICS_FLUSH_SECONDS overrides (tests: 0). */
export const METRICS_FLUSH_SECONDS = Number(process.env.REVOPS_METRICS_FLUSH_SECONDS ?? 10);

/**
 * n8n 1.123 adds "Allowed HTTP Request Domains" to every credential type the HTTP Request node can use, and its
 * public API then requires a value; 2.41 ignores it.
 */
const ANY_DOMAIN = { allowedHttpRequestDomains: 'all' };

/** The signing secret of every signed template in the sandbox (Standard Webhooks form, also fine as raw). */
export const SANDBOX_WEBHOOK_SECRET = 'whsec_c2FuZGJveC1zaWduaW5nLXNlY3JldC0wMDE=';
/** Token of the Clay webhook source the Clay template pushes to (sandbox Clay accepts it). */
export const SANDBOX_CLAY_TOKEN = 'clay-sandbox-token';
/** Seeded in the sandbox: HubSpot private-app token and Slack bot token (sandbox/README.md). */
export const SANDBOX_HUBSPOT_TOKEN = 'pat-sandbox';
export const SANDBOX_SLACK_TOKEN = 'xoxb-sandbox';

/**
 * `n8n` is the instance the credentials are created in: the error-handler template reads and retries
 * executions through its public API with an API key of that instance.
 */
export function sandboxCredentials(
	sandbox: Sandbox,
	warehouse?: Warehouse,
	n8n?: { url: string; apiKey: string; webhookBase?: string },
	metricsFlushSeconds = METRICS_FLUSH_SECONDS,
): CredentialSpec[] {
	const specs: CredentialSpec[] = [
		{
			name: CREDENTIAL_NAMES.hubspot,
			type: 'hubSpotRevOpsPrivateAppApi',
			data: { accessToken: SANDBOX_HUBSPOT_TOKEN, baseUrl: sandbox.hubspotUrl, ...ANY_DOMAIN },
		},
		{
			name: CREDENTIAL_NAMES.clay,
			type: 'clayApi',
			data: { webhookAuthToken: SANDBOX_CLAY_TOKEN, ...ANY_DOMAIN },
		},
		{
			name: CREDENTIAL_NAMES.webhookSecret,
			type: 'webhookSecretApi',
			data: { secret: SANDBOX_WEBHOOK_SECRET },
		},
		// The templates' Slack (RevOps) nodes, straight at the sandbox's Web API.
		{
			name: CREDENTIAL_NAMES.slackRevOps,
			type: 'revOpsSlackApi',
			data: { accessToken: SANDBOX_SLACK_TOKEN, baseUrl: `${sandbox.slackUrl}/api`, ...ANY_DOMAIN },
		},
		// n8n's own Slack node calls https://slack.com/api; the sandbox's HTTPS proxy answers for it.
		{
			name: CREDENTIAL_NAMES.slack,
			type: 'slackApi',
			data: { accessToken: SANDBOX_SLACK_TOKEN, notice: '' },
		},
	];
	if (warehouse) {
		specs.push({
			name: CREDENTIAL_NAMES.postgres,
			type: 'postgres',
			data: {
				host: warehouse.host,
				port: warehouse.port,
				database: warehouse.database,
				user: warehouse.user,
				password: warehouse.password,
				ssl: 'disable',
				sshTunnel: false,
			},
		});
	}
	if (n8n) {
		specs.push({
			name: CREDENTIAL_NAMES.n8nApi,
			type: 'n8nApi',
			data: { apiKey: n8n.apiKey, baseUrl: `${n8n.url}/api/v1` },
		});
		specs.push(
			{
				name: CREDENTIAL_NAMES.metrics,
				type: 'revOpsMetricsApi',
				data: {
					url: `${n8n.webhookBase ?? n8n.url}/webhook/revops-metrics-intake`,
					token: SANDBOX_METRICS_TOKEN,
					flushSeconds: metricsFlushSeconds,
					...ANY_DOMAIN,
				},
			},
			{
				name: CREDENTIAL_NAMES.metricsToken,
				type: 'httpHeaderAuth',
				// n8n's generic auth types take no domain restriction fields on 1.123's API (2.41 ignores them).
				data: { name: 'Authorization', value: `Bearer ${SANDBOX_METRICS_TOKEN}` },
			},
			{
				name: CREDENTIAL_NAMES.dashboardLogin,
				type: 'httpBasicAuth',
				data: { ...SANDBOX_DASHBOARD_LOGIN },
			},
		);
	}
	return specs;
}
