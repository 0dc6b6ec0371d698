// `mlready lsp --stdio`: the language server the VS Code extension runs, for any editor that speaks LSP.
import { UsageError } from '../args.js';

/** Serves LSP on stdin/stdout until the client exits; the server ends the process itself. */
export async function lspCommand(argv: readonly string[]): Promise<number> {
  if (!argv.includes('--stdio')) throw new UsageError('usage: mlready lsp --stdio (the server speaks LSP over stdin and stdout)');
  // Loaded only for this command, so `mlready check` does not pay for the LSP libraries.
  const { createConnection, ProposedFeatures } = await import('vscode-languageserver/node');
  const { startServer } = await import('../../server/server.js');
  // With --stdio in process.argv the library also routes console output to the client's log instead of stdout.
  const connection = process.argv.includes('--stdio') ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
  return new Promise<number>(() => undefined);
}
