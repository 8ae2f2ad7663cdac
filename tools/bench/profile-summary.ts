// `node -r @swc-node/register tools/bench/profile-summary.ts <file.cpuprofile> [top]`: where a
// service spent its CPU (from `npm run bench -- --cpu-prof`): self time by package or source
// folder, and the hottest functions.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped too), or the repository folder two levels deep, or (native/idle/gc). */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(${functionName || 'native'})`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return url;
  const local = /\/work\/main\/((?:apps|libs|scripts)\/[^/]+(?:\/src\/[^/]+)?)/.exec(url);
  return local ? local[1]! : url;
}

function main(): void {
  const [file, topText] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
  const top = Number(topText ?? '25');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)),
  );
  const total = profile.endTime - profile.startTime;
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const { callFrame } = byId.get(id)!;
    const area = areaOf(callFrame.url, callFrame.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/.*node_modules\//, '').replace('/work/main/', '')}:${callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const busy = total - (byArea.get('(idle)') ?? 0);
  const line = (name: string, micros: number) =>
    `${(micros / 1e6).toFixed(1).padStart(8)} s ${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${name}`;
  const sorted = (map: Map<string, number>) =>
    [...map]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
  process.stdout.write(
    `${file}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy)\n\nby area:\n`,
  );
  for (const [name, micros] of sorted(byArea)) process.stdout.write(`${line(name, micros)}\n`);
  process.stdout.write('\nhottest functions (self time):\n');
  for (const [name, micros] of sorted(byFunction)) process.stdout.write(`${line(name, micros)}\n`);
}

main();
