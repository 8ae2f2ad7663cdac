// `npm run screenshot-board -- [url] [--size 1920x1080] [--out board.png]`: a screenshot of the running
// flag board once it shows data. A plain `chromium --headless --screenshot` cannot do it: it shoots at
// the load event, before the board's data arrives ("连接中…"), and `--virtual-time-budget` never ends
// while the page holds its Server-Sent Events stream open.
import { chromium } from 'playwright-core';
import { ensureChromium } from '@banjie/local-infra';
import { localPorts } from '@banjie/launcher';

const DATA_TIMEOUT_MS = 30_000;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<string> {
  const url = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  const target = url ?? `http://127.0.0.1:${localPorts().notice}/`;
  const size = option(args, '--size') ?? '1920x1080';
  const out = option(args, '--out') ?? 'board.png';
  const [width, height] = size.split('x').map(Number);
  if (!width || !height) throw new Error(`--size must be WIDTHxHEIGHT (e.g. 1920x1080), not ${size}`);

  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(target);
    // The board has loaded (the legend comes with it) and follows its stream, or shows a past day.
    await page
      .waitForSelector('body:is([data-connection="live"], [data-connection="history"]) #legend li', {
        timeout: DATA_TIMEOUT_MS,
      })
      .catch(() => {
        throw new Error(
          `${target} showed no board data within ${DATA_TIMEOUT_MS / 1000} s: is the notice service up?`,
        );
      });
    await page.screenshot({ path: out });
    return `${out}: ${target} at ${width}×${height}`;
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2))
  .then((line) => process.stdout.write(`${line}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`screenshot-board: ${(error as Error).message}\n`);
    process.exit(1);
  });
