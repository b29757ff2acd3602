/**
 * Every chain write the gateway makes, as JSON the outbox can store, and how each becomes a
 * registry call. Certificate actions are signed by an authority key (EIP-712) and relayed;
 * accreditation actions are sent by the accreditor's (or governance's) own key.
 */
import { Signature } from "ethers";
import type { CertificateTerms } from "../domain/registry-types.js";
import { SIGNED_ACTION_TYPES, type SignedActionName } from "../domain/signed-actions.js";
import { batchLeafHash } from "../domain/batch-tree.js";
import type { Authorization, RegistryCall } from "./ports/registry-chain.js";

/** CertificateTerms with bigints as decimal strings: what the outbox stores. */
export interface StoredTerms {
  numberHash: string;
  digest: string;
  certificateType: number;
  exportCountry: string;
  importCountry: string;
  validUntil: string;
  quantity: string;
  unit: string;
}

export function storeTerms(terms: CertificateTerms): StoredTerms {
  return { ...terms, validUntil: terms.validUntil.toString(), quantity: terms.quantity.toString() };
}

export function loadTerms(stored: StoredTerms): CertificateTerms {
  return {
    ...stored,
    certificateType: stored.certificateType as CertificateTerms["certificateType"],
    validUntil: BigInt(stored.validUntil),
    quantity: BigInt(stored.quantity),
  };
}

/**
 * Actions an authority key signs and a relayer submits, with their `...WithSig` arguments (and, for
 * issuances, the issuer's authority id, which names the certificate id to reconcile against).
 */
export type SignedAction =
  | { action: "IssueCertificate"; issuer: number; terms: StoredTerms; cid: string }
  | {
      action: "ReplaceCertificate";
      issuer: number;
      replacedId: string;
      terms: StoredTerms;
      cid: string;
      reasonCode: number;
    }
  | { action: "SuspendCertificate"; id: string; reasonCode: number }
  | { action: "ReinstateCertificate"; id: string }
  | { action: "RevokeCertificate"; id: string; reasonCode: number; reasonHash: string }
  | { action: "AcceptCertificate"; id: string }
  | { action: "RejectCertificate"; id: string; reasonCode: number; reasonHash: string }
  | { action: "DrawDown"; id: string; terms: StoredTerms; declarationHash: string; amount: string }
  | { action: "AnchorBatch"; root: string; certificateTypes: number; count: number; cid: string }
  | { action: "RevokeBatch"; root: string; reasonCode: number; reasonHash: string }
  | { action: "PromoteBatchLeaf"; root: string; terms: StoredTerms; proof: string[] }
  | {
      action: "RevokeBatchLeaf";
      root: string;
      terms: StoredTerms;
      proof: string[];
      reasonCode: number;
      reasonHash: string;
    };

/** Actions the acting key sends itself: governance appoints accreditors, accreditors the rest. */
export type DirectAction =
  | { action: "AppointAccreditor"; country: string; accreditor: string }
  | { action: "RegisterAuthority"; country: string; kind: number; certificateTypes: number; name: string }
  | { action: "SuspendAuthority"; authorityId: number; reasonCode: number }
  | { action: "ReinstateAuthority"; authorityId: number }
  | { action: "AddSigningKey"; authorityId: number; key: string; validFrom: number; validUntil: number }
  | { action: "RotateSigningKey"; authorityId: number; oldKey: string; newKey: string; newKeyValidUntil: number }
  | { action: "RevokeSigningKey"; authorityId: number; key: string };

export type ChainAction = SignedAction | DirectAction;

const SIGNED_NAMES = new Set<string>(Object.keys(SIGNED_ACTION_TYPES));

export function isSignedAction(action: ChainAction): action is SignedAction {
  return SIGNED_NAMES.has(action.action);
}

/** The EIP-712 message of a signed action, without its nonce and deadline. */
export function signedMessage(action: SignedAction): Record<string, unknown> {
  switch (action.action) {
    case "IssueCertificate":
      return { terms: loadTerms(action.terms), cid: action.cid };
    case "ReplaceCertificate":
      return {
        replacedId: action.replacedId,
        terms: loadTerms(action.terms),
        cid: action.cid,
        reasonCode: action.reasonCode,
      };
    case "SuspendCertificate":
      return { id: action.id, reasonCode: action.reasonCode };
    case "ReinstateCertificate":
    case "AcceptCertificate":
      return { id: action.id };
    case "RevokeCertificate":
    case "RejectCertificate":
      return { id: action.id, reasonCode: action.reasonCode, reasonHash: action.reasonHash };
    case "DrawDown":
      return { id: action.id, declarationHash: action.declarationHash, amount: BigInt(action.amount) };
    case "AnchorBatch":
      return { root: action.root, certificateTypes: action.certificateTypes, count: action.count, cid: action.cid };
    case "RevokeBatch":
      return { root: action.root, reasonCode: action.reasonCode, reasonHash: action.reasonHash };
    case "PromoteBatchLeaf":
      return { root: action.root, leaf: batchLeafHash(loadTerms(action.terms)) };
    case "RevokeBatchLeaf":
      return {
        root: action.root,
        leaf: batchLeafHash(loadTerms(action.terms)),
        reasonCode: action.reasonCode,
        reasonHash: action.reasonHash,
      };
  }
}

/** The EIP-712 types of a signed action (its primary type first). */
export function signedTypes(action: SignedAction): (typeof SIGNED_ACTION_TYPES)[SignedActionName] {
  return SIGNED_ACTION_TYPES[action.action];
}

/** The `...WithSig` call that submits a signed action. */
export function relayedCall(action: SignedAction, auth: Authorization): RegistryCall {
  const authorization = compactAuthorization(auth);
  const call = (method: string, ...args: unknown[]): RegistryCall => ({
    contract: "CertificateRegistry",
    method,
    args: [...args, authorization],
  });
  switch (action.action) {
    case "IssueCertificate":
      return call("issueCertificateWithSig", loadTerms(action.terms), action.cid);
    case "ReplaceCertificate":
      return call(
        "replaceCertificateWithSig",
        action.replacedId,
        loadTerms(action.terms),
        action.cid,
        action.reasonCode,
      );
    case "SuspendCertificate":
      return call("suspendCertificateWithSig", action.id, action.reasonCode);
    case "ReinstateCertificate":
      return call("reinstateCertificateWithSig", action.id);
    case "RevokeCertificate":
      return call("revokeCertificateWithSig", action.id, action.reasonCode, action.reasonHash);
    case "AcceptCertificate":
      return call("acceptCertificateWithSig", action.id);
    case "RejectCertificate":
      return call("rejectCertificateWithSig", action.id, action.reasonCode, action.reasonHash);
    case "DrawDown":
      return call("drawDownWithSig", action.id, loadTerms(action.terms), action.declarationHash, action.amount);
    case "AnchorBatch":
      return call("anchorBatchWithSig", action.root, action.certificateTypes, action.count, action.cid);
    case "RevokeBatch":
      return call("revokeBatchWithSig", action.root, action.reasonCode, action.reasonHash);
    case "PromoteBatchLeaf":
      return call("promoteBatchLeafWithSig", action.root, loadTerms(action.terms), action.proof);
    case "RevokeBatchLeaf":
      return call(
        "revokeBatchLeafWithSig",
        action.root,
        loadTerms(action.terms),
        action.proof,
        action.reasonCode,
        action.reasonHash,
      );
  }
}

/** The AuthorityRegistry call of a direct action. */
export function directCall(action: DirectAction): RegistryCall {
  const call = (method: string, ...args: unknown[]): RegistryCall => ({ contract: "AuthorityRegistry", method, args });
  switch (action.action) {
    case "AppointAccreditor":
      return call("appointAccreditor", action.country, action.accreditor);
    case "RegisterAuthority":
      return call("registerAuthority", action.country, action.kind, action.certificateTypes, action.name);
    case "SuspendAuthority":
      return call("suspendAuthority", action.authorityId, action.reasonCode);
    case "ReinstateAuthority":
      return call("reinstateAuthority", action.authorityId);
    case "AddSigningKey":
      return call("addSigningKey", action.authorityId, action.key, action.validFrom, action.validUntil);
    case "RotateSigningKey":
      return call("rotateSigningKey", action.authorityId, action.oldKey, action.newKey, action.newKeyValidUntil);
    case "RevokeSigningKey":
      return call("revokeSigningKey", action.authorityId, action.key);
  }
}

/** Solidity `Authorization{signer, deadline, r, vs}`: the signature in its EIP-2098 compact form. */
function compactAuthorization(auth: Authorization): { signer: string; deadline: bigint; r: string; vs: string } {
  const { r, yParityAndS } = Signature.from(auth.signature);
  return { signer: auth.signer, deadline: auth.deadline, r, vs: yParityAndS };
}
