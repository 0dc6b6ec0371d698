// Terminal output for the CLI: stdout/stderr writers, colour detection and a progress line for long runs.

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutColor: boolean;
  readonly stderrIsTTY: boolean;
  readonly progress: (done: number, total: number) => void;
  readonly clearProgress: () => void;
}

export function processIo(): Io {
  const colorEnv = process.env.FORCE_COLOR;
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const stdoutColor = !noColor && (colorEnv !== undefined ? colorEnv !== '0' : process.stdout.isTTY);
  const stderrIsTTY = process.stderr.isTTY;
  let shown = false;
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutColor,
    stderrIsTTY,
    progress: (done, total) => {
      shown = true;
      process.stderr.write(`\r\u001b[2Kmlready: linted ${done}/${total} files`);
    },
    clearProgress: () => {
      if (shown) process.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
