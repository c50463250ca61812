/** A one-line progress bar on stderr (a plain line per step when stderr is not a terminal). */
export function progressBar(label: string): (done: number, total: number, what: string) => void {
  const tty = process.stderr.isTTY;
  return (done, total, what) => {
    const width = 30;
    const k = total ? Math.round((done / total) * width) : width;
    const line = `${label} [${'#'.repeat(k)}${'.'.repeat(width - k)}] ${done}/${total} ${what}`;
    if (tty) process.stderr.write(`\r${line.padEnd(90)}${done === total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}
