// What bundled code gets for `import … from 'node:http'` (infra/bundling.ts aliases it here). An ES import
// of a built-in makes Node build its ES facade, which reads every export, and node:http's WebSocket,
// CloseEvent and MessageEvent getters then load Node's whole copy of undici (tens of ms of cold start,
// nodejs/node#59686) for a module that wants STATUS_CODES (@middy/util). A plain require does not.
// biome-ignore lint/style/useNodejsImportProtocol: the alias of node:http would catch this require too
module.exports = require('http');
