/**
 * A gateway process for the outbox recovery tests: issues the certificates it is given, one by
 * one, and kills itself (SIGKILL, as a crash or an OOM kill would) at a named checkpoint.
 *   env TRADESEAL_CHILD = JSON { config, crashAt: "stored" | "sent" | "confirmed", crashOn: k, documents, signer }
 * It prints one line per certificate it saw confirmed.
 */
import { createDevKeystore } from "../../../src/adapters/keys/dev-keystore.js";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { createGateway, type GatewayConfig } from "../../../src/main.js";

interface ChildInput {
  config: GatewayConfig & { chain: { chainId: string } };
  crashAt: "stored" | "sent" | "confirmed";
  crashOn: number;
  documents: unknown[];
  signer: string;
}

const input = JSON.parse(process.env.TRADESEAL_CHILD!) as ChildInput;
const config: GatewayConfig = {
  ...input.config,
  chain: { ...input.config.chain, chainId: BigInt(input.config.chain.chainId) },
};
let seen = 0;
const gateway = await createGateway(config, {
  keys: createDevKeystore({ directory: `${config.dataDir}/dev-keystore`, password: config.keystorePassword! }),
  checkpoint: (point) => {
    if (point !== input.crashAt) return;
    seen++;
    if (seen === input.crashOn) {
      console.log(`crashing at ${point} #${seen}`);
      process.kill(process.pid, "SIGKILL");
    }
  },
});
for (const document of input.documents) {
  const issued = await issueCertificate(gateway.context, { document, signer: input.signer });
  console.log(`issued ${issued.certificateId} ${issued.status}`);
}
await gateway.close();
