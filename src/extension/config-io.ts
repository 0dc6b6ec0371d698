// `.mlready.yaml` as the attestation writer sees it, through VS Code's file system (so remote workspaces work too).
import { FileSystemError, Uri, workspace } from 'vscode';
import type { ConfigIo } from './attest-write.js';

/** Reads, writes, and tells whether an editor holds unsaved changes of the file. */
export const configIo: ConfigIo = {
  async read(file) {
    try {
      return await workspace.fs.readFile(Uri.file(file));
    } catch (error) {
      if (error instanceof FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  },
  write: async (file, bytes) => {
    await workspace.fs.writeFile(Uri.file(file), bytes);
  },
  isDirty: (file) => workspace.textDocuments.some((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath === Uri.file(file).fsPath),
};
