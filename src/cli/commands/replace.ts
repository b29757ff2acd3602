import { Option, type Command } from "commander";
import { ValidationError } from "../../domain/errors.js";
import { describeOutcome, type ActionOutcome } from "../action-outcome.js";
import type { CommandContext } from "../command-context.js";
import { readDocumentFile } from "../document-file.js";
import { idempotencyKeyOf } from "../idempotency-key.js";
import { certificateIdArgument, reasonCode } from "../reason-code.js";

interface ReplaceOptions {
  reasonCode: number;
  wait: boolean;
}

/** `tradeseal replace <id> <file>`: issues a corrected certificate in place of another. */
export function defineReplace(program: Command, context: CommandContext): void {
  program
    .command("replace")
    .summary("replace a certificate with a corrected one")
    .description(
      "Issues the corrected document in <file> (JSON or XML) in place of certificate <id>, as its issuer: the old one " +
        "becomes SUPERSEDED and both are linked on chain. The corrected document needs a certificate number of its own.",
    )
    .argument("<id>", "the registry id of the certificate to replace (0x…)", certificateIdArgument)
    .argument("<file>", "the corrected e-CoO or ePhyto, JSON or XML")
    .addOption(new Option("--reason-code <code>", "the registry's reason code, 0–255").argParser(reasonCode).default(0))
    .option("--no-wait", "answer once the gateway has recorded it, without waiting for the chain")
    .addHelpText(
      "after",
      `
Example:
  $ npx tradeseal replace 0x3f…e1 ./PK-KCCI-2026-0042-R1.json --reason-code 1`,
    )
    .action(
      context.action(async (id: string, file: string, options: ReplaceOptions, command: Command) => {
        const read = await readDocumentFile(file);
        if (read.type === "application/vc+jwt") {
          throw new ValidationError(`${file} is a credential; give the corrected document as JSON or XML.`);
        }
        const document: unknown =
          read.type === "application/xml" ? await context.runtime.readXml(read.text) : JSON.parse(read.text);
        const answer = await context.client(command).request<ActionOutcome & { certificateId: string }>({
          path: `/v1/certificates/${id}/replace?wait=${options.wait}`,
          json: { reasonCode: options.reasonCode, document },
          idempotencyKey: idempotencyKeyOf("replace", id, String(options.reasonCode), read.sha256),
          signedIn: true,
        });
        context.out(`Replaced ${id} by ${answer.body.certificateId}: ${describeOutcome(answer.body)}.`);
      }),
    );
}
