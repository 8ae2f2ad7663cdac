// Executable examples in Markdown (CONTRIBUTING.md, "Examples in READMEs"): a ```bash block is run
// against a started system when its curl commands end with the status they answer, `# → 200`.
// Finding them, turning them into one shell script per README, and reading back what each curl
// answered are pure; the integration spec (apps/e2e/src/readme-examples.int-spec.ts) runs them.

/** A curl command of an example and the HTTP status it documents. */
export interface ExampleCommand {
  /** The README line the command starts on (1-based). */
  line: number;
  /** The command as written, continuation lines included. */
  text: string;
  status: number;
}

export interface ReadmeExample {
  file: string;
  /** The line of the opening fence (1-based). */
  line: number;
  /** The block's text, as written. */
  script: string;
  /** Its curl commands in order, each with its documented status. */
  commands: ExampleCommand[];
}

const EXPECTED_STATUS = /#\s*→\s*(\d{3})\s*$/;
const OPENING_FENCE = /^```bash\s*$/;
const CLOSING_FENCE = /^```\s*$/;
const CALLS_CURL = /(^|[\s;|&(])curl\s/;

interface LogicalCommand {
  line: number;
  lines: string[];
}

/** The block's commands: physical lines joined where a line ends with a backslash; comment lines left out. */
function commandsOf(lines: readonly string[], firstLine: number): LogicalCommand[] {
  const commands: LogicalCommand[] = [];
  let open: LogicalCommand | null = null;
  lines.forEach((text, index) => {
    if (!open && text.trim().startsWith('#')) return;
    open ??= { line: firstLine + index, lines: [] };
    open.lines.push(text);
    if (!text.trimEnd().endsWith('\\')) {
      commands.push(open);
      open = null;
    }
  });
  if (open) commands.push(open);
  return commands;
}

/** An example's curl commands with their statuses; throws naming the line when a curl has none or a status marks no curl. */
function expectedCommands(file: string, commands: readonly LogicalCommand[]): ExampleCommand[] {
  return commands.flatMap((command) => {
    const text = command.lines.join('\n');
    const status = EXPECTED_STATUS.exec(command.lines.at(-1)!)?.[1];
    const callsCurl = CALLS_CURL.test(text.replace(EXPECTED_STATUS, ''));
    if (callsCurl && !status)
      throw new Error(
        `${file}:${command.line}: a curl command of an executable example needs the status it answers (# → 200)`,
      );
    if (!callsCurl && status)
      throw new Error(`${file}:${command.line}: "# → ${status}" marks a command that calls no curl`);
    return status ? [{ line: command.line, text, status: Number(status) }] : [];
  });
}

/**
 * The executable examples of a Markdown file, in order: the ```bash blocks with at least one
 * command ending in `# → <status>`. Every curl command of such a block must say its status.
 */
export function extractExamples(file: string, markdown: string): ReadmeExample[] {
  const lines = markdown.split('\n');
  const examples: ReadmeExample[] = [];
  for (let start = 0; start < lines.length; start++) {
    if (!OPENING_FENCE.test(lines[start]!)) continue;
    let end = start + 1;
    while (end < lines.length && !CLOSING_FENCE.test(lines[end]!)) end++;
    const body = lines.slice(start + 1, end);
    if (body.some((line) => EXPECTED_STATUS.test(line)))
      examples.push({
        file,
        line: start + 1,
        script: body.join('\n'),
        commands: expectedCommands(file, commandsOf(body, start + 2)),
      });
    start = end;
  }
  return examples;
}

/** The file the example shell appends each curl's status to (the variable's name). */
export const STATUS_LOG_VARIABLE = 'README_EXAMPLE_STATUSES';

/**
 * One bash script running the examples in order, with the documented addresses replaced (e.g.
 * `http://127.0.0.1:3002` → a test stack's URL) and `curl` a function that appends each answer's
 * status to the status log after a line naming its example; the commands stay as written.
 */
export function exampleScript(
  examples: readonly ReadmeExample[],
  addresses: ReadonlyMap<string, string>,
): string {
  const rewrite = (script: string) =>
    [...addresses].reduce((text, [documented, actual]) => text.split(documented).join(actual), script);
  return [
    `curl() { command curl "$@" --write-out '%{stderr}\\nstatus %{http_code}\\n' 2>>"$${STATUS_LOG_VARIABLE}"; }`,
    ...examples.flatMap((example, index) => [
      `echo 'example ${index}' >>"$${STATUS_LOG_VARIABLE}"`,
      rewrite(example.script),
    ]),
    '',
  ].join('\n');
}

/** The statuses the curls of each example answered, in order, read from the status log. */
export function statusesByExample(log: string, exampleCount: number): number[][] {
  const statuses = Array.from({ length: exampleCount }, (): number[] => []);
  let current: number[] | undefined;
  for (const line of log.split('\n')) {
    const example = /^example (\d+)$/.exec(line);
    if (example) current = statuses[Number(example[1])];
    const status = /^status (\d{3})$/.exec(line);
    if (status) current?.push(Number(status[1]));
  }
  return statuses;
}

/** Each command as `file:line command → status`, with the statuses given (undefined: it never ran). */
export function describeCommands(
  example: ReadmeExample,
  statuses: readonly (number | undefined)[],
): string[] {
  return example.commands.map(
    (command, index) =>
      `${example.file}:${command.line} ${command.text
        .replace(EXPECTED_STATUS, '')
        .replace(/\s*\\\n\s*/g, ' ')
        .trimEnd()} → ${statuses[index] ?? 'did not run'}`,
  );
}
