// A progress bar on stderr, drawn only when stderr is a terminal (never into logs or CI output).
export interface Progress {
  tick(): void;
  done(): void;
}

const WIDTH = 30;
const REDRAW_MS = 100;

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return { tick() {}, done() {} };
  const start = Date.now();
  let count = 0;
  let last = 0;
  const draw = () => {
    const fraction = count / total;
    const filled = Math.round(fraction * WIDTH);
    const seconds = (Date.now() - start) / 1000;
    const rate = seconds > 0 ? count / seconds : 0;
    const eta = rate > 0 ? Math.ceil((total - count) / rate) : 0;
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${count}/${total} ${Math.floor(fraction * 100)}%  ${rate.toFixed(0)}/s  eta ${eta}s `);
  };
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - last >= REDRAW_MS || count === total) {
        last = now;
        draw();
      }
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}
