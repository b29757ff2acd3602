import { writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { InvalidArgumentError, type Command } from "commander";
import { UnavailableError } from "../../domain/errors.js";
import type { VerificationResult } from "../../domain/verification.js";
import type { CommandContext } from "../command-context.js";
import { readDocumentFile } from "../document-file.js";
import { ExitCode } from "../exit-codes.js";
import type { GatewayRequest } from "../gateway-client.js";
import { verdictLine, verificationReport } from "../verification-report.js";

const CERTIFICATE_ID = /^0x[0-9a-fA-F]{64}$/;
const EXIT: Record<VerificationResult["status"], number> = {
  VALID: ExitCode.OK,
  INVALID: ExitCode.INVALID,
  UNAVAILABLE: ExitCode.UNAVAILABLE,
};

interface VerifyOptions {
  json?: boolean;
  details?: boolean;
  receipt?: string;
}

/** `tradeseal verify <file|id>`: the verdict in fragments; the exit code says VALID, INVALID or UNAVAILABLE. */
export function defineVerify(program: Command, context: CommandContext): void {
  program
    .command("verify")
    .summary("verify a certificate by id or file: exit 0 VALID, 1 INVALID, 2 UNAVAILABLE")
    .description(
      "Verifies a certificate by its registry id, or a certificate file: e-CoO or ePhyto JSON, XML (UN/CEFACT SPS, IPPC " +
        "hub envelope, e-CoO XML) or a VC-JWT credential. Prints each fragment (document integrity, status, issuer, " +
        "usage) and the verdict. Exit code 0 VALID, 1 INVALID, 2 UNAVAILABLE: it cannot be checked now (no gateway, or " +
        "its chain or storage unreachable), which is never a finding against the certificate; 64 a command-line mistake.",
    )
    .argument("<file|id>", "a certificate file, or a registry id (0x followed by 64 hex digits)", fileOrId)
    .option("--details", "also print what each check read (status, key, quantities)")
    .option("--json", "print the verification result as JSON")
    .option("--receipt <file>", "also save the gateway's signed receipt (JWS), checkable offline against its JWKS")
    .addHelpText(
      "after",
      `
Examples:
  $ npx tradeseal verify 0x3f…e1
  $ npx tradeseal verify ./KE-EPH-2026-00917.xml --receipt ./KE-EPH-2026-00917.receipt.jws
  $ npx tradeseal verify ./coo.json && echo "clear"`,
    )
    .action(
      context.action(async (target: string, options: VerifyOptions, command: Command) => {
        const request = CERTIFICATE_ID.test(target) ? { json: { id: target } } : await fileRequest(target);
        let result: VerificationResult;
        try {
          result = await verify(context, command, request, options.receipt);
        } catch (error) {
          if (!(error instanceof UnavailableError)) throw error;
          context.err(`Error: ${error.message}`);
          context.err(verdictLine("UNAVAILABLE"));
          return ExitCode.UNAVAILABLE;
        }
        if (options.json) context.out(JSON.stringify(result, null, 2));
        else for (const line of verificationReport(result, options.details)) context.out(line);
        if (options.receipt) context.err(`Signed receipt saved to ${options.receipt}.`);
        return EXIT[result.status];
      }),
    );
}

async function verify(
  context: CommandContext,
  command: Command,
  request: Pick<GatewayRequest, "json" | "body" | "type">,
  receiptFile: string | undefined,
): Promise<VerificationResult> {
  const client = context.client(command);
  if (!receiptFile) {
    return (await client.request<VerificationResult>({ path: "/v1/verify", ...request })).body;
  }
  const answer = await client.request<string>({
    path: "/v1/verify?receipt=jws",
    accept: "application/jose",
    ...request,
  });
  await writeFile(receiptFile, `${answer.body}\n`);
  const payload = JSON.parse(Buffer.from(answer.body.split(".")[1] ?? "", "base64url").toString("utf8")) as {
    verification: VerificationResult;
  };
  return payload.verification;
}

/** A typo is a command-line mistake (exit 64), never read as INVALID. */
function fileOrId(value: string): string {
  if (CERTIFICATE_ID.test(value) || existsSync(value)) return value;
  throw new InvalidArgumentError("it is neither a certificate id (0x followed by 64 hex digits) nor a file here.");
}

/** The verify request for a file: as it is, but a document the gateway handed out is sent with its salt only. */
async function fileRequest(path: string): Promise<Pick<GatewayRequest, "json" | "body" | "type">> {
  const file = await readDocumentFile(path);
  if (file.type !== "application/json") return { body: file.text, type: file.type };
  const parsed = JSON.parse(file.text) as Record<string, unknown>;
  if ("document" in parsed && "salt" in parsed && !("proof" in parsed)) {
    return { json: { document: parsed.document, salt: parsed.salt } };
  }
  return { body: file.text, type: file.type };
}
