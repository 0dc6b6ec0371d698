// Test helper: runs the CLI's main() in-process with captured output.
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stdoutColor: false,
    stderrIsTTY: false,
    progress: () => undefined,
    clearProgress: () => undefined,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
