import { expect } from "chai";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { certificateId, countryCode } from "../../src/domain/certificate-terms.js";
import {
  AuthorityKind,
  AuthorityStatus,
  CertificateStatus,
  CertificateType,
  PHYTO_TYPES,
  typesMask,
} from "../../src/domain/registry-types.js";
import { issueSubject, type Subject } from "../fixtures/lifecycle.js";
import {
  NO_END,
  authorize,
  batchTree,
  cidOf,
  cooTerms,
  deployRegistryScenario,
  phytoTerms,
  reasonHash,
  type Actors,
  type RegistryScenario,
} from "../fixtures/registry.js";

const connection = await network.create();
const { networkHelpers } = connection;
const scenario = (): Promise<RegistryScenario> => deployRegistryScenario(connection);

const ROLES = [
  "governance",
  "accreditorPK",
  "accreditorCN",
  "chamberPK",
  "nppoPK",
  "customsPK",
  "chamberCN",
  "customsCN",
  "nppoCN",
  "auditorCN",
  "customsGE",
  "outsider",
] as const;
type Role = (typeof ROLES)[number];
const NON_KEYS: Role[] = ["governance", "accreditorPK", "accreditorCN", "outsider"];
const KIND_OF: Partial<Record<Role, AuthorityKind>> = {
  chamberPK: AuthorityKind.CHAMBER,
  nppoPK: AuthorityKind.NPPO,
  customsPK: AuthorityKind.CUSTOMS,
  chamberCN: AuthorityKind.CHAMBER,
  customsCN: AuthorityKind.CUSTOMS,
  nppoCN: AuthorityKind.NPPO,
  auditorCN: AuthorityKind.AUDITOR,
  customsGE: AuthorityKind.CUSTOMS,
};
const COUNTRY_OF: Partial<Record<Role, string>> = {
  chamberPK: "PK",
  nppoPK: "PK",
  customsPK: "PK",
  chamberCN: "CN",
  customsCN: "CN",
  nppoCN: "CN",
  auditorCN: "CN",
  customsGE: "GE",
};
const ADMIN_ROLE = "0x" + "00".repeat(32);

interface Ctx {
  s: RegistryScenario;
  subject?: Subject;
  root?: string;
  leafIndex?: number;
  extra?: Record<string, unknown>;
}
/** A revert the row expects: error name and its arguments for the acting role. */
type Refusal = { error: string; args: unknown[]; on?: "authorities" };
type Outcome = "ok" | Refusal;

interface Row {
  fn: string;
  setup: (s: RegistryScenario) => Promise<Ctx>;
  direct: (ctx: Ctx, signer: HardhatEthersSigner) => Promise<ContractTransactionResponse>;
  /** The same action signed by `signer` (EIP-712) and submitted by the relayer. */
  relayed?: (ctx: Ctx, signer: HardhatEthersSigner) => Promise<ContractTransactionResponse>;
  outcome: (role: Role, ctx: Ctx, signer: HardhatEthersSigner) => Outcome;
  /** Checks the effect of an allowed call. */
  effect: (ctx: Ctx) => Promise<unknown>;
}

const signerOf = (actors: Actors, role: Role): HardhatEthersSigner => actors[role];
const idOf = (s: RegistryScenario, role: Role): number => s.ids[role as keyof typeof s.ids];

const notKey = (signer: HardhatEthersSigner): Refusal => ({
  error: "AuthorityRegistryUnauthorizedKey",
  args: [signer.address],
});
const unauthorizedActor = (subject: string, signer: HardhatEthersSigner): Refusal => ({
  error: "CertificateRegistryUnauthorizedActor",
  args: [subject, signer.address],
});
const notGovernance = (signer: HardhatEthersSigner, on?: "authorities"): Refusal => ({
  error: "AccessControlUnauthorizedAccount",
  args: [signer.address, ADMIN_ROLE],
  on,
});
const notAccreditor = (signer: HardhatEthersSigner, country: string): Refusal => ({
  error: "AuthorityRegistryUnauthorizedAccreditor",
  args: [signer.address, countryCode(country)],
  on: "authorities",
});

async function statusOf(ctx: Ctx, id = ctx.subject!.id): Promise<bigint> {
  return (await ctx.s.registry.certificate(id)).status;
}

/** Outcome of an issuer action: only a key of the issuing authority may take it. */
function issuerOnly(issuer: Role, subject: (ctx: Ctx) => string) {
  return (role: Role, ctx: Ctx, signer: HardhatEthersSigner): Outcome =>
    role === issuer ? "ok" : NON_KEYS.includes(role) ? notKey(signer) : unauthorizedActor(subject(ctx), signer);
}

/** Outcome of a revocation: the issuer's key or the accreditor of its country. */
function revokers(issuer: Role, subject: (ctx: Ctx) => string) {
  return (role: Role, ctx: Ctx, signer: HardhatEthersSigner): Outcome =>
    role === issuer || role === "accreditorPK" ? "ok" : unauthorizedActor(subject(ctx), signer);
}

/** Outcome of an importing-side action needing `kind` of the importing country CN. */
function importingSide(kind: AuthorityKind) {
  return (role: Role, ctx: Ctx, signer: HardhatEthersSigner): Outcome => {
    if (NON_KEYS.includes(role)) return notKey(signer);
    const id = ctx.subject!.id;
    if (KIND_OF[role] !== kind)
      return { error: "CertificateRegistryWrongAuthorityKind", args: [id, kind, KIND_OF[role]] };
    if (COUNTRY_OF[role] !== "CN")
      return {
        error: "CertificateRegistryWrongImportCountry",
        args: [id, countryCode("CN"), countryCode(COUNTRY_OF[role]!)],
      };
    return "ok";
  };
}

/** Outcome of issuing `type` from PK: a key of an authority accredited for it in PK. */
function issuers(allowed: Role, type: CertificateType) {
  return (role: Role, ctx: Ctx, signer: HardhatEthersSigner): Outcome => {
    if (role === allowed) return "ok";
    if (NON_KEYS.includes(role)) return notKey(signer);
    return { error: "AuthorityRegistryNotAccredited", args: [idOf(ctx.s, role), type, countryCode("PK")] };
  };
}

const relayer = (ctx: Ctx) => ctx.s.registry.connect(ctx.s.actors.relayer);

async function withSubject(s: RegistryScenario, kind: "COO" | "PHYTO"): Promise<Ctx> {
  return { s, subject: await issueSubject(s, kind) };
}

async function withBatch(s: RegistryScenario): Promise<Ctx> {
  const leaves = [phytoTerms(), phytoTerms(), phytoTerms()];
  const tree = batchTree(leaves);
  await (
    await s.registry.connect(s.actors.nppoPK).anchorBatch(tree.root, PHYTO_TYPES, leaves.length, cidOf("manifest"))
  ).wait();
  return { s, root: tree.root, leafIndex: 1, extra: { leaves, tree } };
}

function leafOf(ctx: Ctx) {
  const { leaves, tree } = ctx.extra as { leaves: ReturnType<typeof phytoTerms>[]; tree: ReturnType<typeof batchTree> };
  const terms = leaves[ctx.leafIndex!];
  return { terms, proof: tree.getProof(ctx.leafIndex!), leaf: tree.leafHash(tree.at(ctx.leafIndex!)!) };
}

const newPhyto = phytoTerms({ number: "PK-PHY-MATRIX-NEW" });
const newCoo = cooTerms({ number: "PK-COO-MATRIX-NEW" });

const CERTIFICATE_ROWS: Row[] = [
  {
    fn: "issueCertificate (ePhyto)",
    setup: (s) => Promise.resolve({ s }),
    direct: (ctx, signer) => ctx.s.registry.connect(signer).issueCertificate(newPhyto, cidOf("new")),
    relayed: async (ctx, signer) =>
      relayer(ctx).issueCertificateWithSig(
        newPhyto,
        cidOf("new"),
        await authorize(ctx.s.registry, signer, "IssueCertificate", { terms: newPhyto, cid: cidOf("new") }),
      ),
    outcome: issuers("nppoPK", CertificateType.PHYTO),
    effect: async (ctx) =>
      expect(await statusOf(ctx, certificateId(ctx.s.ids.nppoPK, newPhyto.numberHash))).to.equal(
        CertificateStatus.ISSUED,
      ),
  },
  {
    fn: "issueCertificate (CoO)",
    setup: (s) => Promise.resolve({ s }),
    direct: (ctx, signer) => ctx.s.registry.connect(signer).issueCertificate(newCoo, cidOf("new")),
    relayed: async (ctx, signer) =>
      relayer(ctx).issueCertificateWithSig(
        newCoo,
        cidOf("new"),
        await authorize(ctx.s.registry, signer, "IssueCertificate", { terms: newCoo, cid: cidOf("new") }),
      ),
    outcome: issuers("chamberPK", CertificateType.COO_NONPREFERENTIAL),
    effect: async (ctx) =>
      expect(await statusOf(ctx, certificateId(ctx.s.ids.chamberPK, newCoo.numberHash))).to.equal(
        CertificateStatus.ISSUED,
      ),
  },
  {
    fn: "replaceCertificate",
    setup: (s) => withSubject(s, "PHYTO"),
    direct: (ctx, signer) =>
      ctx.s.registry.connect(signer).replaceCertificate(ctx.subject!.id, newPhyto, cidOf("new"), 1),
    relayed: async (ctx, signer) =>
      relayer(ctx).replaceCertificateWithSig(
        ctx.subject!.id,
        newPhyto,
        cidOf("new"),
        1,
        await authorize(ctx.s.registry, signer, "ReplaceCertificate", {
          replacedId: ctx.subject!.id,
          terms: newPhyto,
          cid: cidOf("new"),
          reasonCode: 1,
        }),
      ),
    outcome: issuerOnly("nppoPK", (ctx) => ctx.subject!.id),
    effect: async (ctx) => expect(await statusOf(ctx)).to.equal(CertificateStatus.SUPERSEDED),
  },
  {
    fn: "suspendCertificate",
    setup: (s) => withSubject(s, "PHYTO"),
    direct: (ctx, signer) => ctx.s.registry.connect(signer).suspendCertificate(ctx.subject!.id, 1),
    relayed: async (ctx, signer) =>
      relayer(ctx).suspendCertificateWithSig(
        ctx.subject!.id,
        1,
        await authorize(ctx.s.registry, signer, "SuspendCertificate", { id: ctx.subject!.id, reasonCode: 1 }),
      ),
    outcome: issuerOnly("nppoPK", (ctx) => ctx.subject!.id),
    effect: async (ctx) => expect(await statusOf(ctx)).to.equal(CertificateStatus.SUSPENDED),
  },
  {
    fn: "reinstateCertificate",
    setup: async (s) => {
      const ctx = await withSubject(s, "PHYTO");
      await (await s.registry.connect(s.actors.nppoPK).suspendCertificate(ctx.subject!.id, 1)).wait();
      return ctx;
    },
    direct: (ctx, signer) => ctx.s.registry.connect(signer).reinstateCertificate(ctx.subject!.id),
    relayed: async (ctx, signer) =>
      relayer(ctx).reinstateCertificateWithSig(
        ctx.subject!.id,
        await authorize(ctx.s.registry, signer, "ReinstateCertificate", { id: ctx.subject!.id }),
      ),
    outcome: issuerOnly("nppoPK", (ctx) => ctx.subject!.id),
    effect: async (ctx) => expect(await statusOf(ctx)).to.equal(CertificateStatus.ISSUED),
  },
  {
    fn: "revokeCertificate",
    setup: (s) => withSubject(s, "PHYTO"),
    direct: (ctx, signer) => ctx.s.registry.connect(signer).revokeCertificate(ctx.subject!.id, 2, reasonHash("r")),
    relayed: async (ctx, signer) =>
      relayer(ctx).revokeCertificateWithSig(
        ctx.subject!.id,
        2,
        reasonHash("r"),
        await authorize(ctx.s.registry, signer, "RevokeCertificate", {
          id: ctx.subject!.id,
          reasonCode: 2,
          reasonHash: reasonHash("r"),
        }),
      ),
    outcome: revokers("nppoPK", (ctx) => ctx.subject!.id),
    effect: async (ctx) => expect(await statusOf(ctx)).to.equal(CertificateStatus.REVOKED),
  },
  {
    fn: "acceptCertificate (ePhyto)",
    setup: (s) => withSubject(s, "PHYTO"),
    direct: (ctx, signer) => ctx.s.registry.connect(signer).acceptCertificate(ctx.subject!.id),
    relayed: async (ctx, signer) =>
      relayer(ctx).acceptCertificateWithSig(
        ctx.subject!.id,
        await authorize(ctx.s.registry, signer, "AcceptCertificate", { id: ctx.subject!.id }),
      ),
    outcome: importingSide(AuthorityKind.NPPO),
    effect: async (ctx) => expect(await statusOf(ctx)).to.equal(CertificateStatus.ACCEPTED),
  },
  {
    fn: "acceptCertificate (CoO)",
    setup: (s) => withSubject(s, "COO"),
    direct: (ctx, signer) => ctx.s.registry.connect(signer).acceptCertificate(ctx.subject!.id),
    relayed: async (ctx, signer) =>
      relayer(ctx).acceptCertificateWithSig(
        ctx.subject!.id,
        await authorize(ctx.s.registry, signer, "AcceptCertificate", { id: ctx.subject!.id }),
      ),
    outcome: importingSide(AuthorityKind.CUSTOMS),
    effect: async (ctx) => expect(await statusOf(ctx)).to.equal(CertificateStatus.ACCEPTED),
  },
  {
    fn: "rejectCertificate (ePhyto)",
    setup: (s) => withSubject(s, "PHYTO"),
    direct: (ctx, signer) => ctx.s.registry.connect(signer).rejectCertificate(ctx.subject!.id, 3, reasonHash("pest")),
    relayed: async (ctx, signer) =>
      relayer(ctx).rejectCertificateWithSig(
        ctx.subject!.id,
        3,
        reasonHash("pest"),
        await authorize(ctx.s.registry, signer, "RejectCertificate", {
          id: ctx.subject!.id,
          reasonCode: 3,
          reasonHash: reasonHash("pest"),
        }),
      ),
    outcome: importingSide(AuthorityKind.NPPO),
    effect: async (ctx) => expect(await statusOf(ctx)).to.equal(CertificateStatus.REJECTED),
  },
  {
    fn: "drawDown",
    setup: (s) => withSubject(s, "COO"),
    direct: (ctx, signer) =>
      ctx.s.registry.connect(signer).drawDown(ctx.subject!.id, ctx.subject!.terms, reasonHash("DECL"), 10n),
    relayed: async (ctx, signer) =>
      relayer(ctx).drawDownWithSig(
        ctx.subject!.id,
        ctx.subject!.terms,
        reasonHash("DECL"),
        10n,
        await authorize(ctx.s.registry, signer, "DrawDown", {
          id: ctx.subject!.id,
          declarationHash: reasonHash("DECL"),
          amount: 10n,
        }),
      ),
    outcome: importingSide(AuthorityKind.CUSTOMS),
    effect: async (ctx) => expect(await ctx.s.registry.consumedQuantity(ctx.subject!.id)).to.equal(10n),
  },
  {
    fn: "anchorBatch",
    setup: (s) => Promise.resolve({ s }),
    direct: (ctx, signer) =>
      ctx.s.registry.connect(signer).anchorBatch("0x" + "11".repeat(32), PHYTO_TYPES, 500, cidOf("m")),
    relayed: async (ctx, signer) =>
      relayer(ctx).anchorBatchWithSig(
        "0x" + "11".repeat(32),
        PHYTO_TYPES,
        500,
        cidOf("m"),
        await authorize(ctx.s.registry, signer, "AnchorBatch", {
          root: "0x" + "11".repeat(32),
          certificateTypes: PHYTO_TYPES,
          count: 500,
          cid: cidOf("m"),
        }),
      ),
    outcome: (role, ctx, signer) => {
      if (role === "nppoPK" || role === "nppoCN") return "ok";
      if (NON_KEYS.includes(role)) return notKey(signer);
      return {
        error: "AuthorityRegistryNotAccredited",
        args: [idOf(ctx.s, role), CertificateType.PHYTO, countryCode(COUNTRY_OF[role]!)],
      };
    },
    effect: async (ctx) => expect((await ctx.s.registry.batch("0x" + "11".repeat(32))).count).to.equal(500n),
  },
  {
    fn: "revokeBatch",
    setup: withBatch,
    direct: (ctx, signer) => ctx.s.registry.connect(signer).revokeBatch(ctx.root!, 2, reasonHash("r")),
    relayed: async (ctx, signer) =>
      relayer(ctx).revokeBatchWithSig(
        ctx.root!,
        2,
        reasonHash("r"),
        await authorize(ctx.s.registry, signer, "RevokeBatch", {
          root: ctx.root!,
          reasonCode: 2,
          reasonHash: reasonHash("r"),
        }),
      ),
    outcome: revokers("nppoPK", (ctx) => ctx.root!),
    effect: async (ctx) => expect((await ctx.s.registry.batch(ctx.root!)).status).to.equal(CertificateStatus.REVOKED),
  },
  {
    fn: "promoteBatchLeaf",
    setup: withBatch,
    direct: (ctx, signer) => {
      const { terms, proof } = leafOf(ctx);
      return ctx.s.registry.connect(signer).promoteBatchLeaf(ctx.root!, terms, proof);
    },
    relayed: async (ctx, signer) => {
      const { terms, proof, leaf } = leafOf(ctx);
      return relayer(ctx).promoteBatchLeafWithSig(
        ctx.root!,
        terms,
        proof,
        await authorize(ctx.s.registry, signer, "PromoteBatchLeaf", { root: ctx.root!, leaf }),
      );
    },
    outcome: issuerOnly("nppoPK", (ctx) => certificateId(ctx.s.ids.nppoPK, leafOf(ctx).terms.numberHash)),
    effect: async (ctx) =>
      expect(await statusOf(ctx, certificateId(ctx.s.ids.nppoPK, leafOf(ctx).terms.numberHash))).to.equal(
        CertificateStatus.ISSUED,
      ),
  },
  {
    fn: "revokeBatchLeaf",
    setup: withBatch,
    direct: (ctx, signer) => {
      const { terms, proof } = leafOf(ctx);
      return ctx.s.registry.connect(signer).revokeBatchLeaf(ctx.root!, terms, proof, 2, reasonHash("r"));
    },
    relayed: async (ctx, signer) => {
      const { terms, proof, leaf } = leafOf(ctx);
      return relayer(ctx).revokeBatchLeafWithSig(
        ctx.root!,
        terms,
        proof,
        2,
        reasonHash("r"),
        await authorize(ctx.s.registry, signer, "RevokeBatchLeaf", {
          root: ctx.root!,
          leaf,
          reasonCode: 2,
          reasonHash: reasonHash("r"),
        }),
      );
    },
    outcome: revokers("nppoPK", (ctx) => certificateId(ctx.s.ids.nppoPK, leafOf(ctx).terms.numberHash)),
    effect: async (ctx) =>
      expect(await statusOf(ctx, certificateId(ctx.s.ids.nppoPK, leafOf(ctx).terms.numberHash))).to.equal(
        CertificateStatus.REVOKED,
      ),
  },
  {
    fn: "syncSigningKey",
    setup: (s) => Promise.resolve({ s }),
    direct: async (ctx, signer) => {
      const k = await ctx.s.registry.signingKey(ctx.s.actors.nppoPK);
      const { authorityId, validFrom, validUntil, revokedAt, country, kind, status, certificateTypes, nonce } = k;
      const record = { authorityId, validFrom, validUntil, revokedAt, country, kind, status, certificateTypes, nonce };
      return ctx.s.registry.connect(signer).syncSigningKey(signer.address, record);
    },
    outcome: (_role, _ctx, signer) => ({ error: "CertificateRegistryUnauthorizedSync", args: [signer.address] }),
    effect: () => Promise.resolve(),
  },
  {
    fn: "upgradeToAndCall (CertificateRegistry)",
    setup: async (s) => ({
      s,
      extra: { implementation: await (await s.ethers.deployContract("CertificateRegistryV2")).getAddress() },
    }),
    direct: (ctx, signer) => ctx.s.registry.connect(signer).upgradeToAndCall(ctx.extra!.implementation as string, "0x"),
    outcome: (role, _ctx, signer) => (role === "governance" ? "ok" : notGovernance(signer)),
    effect: async (ctx) => expect(await ctx.s.registry.version()).to.equal("2"),
  },
];

async function authorityCtx(s: RegistryScenario, prepare?: (s: RegistryScenario) => Promise<void>): Promise<Ctx> {
  if (prepare) await prepare(s);
  return { s };
}
const suspendNppo = async (s: RegistryScenario) => {
  await (await s.authorities.connect(s.actors.accreditorPK).suspendAuthority(s.ids.nppoPK, 1)).wait();
};
const accreditorPKOnly = (role: Role, _ctx: Ctx, signer: HardhatEthersSigner): Outcome =>
  role === "accreditorPK" ? "ok" : notAccreditor(signer, "PK");
const governanceOnly = (role: Role, _ctx: Ctx, signer: HardhatEthersSigner): Outcome =>
  role === "governance" ? "ok" : notGovernance(signer, "authorities");
const authorityStatus = async (ctx: Ctx) => (await ctx.s.authorities.authority(ctx.s.ids.nppoPK)).status;

const AUTHORITY_ROWS: Row[] = [
  {
    fn: "setCertificateRegistry",
    setup: (s) => authorityCtx(s),
    direct: async (ctx, signer) =>
      ctx.s.authorities.connect(signer).setCertificateRegistry(await ctx.s.registry.getAddress()),
    outcome: governanceOnly,
    effect: async (ctx) =>
      expect(await ctx.s.authorities.certificateRegistry()).to.equal(await ctx.s.registry.getAddress()),
  },
  {
    fn: "appointAccreditor",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) =>
      ctx.s.authorities.connect(signer).appointAccreditor(countryCode("FR"), ctx.s.actors.spareKey.address),
    outcome: governanceOnly,
    effect: async (ctx) =>
      expect(await ctx.s.authorities.accreditorOf(countryCode("FR"))).to.equal(ctx.s.actors.spareKey.address),
  },
  {
    fn: "removeAccreditor",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) => ctx.s.authorities.connect(signer).removeAccreditor(countryCode("GE")),
    outcome: governanceOnly,
    effect: async (ctx) =>
      expect(await ctx.s.authorities.accreditorOf(countryCode("GE"))).to.equal("0x" + "00".repeat(20)),
  },
  {
    fn: "registerAuthority",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) =>
      ctx.s.authorities.connect(signer).registerAuthority(countryCode("PK"), AuthorityKind.CUSTOMS, 0, "Port Qasim"),
    outcome: accreditorPKOnly,
    effect: async (ctx) => expect(await ctx.s.authorities.authorityCount()).to.equal(9n),
  },
  {
    fn: "setCertificateTypes",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) =>
      ctx.s.authorities.connect(signer).setCertificateTypes(ctx.s.ids.nppoPK, typesMask(CertificateType.PHYTO)),
    outcome: accreditorPKOnly,
    effect: async (ctx) =>
      expect((await ctx.s.authorities.authority(ctx.s.ids.nppoPK)).certificateTypes).to.equal(
        BigInt(typesMask(CertificateType.PHYTO)),
      ),
  },
  {
    fn: "suspendAuthority",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) => ctx.s.authorities.connect(signer).suspendAuthority(ctx.s.ids.nppoPK, 1),
    outcome: accreditorPKOnly,
    effect: async (ctx) => expect(await authorityStatus(ctx)).to.equal(AuthorityStatus.SUSPENDED),
  },
  {
    fn: "reinstateAuthority",
    setup: (s) => authorityCtx(s, suspendNppo),
    direct: (ctx, signer) => ctx.s.authorities.connect(signer).reinstateAuthority(ctx.s.ids.nppoPK),
    outcome: accreditorPKOnly,
    effect: async (ctx) => expect(await authorityStatus(ctx)).to.equal(AuthorityStatus.ACTIVE),
  },
  {
    fn: "withdrawAuthority",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) => ctx.s.authorities.connect(signer).withdrawAuthority(ctx.s.ids.nppoPK, 4),
    outcome: accreditorPKOnly,
    effect: async (ctx) => expect(await authorityStatus(ctx)).to.equal(AuthorityStatus.WITHDRAWN),
  },
  {
    fn: "addSigningKey",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) =>
      ctx.s.authorities.connect(signer).addSigningKey(ctx.s.ids.nppoPK, ctx.s.actors.spareKey.address, 0, NO_END),
    outcome: accreditorPKOnly,
    effect: async (ctx) =>
      expect((await ctx.s.authorities.signingKey(ctx.s.actors.spareKey.address)).authorityId).to.equal(
        BigInt(ctx.s.ids.nppoPK),
      ),
  },
  {
    fn: "rotateSigningKey",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) =>
      ctx.s.authorities
        .connect(signer)
        .rotateSigningKey(ctx.s.ids.nppoPK, ctx.s.actors.nppoPK.address, ctx.s.actors.spareKey.address, NO_END),
    outcome: accreditorPKOnly,
    effect: async (ctx) =>
      expect((await ctx.s.registry.signingKey(ctx.s.actors.spareKey.address)).authorityId).to.equal(
        BigInt(ctx.s.ids.nppoPK),
      ),
  },
  {
    fn: "revokeSigningKey",
    setup: (s) => authorityCtx(s),
    direct: (ctx, signer) =>
      ctx.s.authorities.connect(signer).revokeSigningKey(ctx.s.ids.nppoPK, ctx.s.actors.nppoPK.address),
    outcome: accreditorPKOnly,
    effect: async (ctx) =>
      expect((await ctx.s.registry.signingKey(ctx.s.actors.nppoPK.address)).revokedAt).to.not.equal(0n),
  },
  {
    fn: "upgradeToAndCall (AuthorityRegistry)",
    setup: async (s) => ({
      s,
      extra: { implementation: await (await s.ethers.deployContract("AuthorityRegistryV2")).getAddress() },
    }),
    direct: (ctx, signer) =>
      ctx.s.authorities.connect(signer).upgradeToAndCall(ctx.extra!.implementation as string, "0x"),
    outcome: governanceOnly,
    effect: async (ctx) => expect(await ctx.s.authorities.version()).to.equal("2"),
  },
];

function matrix(title: string, rows: Row[], mode: "direct" | "relayed"): void {
  describe(title, function () {
    for (const row of rows) {
      if (mode === "relayed" && !row.relayed) continue;
      describe(row.fn, function () {
        for (const role of ROLES) {
          it(`${role}`, async function () {
            const s = await networkHelpers.loadFixture(scenario);
            const ctx = await row.setup(s);
            const signer = signerOf(s.actors, role);
            const outcome = row.outcome(role, ctx, signer);
            const call = mode === "direct" ? row.direct(ctx, signer) : row.relayed!(ctx, signer);
            if (outcome === "ok") {
              await (await call).wait();
              await row.effect(ctx);
            } else {
              const contract = outcome.on === "authorities" ? s.authorities : s.registry;
              await expect(call)
                .to.be.revertedWithCustomError(contract, outcome.error)
                .withArgs(...outcome.args);
            }
          });
        }
      });
    }
  });
}

matrix("Role matrix: CertificateRegistry, called directly by each role", CERTIFICATE_ROWS, "direct");
matrix("Role matrix: CertificateRegistry, signed by each role and relayed", CERTIFICATE_ROWS, "relayed");
matrix("Role matrix: AuthorityRegistry", AUTHORITY_ROWS, "direct");
