// Deterministic Clay-like rows for the data-node benchmarks, generated inside n8n by a Code node
// (so the rows never cross the webhook) — this is that node's JavaScript.
export const GENERATE_ROWS_JS = `
const count = $input.first().json.body.count;
const channels = ['paid_search', 'organic', 'email', 'social', 'referral'];
const shapes = [
  (d) => 'https://www.' + d + '/pricing',
  (d) => d,
  (d) => 'http://' + d.toUpperCase() + ':8080',
  (d) => 'www.' + d,
];
const companies = Math.max(1, Math.floor(count * 0.7));
const start = Date.parse('2026-01-01T00:00:00Z');
const out = new Array(count);
for (let i = 0; i < count; i++) {
  const c = (i * 7919) % companies;
  const domain = 'company' + c + '.com';
  const contact = Math.floor(i / 5);
  const touch = i % 5;
  out[i] = { json: {
    row_id: i,
    company_name: 'Company ' + c + (i % 3 === 0 ? ', Inc.' : ' LLC'),
    website: shapes[i % 4](domain),
    domain,
    email: 'person' + i + '@' + domain,
    updated_at: new Date(start + i * 60000).toISOString(),
    intent: (i * 37) % 101,
    fit: (i * 53) % 101,
    contact_id: 'contact-' + contact,
    channel: channels[(contact + touch) % 5],
    campaign: 'campaign-' + ((contact * 3 + touch) % 40),
    touched_at: new Date(start + contact * 3600000 + touch * 60000).toISOString(),
    converted_at: new Date(start + contact * 3600000 + 10 * 60000).toISOString(),
    deal_value: 1000 + (contact % 9) * 250,
  } };
}
return out;
`;
