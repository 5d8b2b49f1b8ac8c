// n8n loads this package through the `n8n` section of package.json, not through this file.
// It exists so `require('n8n-nodes-revops')` resolves and lists what the package ships.
const pkg = require('./package.json');

module.exports = { nodes: pkg.n8n.nodes, credentials: pkg.n8n.credentials };
