import { readFile, rename, writeFile } from "node:fs/promises";
import { ValidationError } from "../../domain/errors.js";

/** One file the gateway took: its content digest, the certificate it became, and where. */
export interface JournalEntry {
  file: string;
  sha256: string;
  gateway: string;
  certificateId: string;
  /** CONFIRMED, or PENDING / SENT when the gateway was still getting it on chain. */
  status: string;
  at: string;
}

interface JournalFile {
  about: string;
  entries: JournalEntry[];
}

const ABOUT = "Files `tradeseal issue` has issued (by content digest): a rerun skips them. Delete to forget.";

/**
 * The record that makes `tradeseal issue` resumable: every file the gateway took is written down
 * at once, so a rerun after Ctrl-C, a crash or a failed file skips what is done. A file counts as
 * done by its content (the same bytes to the same gateway), whatever its name.
 */
export class IssueJournal {
  readonly file: string;
  private readonly entries: JournalEntry[];
  private saving: Promise<void> = Promise.resolve();

  private constructor(file: string, entries: JournalEntry[]) {
    this.file = file;
    this.entries = entries;
  }

  static async open(file: string): Promise<IssueJournal> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new IssueJournal(file, []);
      throw new ValidationError(`The journal ${file} cannot be read (${(error as Error).message}).`);
    }
    try {
      const parsed = JSON.parse(text) as Partial<JournalFile>;
      if (!Array.isArray(parsed.entries)) throw new Error("no entries");
      return new IssueJournal(file, parsed.entries);
    } catch {
      throw new ValidationError(
        `The journal ${file} is not one tradeseal wrote; move it away (or pass --journal <another file>) and retry.`,
      );
    }
  }

  /** The earlier issuance of these bytes to this gateway, if any. */
  issued(sha256: string, gateway: string): JournalEntry | undefined {
    return this.entries.find((entry) => entry.sha256 === sha256 && entry.gateway === gateway);
  }

  /** Writes the entry down before resolving: the journal on disk never lags what was issued. */
  record(entry: JournalEntry): Promise<void> {
    this.entries.push(entry);
    this.saving = this.saving.then(() => this.save());
    return this.saving;
  }

  private async save(): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    const content: JournalFile = { about: ABOUT, entries: this.entries };
    await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`);
    await rename(temporary, this.file);
  }
}
