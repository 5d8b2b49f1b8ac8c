// Demo of the metrics template (10): reads the Prometheus endpoint as a scraper would and prints what it
// counts so far (run another template's demo first to have something to count), with the dashboard's URL.
import { SANDBOX_DASHBOARD_LOGIN, SANDBOX_METRICS_TOKEN } from '../stack/credentials';
import type { TemplateDemo } from '../stack/templates';

export const SLUG = '10-pipeline-metrics';

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Every package node of the other templates sends what it measures here: a Prometheus endpoint and a dashboard page (run another demo first, e.g. 01)',
	howTo: ({ n8n }) =>
		[
			`open ${n8n.webhookUrl('revops-dashboard')}   (log in ${SANDBOX_DASHBOARD_LOGIN.user} / ${SANDBOX_DASHBOARD_LOGIN.password})`,
			`curl -H 'Authorization: Bearer ${SANDBOX_METRICS_TOKEN}' ${n8n.webhookUrl('revops-metrics')}`,
		].join('\n'),
	async run({ n8n }) {
		const res = await fetch(n8n.webhookUrl('revops-metrics'), {
			headers: { authorization: `Bearer ${SANDBOX_METRICS_TOKEN}` },
		});
		const text = await res.text();
		const samples = text.split('\n').filter((line) => line && !line.startsWith('#'));
		return {
			status: res.status,
			series: samples.length,
			hubspotCalls: samples
				.filter(
					(line) =>
						line.startsWith('revops_api_requests_total{') && line.includes('system="hubspot"'),
				)
				.reduce((sum, line) => sum + Number(line.split(' ').pop()), 0),
			dashboard: n8n.webhookUrl('revops-dashboard'),
		};
	},
};

export default demo;
