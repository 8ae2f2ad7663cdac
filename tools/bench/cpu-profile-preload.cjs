// Preloaded into a service by `npm run bench -- --cpu-prof` (NODE_OPTIONS="-r …", where --cpu-prof
// itself is not allowed): samples the CPU from start until SIGUSR2 (sent by the bench before it
// stops the stack: Nest re-raises SIGTERM after its shutdown hooks, so 'exit' never fires) or exit,
// and writes <BENCH_CPU_PROFILE_DIR>/<service>-<pid>.cpuprofile. The main-thread inspector session
// answers synchronously, so the file is written before the handler returns.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');

const directory = process.env.BENCH_CPU_PROFILE_DIR;
if (directory) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(directory, { recursive: true });
      const service = basename(dirname(dirname(process.argv[1] || 'unknown/src/x')));
      writeFileSync(join(directory, `${service}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('SIGUSR2', write);
  process.on('exit', write);
}
