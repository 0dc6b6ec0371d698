// Entry of the bundled language server (dist/server.js): VS Code starts it over IPC; `--stdio` works too.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

// A rejected promise outside a handler would end the process under Node's default; log it and keep serving.
process.on('unhandledRejection', (reason) => {
  console.error('mlready server: unhandled rejection', reason);
});

startServer(createConnection(ProposedFeatures.all));
