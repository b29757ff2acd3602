import { Option, type Command } from "commander";
import { describeOutcome, type ActionOutcome } from "../action-outcome.js";
import type { CommandContext } from "../command-context.js";
import { idempotencyKeyOf } from "../idempotency-key.js";
import { certificateIdArgument, reasonCode } from "../reason-code.js";

interface RevokeOptions {
  reason: string;
  reasonCode: number;
  wait: boolean;
}

/** `tradeseal revoke <id> --reason <text>`: withdraws a certificate for good, as its issuer. */
export function defineRevoke(program: Command, context: CommandContext): void {
  program
    .command("revoke")
    .summary("revoke a certificate for good, with a reason")
    .description(
      "Revokes a certificate as its issuer (the token's authority). Final: a revoked certificate verifies INVALID " +
        "from then on. The reason's text stays with the gateway; its hash and the reason code go on chain.",
    )
    .argument("<id>", "the certificate's registry id (0x…)", certificateIdArgument)
    .requiredOption("--reason <text>", "why it is revoked, in words")
    .addOption(new Option("--reason-code <code>", "the registry's reason code, 0–255").argParser(reasonCode).default(0))
    .option("--no-wait", "answer once the gateway has recorded it, without waiting for the chain")
    .addHelpText(
      "after",
      `
Example:
  $ npx tradeseal revoke 0x3f…e1 --reason "Goods not of Pakistani origin (inspection 2026-117)" --reason-code 2`,
    )
    .action(
      context.action(async (id: string, options: RevokeOptions, command: Command) => {
        const body = { reasonCode: options.reasonCode, reasonText: options.reason };
        const answer = await context.client(command).request<ActionOutcome>({
          path: `/v1/certificates/${id}/revoke?wait=${options.wait}`,
          json: body,
          idempotencyKey: idempotencyKeyOf("revoke", id, JSON.stringify(body)),
          signedIn: true,
        });
        context.out(`Revoked ${id}: ${describeOutcome(answer.body)}.`);
      }),
    );
}
