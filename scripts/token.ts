// Prints a signed token for local use (`npm run token -- --help`).
import { tokenCommand } from './token-command';

const result = tokenCommand(process.argv.slice(2), process.env);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
