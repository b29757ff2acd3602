// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {AuthorityKind, AuthorityStatus, CertificateType, SigningKey} from "../types/Accreditation.sol";
import {IAuthorityRegistry} from "./IAuthorityRegistry.sol";
import {Authorization} from "../types/Authorization.sol";
import {CertificateStatus, CertificateTerms, PackedTerms} from "../types/Certificate.sol";
import {CertificateAction} from "../types/Lifecycle.sol";

/// @title Registry of certificates of origin and phytosanitary certificates
/// @notice Hash on chain, data in events: storage keeps one slot per certificate (status, type,
/// importing country, issuer and a 192-bit commitment to its {CertificateTerms}); the terms and
/// the document's CID are in the events. Actions that need a term (a drawdown needs the
/// quantity) take the terms again and check them against the commitment.
///
/// A certificate's id is `keccak256(abi.encode(issuerAuthorityId, numberHash))`, so one issuer can
/// use a certificate number once, and a verifier holding only the document finds the record.
///
/// The actor is the calling signing key, or for the `...WithSig` forms the key whose EIP-712
/// signature a relayer submits; it must be valid now for an ACTIVE authority. Revocation is also
/// open to the accreditor of the issuer's country, and to the issuer's key while the issuer is
/// suspended (withdrawing trust is always allowed).
///
/// Lifecycle: ISSUED ↔ SUSPENDED; ISSUED, SUSPENDED, ACCEPTED, REJECTED → REVOKED; ISSUED,
/// SUSPENDED, REJECTED → SUPERSEDED (by a replacement); ISSUED → ACCEPTED or REJECTED; drawdowns
/// on ISSUED or ACCEPTED CoOs, EXHAUSTED when nothing is left. REVOKED, SUPERSEDED and EXHAUSTED
/// are terminal. Any other transition reverts with {CertificateRegistryInvalidTransition}.
interface ICertificateRegistry {
    /// @notice A certificate was anchored by `key` of authority `issuer`. Its terms are
    /// `numberHash`, `digest` and the rest packed into `terms` (see {PackedTerms}); `cid` names
    /// the stored (encrypted) document.
    event CertificateIssued(
        bytes32 indexed id,
        uint32 indexed issuer,
        address key,
        bytes32 numberHash,
        bytes32 digest,
        PackedTerms terms,
        bytes cid
    );
    /// @notice The issuer suspended the certificate: not to be relied on until reinstated.
    event CertificateSuspended(bytes32 indexed id, uint32 indexed authorityId, uint8 reasonCode);
    /// @notice The issuer put a suspended certificate back in force.
    event CertificateReinstated(bytes32 indexed id, uint32 indexed authorityId);
    /// @notice The certificate was withdrawn for good, with a reason code and the hash of a free text.
    /// @param authorityId the issuer, or 0 when the accreditor of the issuer's country revoked it
    event CertificateRevoked(bytes32 indexed id, uint32 indexed authorityId, uint8 reasonCode, bytes32 reasonHash);
    /// @notice `id` was replaced by `replacement` (which now `supersedes` it).
    event CertificateSuperseded(
        bytes32 indexed id,
        bytes32 indexed replacement,
        uint32 indexed authorityId,
        uint8 reasonCode
    );
    /// @notice The importing customs (CoO) or NPPO (phyto) accepted the certificate.
    event CertificateAccepted(bytes32 indexed id, uint32 indexed authorityId);
    /// @notice The importing customs (CoO) or NPPO (phyto) rejected the certificate.
    event CertificateRejected(bytes32 indexed id, uint32 indexed authorityId, uint8 reasonCode, bytes32 reasonHash);
    /// @notice Importing customs used `amount` against an import declaration; `remaining` is left.
    /// @param importCountryUnnamed the certificate names no importing country: the use is
    /// recorded, and flagged for auditors
    event CertificateDrawnDown(
        bytes32 indexed id,
        uint32 indexed authorityId,
        bytes32 indexed declarationHash,
        uint96 amount,
        uint96 remaining,
        bool importCountryUnnamed
    );
    /// @notice Drawdowns have used the whole certified quantity.
    event CertificateExhausted(bytes32 indexed id);
    /// @notice A Merkle root for `count` certificates of `issuer`; `cid` names the batch manifest.
    event BatchAnchored(
        bytes32 indexed root,
        uint32 indexed issuer,
        address key,
        uint8 certificateTypes,
        uint32 count,
        bytes cid
    );
    /// @notice The whole batch was withdrawn; leaves with a record of their own keep it.
    event BatchRevoked(bytes32 indexed root, uint32 indexed authorityId, uint8 reasonCode, bytes32 reasonHash);
    /// @notice A leaf of batch `root` got a record of its own (promotion or leaf revocation).
    event BatchLeafRecorded(
        bytes32 indexed id,
        bytes32 indexed root,
        uint32 indexed issuer,
        bytes32 numberHash,
        bytes32 digest,
        PackedTerms terms
    );

    /// @notice The acting key is not valid now (unknown, not yet valid, ended).
    error AuthorityRegistryUnauthorizedKey(address key);
    /// @notice The acting key's authority is suspended or withdrawn.
    error AuthorityRegistryAuthorityNotActive(uint32 authorityId, AuthorityStatus current);
    /// @notice The authority is not accredited for `certificateType` in `country`.
    error AuthorityRegistryNotAccredited(uint32 authorityId, CertificateType certificateType, bytes2 country);
    /// @notice Only the AuthorityRegistry pushes key records.
    error CertificateRegistryUnauthorizedSync(address caller);
    error CertificateRegistryAlreadyExists(bytes32 id);
    error CertificateRegistryUnknownCertificate(bytes32 id);
    error CertificateRegistryInvalidTransition(bytes32 id, CertificateStatus current, CertificateAction action);
    /// @notice `actor` may not take this action on the certificate (not its issuer, not the
    /// importing side, not the accreditor).
    error CertificateRegistryUnauthorizedActor(bytes32 id, address actor);
    error CertificateRegistryWrongAuthorityKind(bytes32 id, AuthorityKind required, AuthorityKind actual);
    error CertificateRegistryWrongImportCountry(bytes32 id, bytes2 importCountry, bytes2 actorCountry);
    error CertificateRegistryInvalidImportCountry(bytes2 importCountry);
    error CertificateRegistryAlreadyExpired(uint40 validUntil);
    error CertificateRegistryTermsMismatch(bytes32 id);
    error CertificateRegistryNotDrawable(bytes32 id);
    error CertificateRegistryZeroAmount(bytes32 id);
    error CertificateRegistryQuantityExceeded(bytes32 id, uint96 remaining, uint96 requested);
    /// @notice A replacement must certify more than was already drawn down against `id`.
    error CertificateRegistryReplacementBelowConsumed(bytes32 id, uint96 consumed, uint96 quantity);
    error CertificateRegistryExpiredSignature(uint256 deadline);
    /// @notice The signature is not `signer`'s over this action with its current nonce: wrong key,
    /// wrong chain or contract, altered arguments, or a nonce already used (a replay).
    error CertificateRegistryInvalidSignature(address signer);
    error CertificateRegistryBatchExists(bytes32 root);
    error CertificateRegistryUnknownBatch(bytes32 root);
    error CertificateRegistryEmptyBatch(bytes32 root);
    error CertificateRegistryBatchNotInForce(bytes32 root, CertificateStatus current);
    error CertificateRegistryInvalidProof(bytes32 root, bytes32 leaf);
    /// @notice The leaf's type or exporting country is outside what its batch was anchored for.
    error CertificateRegistryLeafOutsideBatch(bytes32 root, CertificateType certificateType, bytes2 exportCountry);

    /// @notice Stores the AuthorityRegistry's record of `key`. Called by the AuthorityRegistry only.
    function syncSigningKey(address key, SigningKey calldata record) external;

    /// @notice The AuthorityRegistry whose key records this registry acts on.
    function authorityRegistry() external view returns (IAuthorityRegistry);

    /// @notice The nonce `signer` must sign into its next EIP-712 action.
    function nonces(address signer) external view returns (uint256);

    /// @notice This registry's copy of the key's record, as the AuthorityRegistry last pushed it.
    function signingKey(address key) external view returns (SigningKey memory);

    /// @notice Anchors one certificate. The key must be valid now for an ACTIVE authority of
    /// `terms.exportCountry` accredited for `terms.certificateType`.
    function issueCertificate(CertificateTerms calldata terms, bytes calldata cid) external returns (bytes32 id);

    /// @notice {issueCertificate} signed by the key (EIP-712 `IssueCertificate`), submitted by any relayer.
    function issueCertificateWithSig(
        CertificateTerms calldata terms,
        bytes calldata cid,
        Authorization calldata auth
    ) external returns (bytes32 id);

    /// @notice Issues `terms` as the replacement of `replacedId` (same issuer) atomically:
    /// the old one becomes SUPERSEDED with `supersededBy`, the new one `supersedes` it. Quantity
    /// already drawn down against the old one counts against the new one, which must certify more.
    function replaceCertificate(
        bytes32 replacedId,
        CertificateTerms calldata terms,
        bytes calldata cid,
        uint8 reasonCode
    ) external returns (bytes32 id);

    /// @notice {replaceCertificate} signed by the key (EIP-712 `ReplaceCertificate`), submitted by any relayer.
    function replaceCertificateWithSig(
        bytes32 replacedId,
        CertificateTerms calldata terms,
        bytes calldata cid,
        uint8 reasonCode,
        Authorization calldata auth
    ) external returns (bytes32 id);

    /// @notice ISSUED → SUSPENDED, by the issuer.
    function suspendCertificate(bytes32 id, uint8 reasonCode) external;

    /// @notice {suspendCertificate} signed by the key (EIP-712 `SuspendCertificate`), submitted by any relayer.
    function suspendCertificateWithSig(bytes32 id, uint8 reasonCode, Authorization calldata auth) external;

    /// @notice SUSPENDED → ISSUED, by the issuer.
    function reinstateCertificate(bytes32 id) external;

    /// @notice {reinstateCertificate} signed by the key (EIP-712 `ReinstateCertificate`), submitted by any relayer.
    function reinstateCertificateWithSig(bytes32 id, Authorization calldata auth) external;

    /// @notice → REVOKED, by the issuer or the accreditor of its country.
    /// @param reasonHash keccak256 of the free-text reason (kept off chain), or zero
    function revokeCertificate(bytes32 id, uint8 reasonCode, bytes32 reasonHash) external;

    /// @notice {revokeCertificate} signed by the issuer's key or the accreditor (EIP-712 `RevokeCertificate`).
    function revokeCertificateWithSig(
        bytes32 id,
        uint8 reasonCode,
        bytes32 reasonHash,
        Authorization calldata auth
    ) external;

    /// @notice ISSUED → ACCEPTED by the importing country's customs (CoO) or NPPO (phyto).
    function acceptCertificate(bytes32 id) external;

    /// @notice {acceptCertificate} signed by the key (EIP-712 `AcceptCertificate`), submitted by any relayer.
    function acceptCertificateWithSig(bytes32 id, Authorization calldata auth) external;

    /// @notice ISSUED → REJECTED by the importing country's customs (CoO) or NPPO (phyto).
    function rejectCertificate(bytes32 id, uint8 reasonCode, bytes32 reasonHash) external;

    /// @notice {rejectCertificate} signed by the key (EIP-712 `RejectCertificate`), submitted by any relayer.
    function rejectCertificateWithSig(
        bytes32 id,
        uint8 reasonCode,
        bytes32 reasonHash,
        Authorization calldata auth
    ) external;

    /// @notice Records the use of `amount` of a CoO's certified quantity against an import
    /// declaration, by customs of the importing country. The total never exceeds the certified
    /// quantity, across replacements too; the last unit makes the certificate EXHAUSTED.
    /// `validUntil` is checked at issuance only: whether a certificate was in force on an import
    /// declaration's date is for the importing side to judge, as that date is not on chain.
    /// @param terms the certificate's terms, checked against the on-chain commitment
    /// @param declarationHash keccak256 of the import declaration's reference
    function drawDown(bytes32 id, CertificateTerms calldata terms, bytes32 declarationHash, uint96 amount) external;

    /// @notice {drawDown} signed by the key (EIP-712 `DrawDown`; the terms are evidence, not signed).
    function drawDownWithSig(
        bytes32 id,
        CertificateTerms calldata terms,
        bytes32 declarationHash,
        uint96 amount,
        Authorization calldata auth
    ) external;

    /// @notice Anchors the root of an OpenZeppelin StandardMerkleTree whose leaves are
    /// `abi.encode(CertificateTerms)` (types bytes32, bytes32, uint8, bytes2, bytes2, uint40, uint96, bytes3),
    /// all of the caller's authority and its country.
    /// @param certificateTypes mask of the types the leaves may have; all must be accredited
    function anchorBatch(bytes32 root, uint8 certificateTypes, uint32 count, bytes calldata cid) external;

    /// @notice {anchorBatch} signed by the key (EIP-712 `AnchorBatch`), submitted by any relayer.
    function anchorBatchWithSig(
        bytes32 root,
        uint8 certificateTypes,
        uint32 count,
        bytes calldata cid,
        Authorization calldata auth
    ) external;

    /// @notice Revokes a whole batch, by its issuer or the accreditor of its country. Leaves that
    /// already have a record of their own keep it.
    function revokeBatch(bytes32 root, uint8 reasonCode, bytes32 reasonHash) external;

    /// @notice {revokeBatch} signed by the issuer's key or the accreditor (EIP-712 `RevokeBatch`).
    function revokeBatchWithSig(
        bytes32 root,
        uint8 reasonCode,
        bytes32 reasonHash,
        Authorization calldata auth
    ) external;

    /// @notice Gives a leaf a full record (ISSUED) so it can be acknowledged, drawn down,
    /// suspended or replaced. By the batch's issuer.
    function promoteBatchLeaf(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof
    ) external returns (bytes32 id);

    /// @notice {promoteBatchLeaf} signed by the key (EIP-712 `PromoteBatchLeaf` over the leaf hash).
    function promoteBatchLeafWithSig(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof,
        Authorization calldata auth
    ) external returns (bytes32 id);

    /// @notice Revokes one leaf of a batch, by its issuer or the accreditor of its country.
    function revokeBatchLeaf(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof,
        uint8 reasonCode,
        bytes32 reasonHash
    ) external;

    /// @notice {revokeBatchLeaf} signed by the issuer's key or the accreditor (EIP-712 `RevokeBatchLeaf`).
    function revokeBatchLeafWithSig(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof,
        uint8 reasonCode,
        bytes32 reasonHash,
        Authorization calldata auth
    ) external;

    /// @notice The id of certificate number `numberHash` of authority `issuer`.
    function certificateId(uint32 issuer, bytes32 numberHash) external pure returns (bytes32);

    /// @return status NONE for an unknown id
    /// @notice The certificate's record: status, type, importing country and issuing authority.
    function certificate(
        bytes32 id
    )
        external
        view
        returns (CertificateStatus status, CertificateType certificateType, bytes2 importCountry, uint32 issuer);

    /// @notice Whether `terms` are the terms the record of `id` commits to.
    function matchesTerms(bytes32 id, CertificateTerms calldata terms) external view returns (bool);

    /// @notice How much of a CoO's certified quantity drawdowns have used.
    function consumedQuantity(bytes32 id) external view returns (uint96);

    /// @notice The replacement of `id`, or zero.
    function supersededBy(bytes32 id) external view returns (bytes32);

    /// @notice The certificate `id` replaced, or zero.
    function supersedes(bytes32 id) external view returns (bytes32);

    /// @notice The batch anchored under `root`; status NONE for an unknown root.
    function batch(
        bytes32 root
    )
        external
        view
        returns (CertificateStatus status, uint32 issuer, uint8 certificateTypes, uint32 count, uint40 anchoredAt);

    /// @notice The country of the batch's issuer; every leaf's exporting country.
    function batchCountry(bytes32 root) external view returns (bytes2);

    /// @notice Verifies a batch leaf and returns its certificate id and status: its own record's
    /// status if it has one, else the batch's. Reverts when the proof or the leaf is not valid.
    function verifyBatchLeaf(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof
    ) external view returns (bytes32 id, CertificateStatus status);
}
