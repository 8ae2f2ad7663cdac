// Publishes, validates or shows a year's working-day arrangement (`npm run calendar -- --help`).
import { calendarCommand } from './calendar-command';

void calendarCommand(process.argv.slice(2), process.env).then((result) => {
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
});
