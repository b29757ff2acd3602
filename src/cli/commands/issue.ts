import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import cliProgress from "cli-progress";
import Table from "cli-table3";
import { InvalidArgumentError, type Command } from "commander";
import { ValidationError } from "../../domain/errors.js";
import type { CommandContext } from "../command-context.js";
import { ExitCode, exitCodeOf } from "../exit-codes.js";
import { issueFiles, type IssueOutcome } from "../issue/issue-files.js";
import { IssueJournal } from "../issue/issue-journal.js";

const JOURNAL_NAME = ".tradeseal-issued.json";
/** The summary's error column wraps at this width. */
const ERROR_WIDTH = 60;

interface IssueOptions {
  journal?: string;
  concurrency: number;
  wait: boolean;
  progress: boolean;
}

/** `tradeseal issue <file|folder>`: issues one file or every file of a folder, resumably. */
export function defineIssue(program: Command, context: CommandContext): void {
  program
    .command("issue")
    .summary("issue a certificate file, or every file of a folder (resumable)")
    .description(
      "Issues e-CoO and ePhyto documents as the token's authority: JSON, or XML (UN/CEFACT SPS ePhyto, IPPC hub " +
        "envelope, e-CoO XML). Given a folder, issues every file in it (not its subfolders or hidden files), with a " +
        "progress bar and a summary. Each file issued is written down in a journal (by default " +
        `${JOURNAL_NAME} in the folder), so running the same command again skips what is done; an interrupted ` +
        "request is never issued twice (its Idempotency-Key comes from the file's content).",
    )
    .argument("<file|folder>", "a certificate file, or a folder of them")
    .option("--journal <file>", `where to keep the record of issued files (default: ${JOURNAL_NAME} beside them)`)
    .option("--concurrency <n>", "files sent at the same time", positiveWhole, 4)
    .option("--no-wait", "answer each file once the gateway has recorded it, without waiting for the chain (PENDING)")
    .option("--no-progress", "no progress bar")
    .addHelpText(
      "after",
      `
Exit code 0 when every file is issued (or was already), 1 when a file failed, 2 when the gateway could not
be reached: run the same command again to go on where it stopped.

Example:
  $ export TRADESEAL_TOKEN=$(npx tradeseal token issuer --authority 1)
  $ npx tradeseal issue ./friday-batch/`,
    )
    .action(
      context.action(async (target: string, options: IssueOptions, command: Command) => {
        const { files, folder } = await filesOf(target);
        const client = context.client(command);
        const journal = await IssueJournal.open(options.journal ?? path.join(folder, JOURNAL_NAME));
        const bar = new cliProgress.SingleBar(
          {
            stream: context.runtime.stderr,
            format: "Issuing {bar} {value}/{total} files | {file}",
            noTTYOutput: options.progress,
          },
          cliProgress.Presets.shades_classic,
        );
        if (options.progress) bar.start(files.length, 0, { file: "" });
        const run = await issueFiles({
          files,
          client,
          journal,
          concurrency: options.concurrency,
          wait: options.wait,
          progress: { fileDone: (file) => options.progress && bar.increment({ file: path.basename(file) }) },
        }).finally(() => options.progress && bar.stop());
        context.out(summaryTable(run.outcomes, folder));
        context.out(countsLine(run.outcomes, journal.file));
        if (run.stopped) {
          context.err(`Error: ${run.stopped.message}`);
          context.err("Stopped: the files NOT SENT are issued when the same command is run again.");
          return exitCodeOf(run.stopped);
        }
        return run.outcomes.some((outcome) => outcome.status === "FAILED") ? ExitCode.REFUSED : ExitCode.OK;
      }),
    );
}

function positiveWhole(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("give a whole number from 1 up.");
  return Number(value);
}

/** The files to issue, in name order, and the folder their journal sits in. */
async function filesOf(target: string): Promise<{ files: string[]; folder: string }> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new ValidationError(`There is no file or folder ${target}; check the name.`);
  if (!info.isDirectory()) return { files: [target], folder: path.dirname(target) };
  const entries = await readdir(target, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.join(target, entry.name))
    .sort();
  if (files.length === 0) throw new ValidationError(`The folder ${target} holds no certificate files.`);
  return { files, folder: target };
}

/** One line per file (hundreds on a Friday): no rules between rows; the error column only when one failed. */
function summaryTable(outcomes: readonly IssueOutcome[], folder: string): string {
  const errors = outcomes.map((outcome) => outcome.error ?? "");
  const longest = Math.max(...errors.map((error) => error.length));
  const table = new Table({
    head: ["File", "Certificate id", "Status", ...(longest > 0 ? ["Error"] : [])],
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    ...(longest > 0 && {
      wordWrap: true,
      colWidths: [null, null, null, Math.min(longest, ERROR_WIDTH) + 2] as unknown as number[],
    }),
  });
  outcomes.forEach((outcome, i) => {
    table.push([
      path.relative(folder, outcome.file) || outcome.file,
      outcome.certificateId ?? "",
      outcome.status === "SKIPPED" ? "SKIPPED (already issued)" : outcome.status,
      ...(longest > 0 ? [errors[i]] : []),
    ]);
  });
  return table.toString();
}

function countsLine(outcomes: readonly IssueOutcome[], journal: string): string {
  const count = (status: IssueOutcome["status"]) => outcomes.filter((outcome) => outcome.status === status).length;
  const parts = [
    `${count("ISSUED")} issued`,
    `${count("PENDING")} pending on chain`,
    `${count("SKIPPED")} already issued`,
    `${count("FAILED")} failed`,
    ...(count("NOT SENT") > 0 ? [`${count("NOT SENT")} not sent`] : []),
  ];
  return `${outcomes.length} file${outcomes.length === 1 ? "" : "s"}: ${parts.join(", ")}. Journal: ${journal}`;
}
