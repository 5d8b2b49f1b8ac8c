// The dashboard page: one self-contained HTML document (inline CSS and SVG, no script, nothing fetched)
// so it renders wherever n8n's answer reaches, and a person reads it at a glance: per system calls, error
// and 429 rates, latency p50/p95/p99; webhooks accepted and refused; queues' backlog and oldest row; and
// charts of the window in equal buckets. Every figure carries data-figure="…" for tests.
import type { Summary, TimelinePoint } from './summary';

const esc = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const num = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(2));
const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const ms = (seconds?: number) => (seconds === undefined ? '—' : `${Math.round(seconds * 1000)} ms`);
const age = (seconds?: number) =>
	seconds === undefined
		? '—'
		: seconds < 120
			? `${Math.round(seconds)} s`
			: `${Math.round(seconds / 60)} min`;

function cell(figure: string, text: string, warn = false): string {
	return `<td data-figure="${esc(figure)}"${warn ? ' class="warn"' : ''}>${esc(text)}</td>`;
}

function chart(
	title: string,
	points: TimelinePoint[],
	lines: Array<{ label: string; color: string; value: (p: TimelinePoint) => number | undefined }>,
	unit: string,
): string {
	const width = 560;
	const height = 150;
	const pad = { left: 46, right: 8, top: 10, bottom: 22 };
	const values = points.flatMap((p) => lines.map((l) => l.value(p) ?? 0));
	const max = Math.max(1e-9, ...values);
	const x = (i: number) =>
		pad.left + (i * (width - pad.left - pad.right)) / Math.max(1, points.length - 1);
	const y = (v: number) => pad.top + (1 - v / max) * (height - pad.top - pad.bottom);
	const paths = lines
		.map((line) => {
			const coords = points
				.map((p, i) => {
					const v = line.value(p);
					return v === undefined ? undefined : `${x(i).toFixed(1)},${y(v).toFixed(1)}`;
				})
				.filter(Boolean)
				.join(' ');
			// Dots too: a series with one point in the window (a single busy minute) is still seen.
			const dots = points
				.map((p, i) => {
					const v = line.value(p);
					return v === undefined || (v === 0 && line.value(points[i - 1] ?? p) === 0)
						? ''
						: `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${line.color}"/>`;
				})
				.join('');
			return `<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${coords}"/>${dots}`;
		})
		.join('');
	const time = (at: number) => new Date(at).toISOString().slice(11, 16);
	const legend = lines
		.map((l) => `<span class="key" style="border-color:${l.color}">${esc(l.label)}</span>`)
		.join(' ');
	const first = points[0]?.at ?? 0;
	const last = points[points.length - 1]?.at ?? 0;
	return `<figure><figcaption>${esc(title)} ${legend}</figcaption>
<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">
<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#999"/>
<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="#999"/>
<text x="${pad.left - 4}" y="${pad.top + 8}" text-anchor="end">${esc(num(max === 1e-9 ? 0 : Number(max.toPrecision(3))))}${esc(unit)}</text>
<text x="${pad.left - 4}" y="${height - pad.bottom}" text-anchor="end">0</text>
<text x="${pad.left}" y="${height - 6}">${time(first)}</text>
<text x="${width - pad.right}" y="${height - 6}" text-anchor="end">${time(last)} UTC</text>
${paths}</svg></figure>`;
}

export function dashboardHtml(
	summary: Summary,
	windowName: string,
	links: Record<string, string>,
): string {
	const systems = summary.systems
		.map(
			(s) =>
				`<tr><th>${esc(s.system)}</th>${cell(`${s.system}.calls`, num(s.calls))}${cell(
					`${s.system}.errorRate`,
					pct(s.errorRate),
					s.errorRate > 0.05,
				)}${cell(`${s.system}.rateLimited`, num(s.rateLimited), s.rateLimited > 0)}${cell(
					`${s.system}.refused`,
					num(s.refused),
				)}${cell(`${s.system}.p50`, ms(s.p50))}${cell(`${s.system}.p95`, ms(s.p95))}${cell(
					`${s.system}.p99`,
					ms(s.p99),
				)}${cell(`${s.system}.retries`, num(s.retries))}${cell(
					`${s.system}.budgetWait`,
					`${s.budgetWaitSeconds.toFixed(1)} s`,
				)}</tr>`,
		)
		.join('');
	const webhooks = summary.webhooks
		.map((w) => {
			const id = `${w.trigger}.${w.workflow}`;
			const reasons = Object.entries(w.refusedByStatus)
				.map(([status, n]) => `${status}: ${n}`)
				.join(', ');
			return `<tr><th>${esc(w.workflow)}<small>${esc(w.trigger)}</small></th>${cell(
				`${id}.accepted`,
				num(w.accepted),
			)}${cell(`${id}.refused`, num(w.refused), w.refused > 0)}${cell(
				`${id}.successRate`,
				pct(w.successRate),
			)}${cell(`${id}.refusedByStatus`, reasons || '—')}</tr>`;
		})
		.join('');
	const queues = summary.queues
		.map(
			(q) =>
				`<tr><th>${esc(q.pipeline)}</th>${cell(`${q.pipeline}.backlog`, num(q.backlog))}${cell(
					`${q.pipeline}.oldest`,
					age(q.oldestPendingSeconds),
				)}${cell(`${q.pipeline}.stored`, num(q.stored))}${cell(`${q.pipeline}.done`, num(q.done))}${cell(
					`${q.pipeline}.retried`,
					num(q.retried),
				)}${cell(`${q.pipeline}.dead`, num(q.dead), q.dead > 0)}${cell(`${q.pipeline}.lagP95`, age(q.lagP95))}</tr>`,
		)
		.join('');
	const nav = Object.entries(links)
		.map(([name, href]) =>
			name === windowName ? `<b>${esc(name)}</b>` : `<a href="${esc(href)}">${esc(name)}</a>`,
		)
		.join(' · ');
	const t = summary.timeline;
	const empty = (rows: string, cols: number) =>
		rows || `<tr><td colspan="${cols}">no data in this window</td></tr>`;
	return `<!doctype html><html><head><meta charset="utf-8"><title>RevOps pipelines — ${esc(windowName)}</title>
<style>body{font:14px system-ui,sans-serif;margin:20px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:22px}
table{border-collapse:collapse}th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}th{text-align:left}
th small{display:block;color:#777;font-weight:normal}td.warn{color:#b00020;font-weight:bold}
.charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;border:1px solid #ddd;padding:6px}
svg text{font-size:10px;fill:#555}.key{border-left:10px solid;padding-left:4px;margin-left:8px;font-size:12px}</style></head><body>
<h1>RevOps pipelines — last ${esc(windowName)}</h1>
<p>${nav} · ${esc(new Date(summary.from).toISOString().slice(0, 16))} → ${esc(new Date(summary.to).toISOString().slice(0, 16))} UTC</p>
<h2>Systems</h2><table><tr><th>system</th><th>calls</th><th>error rate</th><th>429s</th><th>4xx refused</th><th>p50</th><th>p95</th><th>p99</th><th>retries</th><th>waited for budget</th></tr>${empty(systems, 10)}</table>
<h2>Webhooks</h2><table><tr><th>workflow</th><th>accepted</th><th>refused</th><th>success rate</th><th>refused by status</th></tr>${empty(webhooks, 5)}</table>
<h2>Queues</h2><table><tr><th>pipeline</th><th>backlog</th><th>oldest pending</th><th>stored</th><th>done</th><th>retried</th><th>dead</th><th>lag p95</th></tr>${empty(queues, 8)}</table>
<h2>Slack</h2><table><tr><th>messages sent</th>${cell('slack.ok', num(summary.slack.ok))}<th>failed</th>${cell('slack.failed', num(summary.slack.failed), summary.slack.failed > 0)}</tr></table>
<h2>Over the window</h2><div class="charts">
${chart('Calls (all systems)', t, [{ label: 'calls', color: '#1f77b4', value: (p) => p.calls }], '')}
${chart(
	'Errors and 429s',
	t,
	[
		{ label: '5xx/network', color: '#d62728', value: (p) => p.errors },
		{ label: '429', color: '#ff7f0e', value: (p) => p.rateLimited },
	],
	'',
)}
${chart('p95 latency', t, [{ label: 'p95', color: '#9467bd', value: (p) => p.p95 }], ' s')}
${chart(
	'Webhooks',
	t,
	[
		{ label: 'accepted', color: '#2ca02c', value: (p) => p.accepted },
		{ label: 'refused', color: '#d62728', value: (p) => p.refused },
	],
	'',
)}
${chart('Rows done', t, [{ label: 'done', color: '#17becf', value: (p) => p.done }], '')}
</div></body></html>`;
}
