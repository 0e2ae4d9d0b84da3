import { helpText } from './args.js';
import { EXIT, UsageError, notice, processIo, writeAll, type CliIo } from './io.js';

/** A subcommand: its own file under cli/commands/, its own flags, an exit code. */
export interface Command {
  summary: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

// `lint` is the default: `brandlint docs/` means `brandlint lint docs/`. Add `init`, `report`,
// `check-guide`, `explain`, `import`, `mcp` here as cli/commands/<name>.ts.
// Each command's module is loaded when it runs: a lint run does not load the report's, the Vale
// importer's or the starter guide's code (and their dependencies).
export const COMMANDS: Record<string, Command> = {
  lint: { summary: 'lint files (the default)', run: async (a, io) => (await import('./commands/lint.js')).lintCommand(a, io) },
  init: { summary: 'write a starter brand.yaml', run: async (a, io) => (await import('./commands/init.js')).initCommand(a, io) },
  'check-guide': {
    summary: "validate brand.yaml and run its entries' examples",
    run: async (a, io) => (await import('./commands/check-guide.js')).checkGuideCommand(a, io),
  },
  explain: { summary: 'what the guide says about a word, phrase or rule', run: async (a, io) => (await import('./commands/explain.js')).explainCommand(a, io) },
  report: { summary: "the brand owner's report: scores, findings, trend (HTML/JSON)", run: async (a, io) => (await import('./commands/report.js')).reportCommand(a, io) },
  mcp: { summary: 'serve the guide to AI writing assistants (Model Context Protocol, stdio)', run: async (a, io) => (await import('./commands/mcp.js')).mcpCommand(a, io) },
  import: { summary: 'convert a Vale style into brand.yaml entries', run: async (a, io) => (await import('./commands/import.js')).importCommand(a, io) },
  help: {
    summary: 'show help',
    run: async (_argv, io) => {
      await writeAll(io.stdout, helpText(COMMANDS));
      return EXIT.clean;
    },
  },
};

/** Run the CLI; resolves to the exit code (0 clean, 1 findings, 2 usage or guide error). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  // A first word naming a command selects it; to lint a folder called "lint", write ./lint.
  const first = argv[0];
  const named = first !== undefined && Object.hasOwn(COMMANDS, first);
  const command = named ? COMMANDS[first]! : COMMANDS.lint!;
  // `brandlint --help` lists every command; `brandlint lint --help` is lint's own.
  if (!named && (argv.includes('--help') || argv.includes('-h'))) return COMMANDS.help!.run([], io);
  try {
    return await command.run(named ? argv.slice(1) : argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      notice(io, `${e.message}\nRun \`brandlint --help\` for usage.`);
      return EXIT.usage;
    }
    // An unexpected failure is exit 2 as well: CI must not read it as "findings".
    notice(io, `internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.usage;
  }
}
