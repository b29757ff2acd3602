// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {IAuthorityRegistry} from "./interfaces/IAuthorityRegistry.sol";
import {ICertificateRegistry} from "./interfaces/ICertificateRegistry.sol";
import {AccreditationLib, AuthorityKind, AuthorityStatus, CertificateType, SigningKey} from "./types/Accreditation.sol";
import {Authorization} from "./types/Authorization.sol";
import {
    BatchRecord,
    BatchRecordLib,
    CertificateRecord,
    CertificateRecordLib,
    CertificateStatus,
    CertificateTerms,
    PackedTermsLib
} from "./types/Certificate.sol";
import {CertificateAction, Lifecycle} from "./types/Lifecycle.sol";
import {SignedActions} from "./types/SignedActions.sol";
import {GovernedUpgradeable} from "./utils/GovernedUpgradeable.sol";

/// @title Registry of certificates; see {ICertificateRegistry}
/// @notice Certificates of origin and phytosanitary certificates: issuance, lifecycle, drawdown, batches.
contract CertificateRegistry is ICertificateRegistry, GovernedUpgradeable, EIP712Upgradeable {
    using CertificateRecordLib for CertificateRecord;
    using BatchRecordLib for BatchRecord;
    using AccreditationLib for SigningKey;

    /// @custom:storage-location erc7201:tradeseal.storage.CertificateRegistry
    struct CertificateRegistryStorage {
        IAuthorityRegistry authorities;
        // the AuthorityRegistry's key records, pushed on every change, with each signer's nonce
        mapping(address key => SigningKey) keys;
        mapping(bytes32 id => CertificateRecord) records;
        mapping(bytes32 id => uint96) consumed;
        mapping(bytes32 id => bytes32) supersededBy;
        mapping(bytes32 id => bytes32) supersedes;
        mapping(bytes32 root => BatchRecord) batches;
    }

    // keccak256(abi.encode(uint256(keccak256("tradeseal.storage.CertificateRegistry")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant CERTIFICATE_REGISTRY_STORAGE =
        0x50a8794c8667773abcd0751c763e9825098e29c52177666b432215ab77c3ee00;

    bytes32 private constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    bytes32 private constant NAME_HASH = keccak256("Tradeseal");
    bytes32 private constant VERSION_HASH = keccak256("1");

    function _certificateStorage() private pure returns (CertificateRegistryStorage storage $) {
        assembly {
            $.slot := CERTIFICATE_REGISTRY_STORAGE
        }
    }

    /// @notice Initialises the proxy: governance and the AuthorityRegistry whose key records it acts on.
    function initialize(address governance, IAuthorityRegistry authorities) external initializer {
        __Governed_init(governance);
        _certificateStorage().authorities = authorities;
    }

    /// @inheritdoc ICertificateRegistry
    function syncSigningKey(address key, SigningKey calldata record) external {
        CertificateRegistryStorage storage $ = _certificateStorage();
        if (msg.sender != address($.authorities)) revert CertificateRegistryUnauthorizedSync(msg.sender);
        uint64 nonce = $.keys[key].nonce;
        $.keys[key] = record;
        $.keys[key].nonce = nonce;
    }

    /// @inheritdoc ICertificateRegistry
    function nonces(address signer) external view returns (uint256) {
        return _certificateStorage().keys[signer].nonce;
    }

    /// @inheritdoc ICertificateRegistry
    function authorityRegistry() external view returns (IAuthorityRegistry) {
        return _certificateStorage().authorities;
    }

    /// @inheritdoc ICertificateRegistry
    function signingKey(address key) external view returns (SigningKey memory) {
        return _certificateStorage().keys[key];
    }

    // ─── Issuance ────────────────────────────────────────────────────────────────

    /// @inheritdoc ICertificateRegistry
    function issueCertificate(CertificateTerms calldata terms, bytes calldata cid) external returns (bytes32) {
        return _issue(msg.sender, terms, cid);
    }

    /// @inheritdoc ICertificateRegistry
    function issueCertificateWithSig(
        CertificateTerms calldata terms,
        bytes calldata cid,
        Authorization calldata auth
    ) external returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                SignedActions.ISSUE_CERTIFICATE,
                SignedActions.hashTerms(terms),
                keccak256(cid),
                _useNonce(auth.signer),
                auth.deadline
            )
        );
        return _issue(_signer(structHash, auth), terms, cid);
    }

    /// @inheritdoc ICertificateRegistry
    function replaceCertificate(
        bytes32 replacedId,
        CertificateTerms calldata terms,
        bytes calldata cid,
        uint8 reasonCode
    ) external returns (bytes32) {
        return _replace(msg.sender, replacedId, terms, cid, reasonCode);
    }

    /// @inheritdoc ICertificateRegistry
    function replaceCertificateWithSig(
        bytes32 replacedId,
        CertificateTerms calldata terms,
        bytes calldata cid,
        uint8 reasonCode,
        Authorization calldata auth
    ) external returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                SignedActions.REPLACE_CERTIFICATE,
                replacedId,
                SignedActions.hashTerms(terms),
                keccak256(cid),
                reasonCode,
                _useNonce(auth.signer),
                auth.deadline
            )
        );
        return _replace(_signer(structHash, auth), replacedId, terms, cid, reasonCode);
    }

    // ─── Issuer's status changes ───────────────────────────────────────────────────

    /// @inheritdoc ICertificateRegistry
    function suspendCertificate(bytes32 id, uint8 reasonCode) external {
        _suspend(msg.sender, id, reasonCode);
    }

    /// @inheritdoc ICertificateRegistry
    function suspendCertificateWithSig(bytes32 id, uint8 reasonCode, Authorization calldata auth) external {
        bytes32 structHash = keccak256(
            abi.encode(SignedActions.SUSPEND_CERTIFICATE, id, reasonCode, _useNonce(auth.signer), auth.deadline)
        );
        _suspend(_signer(structHash, auth), id, reasonCode);
    }

    /// @inheritdoc ICertificateRegistry
    function reinstateCertificate(bytes32 id) external {
        _reinstate(msg.sender, id);
    }

    /// @inheritdoc ICertificateRegistry
    function reinstateCertificateWithSig(bytes32 id, Authorization calldata auth) external {
        bytes32 structHash = keccak256(
            abi.encode(SignedActions.REINSTATE_CERTIFICATE, id, _useNonce(auth.signer), auth.deadline)
        );
        _reinstate(_signer(structHash, auth), id);
    }

    /// @inheritdoc ICertificateRegistry
    function revokeCertificate(bytes32 id, uint8 reasonCode, bytes32 reasonHash) external {
        _revoke(msg.sender, id, reasonCode, reasonHash);
    }

    /// @inheritdoc ICertificateRegistry
    function revokeCertificateWithSig(
        bytes32 id,
        uint8 reasonCode,
        bytes32 reasonHash,
        Authorization calldata auth
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(
                SignedActions.REVOKE_CERTIFICATE,
                id,
                reasonCode,
                reasonHash,
                _useNonce(auth.signer),
                auth.deadline
            )
        );
        _revoke(_signer(structHash, auth), id, reasonCode, reasonHash);
    }

    // ─── Importing side ───────────────────────────────────────────────────────────

    /// @inheritdoc ICertificateRegistry
    function acceptCertificate(bytes32 id) external {
        _accept(msg.sender, id);
    }

    /// @inheritdoc ICertificateRegistry
    function acceptCertificateWithSig(bytes32 id, Authorization calldata auth) external {
        bytes32 structHash = keccak256(
            abi.encode(SignedActions.ACCEPT_CERTIFICATE, id, _useNonce(auth.signer), auth.deadline)
        );
        _accept(_signer(structHash, auth), id);
    }

    /// @inheritdoc ICertificateRegistry
    function rejectCertificate(bytes32 id, uint8 reasonCode, bytes32 reasonHash) external {
        _reject(msg.sender, id, reasonCode, reasonHash);
    }

    /// @inheritdoc ICertificateRegistry
    function rejectCertificateWithSig(
        bytes32 id,
        uint8 reasonCode,
        bytes32 reasonHash,
        Authorization calldata auth
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(
                SignedActions.REJECT_CERTIFICATE,
                id,
                reasonCode,
                reasonHash,
                _useNonce(auth.signer),
                auth.deadline
            )
        );
        _reject(_signer(structHash, auth), id, reasonCode, reasonHash);
    }

    /// @inheritdoc ICertificateRegistry
    function drawDown(bytes32 id, CertificateTerms calldata terms, bytes32 declarationHash, uint96 amount) external {
        _drawDown(msg.sender, id, terms, declarationHash, amount);
    }

    /// @inheritdoc ICertificateRegistry
    function drawDownWithSig(
        bytes32 id,
        CertificateTerms calldata terms,
        bytes32 declarationHash,
        uint96 amount,
        Authorization calldata auth
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(SignedActions.DRAW_DOWN, id, declarationHash, amount, _useNonce(auth.signer), auth.deadline)
        );
        _drawDown(_signer(structHash, auth), id, terms, declarationHash, amount);
    }

    // ─── Batches ─────────────────────────────────────────────────────────────────

    /// @inheritdoc ICertificateRegistry
    function anchorBatch(bytes32 root, uint8 certificateTypes, uint32 count, bytes calldata cid) external {
        _anchorBatch(msg.sender, root, certificateTypes, count, cid);
    }

    /// @inheritdoc ICertificateRegistry
    function anchorBatchWithSig(
        bytes32 root,
        uint8 certificateTypes,
        uint32 count,
        bytes calldata cid,
        Authorization calldata auth
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(
                SignedActions.ANCHOR_BATCH,
                root,
                certificateTypes,
                count,
                keccak256(cid),
                _useNonce(auth.signer),
                auth.deadline
            )
        );
        _anchorBatch(_signer(structHash, auth), root, certificateTypes, count, cid);
    }

    /// @inheritdoc ICertificateRegistry
    function revokeBatch(bytes32 root, uint8 reasonCode, bytes32 reasonHash) external {
        _revokeBatch(msg.sender, root, reasonCode, reasonHash);
    }

    /// @inheritdoc ICertificateRegistry
    function revokeBatchWithSig(
        bytes32 root,
        uint8 reasonCode,
        bytes32 reasonHash,
        Authorization calldata auth
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(SignedActions.REVOKE_BATCH, root, reasonCode, reasonHash, _useNonce(auth.signer), auth.deadline)
        );
        _revokeBatch(_signer(structHash, auth), root, reasonCode, reasonHash);
    }

    /// @inheritdoc ICertificateRegistry
    function promoteBatchLeaf(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof
    ) external returns (bytes32) {
        return _promoteLeaf(msg.sender, root, terms, proof);
    }

    /// @inheritdoc ICertificateRegistry
    function promoteBatchLeafWithSig(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof,
        Authorization calldata auth
    ) external returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                SignedActions.PROMOTE_BATCH_LEAF,
                root,
                SignedActions.leafOf(terms),
                _useNonce(auth.signer),
                auth.deadline
            )
        );
        return _promoteLeaf(_signer(structHash, auth), root, terms, proof);
    }

    /// @inheritdoc ICertificateRegistry
    function revokeBatchLeaf(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof,
        uint8 reasonCode,
        bytes32 reasonHash
    ) external {
        _revokeLeaf(msg.sender, root, terms, proof, reasonCode, reasonHash);
    }

    /// @inheritdoc ICertificateRegistry
    function revokeBatchLeafWithSig(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof,
        uint8 reasonCode,
        bytes32 reasonHash,
        Authorization calldata auth
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(
                SignedActions.REVOKE_BATCH_LEAF,
                root,
                SignedActions.leafOf(terms),
                reasonCode,
                reasonHash,
                _useNonce(auth.signer),
                auth.deadline
            )
        );
        _revokeLeaf(_signer(structHash, auth), root, terms, proof, reasonCode, reasonHash);
    }

    // ─── Views ───────────────────────────────────────────────────────────────────

    /// @inheritdoc ICertificateRegistry
    function certificateId(uint32 issuer, bytes32 numberHash) public pure returns (bytes32) {
        return keccak256(abi.encode(issuer, numberHash));
    }

    /// @inheritdoc ICertificateRegistry
    function certificate(
        bytes32 id
    )
        external
        view
        returns (CertificateStatus status, CertificateType certificateType, bytes2 importCountry, uint32 issuer)
    {
        CertificateRecord record = _certificateStorage().records[id];
        return (record.status(), record.certificateType(), record.importCountry(), record.issuer());
    }

    /// @inheritdoc ICertificateRegistry
    function matchesTerms(bytes32 id, CertificateTerms calldata terms) external view returns (bool) {
        CertificateRecord record = _certificateStorage().records[id];
        return !record.isEmpty() && record.commits(terms);
    }

    /// @inheritdoc ICertificateRegistry
    function consumedQuantity(bytes32 id) external view returns (uint96) {
        return _certificateStorage().consumed[id];
    }

    /// @inheritdoc ICertificateRegistry
    function supersededBy(bytes32 id) external view returns (bytes32) {
        return _certificateStorage().supersededBy[id];
    }

    /// @inheritdoc ICertificateRegistry
    function supersedes(bytes32 id) external view returns (bytes32) {
        return _certificateStorage().supersedes[id];
    }

    /// @inheritdoc ICertificateRegistry
    function batch(
        bytes32 root
    )
        external
        view
        returns (CertificateStatus status, uint32 issuer, uint8 certificateTypes, uint32 count, uint40 anchoredAt)
    {
        BatchRecord b = _certificateStorage().batches[root];
        return (b.status(), b.issuer(), b.certificateTypes(), b.count(), b.anchoredAt());
    }

    /// @inheritdoc ICertificateRegistry
    function batchCountry(bytes32 root) external view returns (bytes2) {
        return _certificateStorage().batches[root].country();
    }

    /// @inheritdoc ICertificateRegistry
    function verifyBatchLeaf(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof
    ) external view returns (bytes32 id, CertificateStatus status) {
        BatchRecord b;
        (b, id) = _checkLeaf(root, terms, proof);
        CertificateRecord record = _certificateStorage().records[id];
        if (record.isEmpty()) return (id, b.status());
        if (!record.commits(terms)) revert CertificateRegistryTermsMismatch(id);
        return (id, record.status());
    }

    // ─── Internals ───────────────────────────────────────────────────────────────

    function _issue(address key, CertificateTerms calldata terms, bytes calldata cid) private returns (bytes32) {
        return _anchor(key, _activeAuthorityOf(key), terms, cid);
    }

    function _anchor(
        address key,
        SigningKey memory k,
        CertificateTerms calldata terms,
        bytes calldata cid
    ) private returns (bytes32 id) {
        uint32 issuer = k.authorityId;
        if (k.country != terms.exportCountry || k.certificateTypes & AccreditationLib.bit(terms.certificateType) == 0)
            revert AuthorityRegistryNotAccredited(issuer, terms.certificateType, terms.exportCountry);
        if (terms.importCountry != bytes2(0) && !AccreditationLib.isCountry(terms.importCountry))
            revert CertificateRegistryInvalidImportCountry(terms.importCountry);
        if (terms.validUntil != 0 && terms.validUntil <= block.timestamp)
            revert CertificateRegistryAlreadyExpired(terms.validUntil);
        id = certificateId(issuer, terms.numberHash);
        _createRecord(id, CertificateStatus.ISSUED, terms, issuer);
        emit CertificateIssued(id, issuer, key, terms.numberHash, terms.digest, PackedTermsLib.pack(terms), cid);
    }

    function _replace(
        address key,
        bytes32 replacedId,
        CertificateTerms calldata terms,
        bytes calldata cid,
        uint8 reasonCode
    ) private returns (bytes32 id) {
        SigningKey memory k = _activeAuthorityOf(key);
        uint32 issuer = k.authorityId;
        CertificateRecord old = _existingRecord(replacedId);
        if (old.issuer() != issuer) revert CertificateRegistryUnauthorizedActor(replacedId, key);
        _transition(replacedId, old, CertificateAction.REPLACE);
        id = _anchor(key, k, terms, cid);
        CertificateRegistryStorage storage $ = _certificateStorage();
        $.supersededBy[replacedId] = id;
        $.supersedes[id] = replacedId;
        // What customs already drew against the old certificate stays drawn against the new one.
        uint96 consumed = $.consumed[replacedId];
        if (consumed != 0) {
            if (terms.quantity <= consumed)
                revert CertificateRegistryReplacementBelowConsumed(replacedId, consumed, terms.quantity);
            $.consumed[id] = consumed;
        }
        emit CertificateSuperseded(replacedId, id, issuer, reasonCode);
    }

    function _suspend(address key, bytes32 id, uint8 reasonCode) private {
        uint32 issuer = _issuerAction(key, id, CertificateAction.SUSPEND);
        emit CertificateSuspended(id, issuer, reasonCode);
    }

    function _reinstate(address key, bytes32 id) private {
        uint32 issuer = _issuerAction(key, id, CertificateAction.REINSTATE);
        emit CertificateReinstated(id, issuer);
    }

    function _issuerAction(address key, bytes32 id, CertificateAction action) private returns (uint32 issuer) {
        issuer = _activeAuthorityOf(key).authorityId;
        CertificateRecord record = _existingRecord(id);
        if (record.issuer() != issuer) revert CertificateRegistryUnauthorizedActor(id, key);
        _transition(id, record, action);
    }

    function _revoke(address actor, bytes32 id, uint8 reasonCode, bytes32 reasonHash) private {
        CertificateRecord record = _existingRecord(id);
        uint32 authorityId = _revoker(actor, record.issuer(), id);
        _transition(id, record, CertificateAction.REVOKE);
        emit CertificateRevoked(id, authorityId, reasonCode, reasonHash);
    }

    function _accept(address key, bytes32 id) private {
        uint32 authorityId = _importerAction(key, id, CertificateAction.ACCEPT);
        emit CertificateAccepted(id, authorityId);
    }

    function _reject(address key, bytes32 id, uint8 reasonCode, bytes32 reasonHash) private {
        uint32 authorityId = _importerAction(key, id, CertificateAction.REJECT);
        emit CertificateRejected(id, authorityId, reasonCode, reasonHash);
    }

    function _importerAction(address key, bytes32 id, CertificateAction action) private returns (uint32 authorityId) {
        CertificateRecord record;
        (authorityId, record, ) = _importingAuthority(key, id, false);
        _transition(id, record, action);
    }

    function _drawDown(
        address key,
        bytes32 id,
        CertificateTerms calldata terms,
        bytes32 declarationHash,
        uint96 amount
    ) private {
        (uint32 authorityId, CertificateRecord record, bool unnamed) = _importingAuthority(key, id, true);
        if (!record.commits(terms)) revert CertificateRegistryTermsMismatch(id);
        if (!AccreditationLib.isCoo(terms.certificateType) || terms.quantity == 0)
            revert CertificateRegistryNotDrawable(id);
        CertificateStatus status = record.status();
        if (!Lifecycle.isAllowed(status, CertificateAction.DRAW_DOWN))
            revert CertificateRegistryInvalidTransition(id, status, CertificateAction.DRAW_DOWN);
        if (amount == 0) revert CertificateRegistryZeroAmount(id);
        CertificateRegistryStorage storage $ = _certificateStorage();
        uint96 consumed = $.consumed[id];
        uint96 remaining = terms.quantity - consumed;
        if (amount > remaining) revert CertificateRegistryQuantityExceeded(id, remaining, amount);
        remaining -= amount;
        $.consumed[id] = consumed + amount;
        emit CertificateDrawnDown(id, authorityId, declarationHash, amount, remaining, unnamed);
        if (remaining == 0) {
            $.records[id] = record.withStatus(CertificateStatus.EXHAUSTED);
            emit CertificateExhausted(id);
        }
    }

    /// @dev The acting authority on the importing side: ACTIVE, customs for a drawdown or the
    /// type's acknowledger otherwise, and of the certificate's importing country (any country
    /// when the certificate names none).
    function _importingAuthority(
        address key,
        bytes32 id,
        bool drawdown
    ) private view returns (uint32 authorityId, CertificateRecord record, bool importCountryUnnamed) {
        SigningKey memory k = _activeAuthorityOf(key);
        authorityId = k.authorityId;
        record = _existingRecord(id);
        AuthorityKind required =
            drawdown ? AuthorityKind.CUSTOMS : AccreditationLib.acknowledgerOf(record.certificateType());
        if (k.kind != required) revert CertificateRegistryWrongAuthorityKind(id, required, k.kind);
        bytes2 importCountry = record.importCountry();
        importCountryUnnamed = importCountry == bytes2(0);
        if (!importCountryUnnamed && importCountry != k.country)
            revert CertificateRegistryWrongImportCountry(id, importCountry, k.country);
    }

    function _anchorBatch(address key, bytes32 root, uint8 certificateTypes, uint32 count, bytes calldata cid) private {
        SigningKey memory k = _activeAuthorityOf(key);
        uint32 issuer = k.authorityId;
        if (count == 0 || certificateTypes == 0) revert CertificateRegistryEmptyBatch(root);
        uint8 unaccredited = certificateTypes & ~k.certificateTypes;
        if (unaccredited != 0) revert AuthorityRegistryNotAccredited(issuer, _lowestType(unaccredited), k.country);
        CertificateRegistryStorage storage $ = _certificateStorage();
        if (!$.batches[root].isEmpty()) revert CertificateRegistryBatchExists(root);
        $.batches[root] = BatchRecordLib.pack(
            CertificateStatus.ISSUED,
            issuer,
            certificateTypes,
            count,
            uint40(block.timestamp),
            k.country
        );
        emit BatchAnchored(root, issuer, key, certificateTypes, count, cid);
    }

    function _revokeBatch(address actor, bytes32 root, uint8 reasonCode, bytes32 reasonHash) private {
        CertificateRegistryStorage storage $ = _certificateStorage();
        BatchRecord b = $.batches[root];
        if (b.isEmpty()) revert CertificateRegistryUnknownBatch(root);
        uint32 authorityId = _revoker(actor, b.issuer(), root);
        if (b.status() != CertificateStatus.ISSUED) revert CertificateRegistryBatchNotInForce(root, b.status());
        $.batches[root] = b.withStatus(CertificateStatus.REVOKED);
        emit BatchRevoked(root, authorityId, reasonCode, reasonHash);
    }

    function _promoteLeaf(
        address key,
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof
    ) private returns (bytes32 id) {
        uint32 issuer = _activeAuthorityOf(key).authorityId;
        BatchRecord b;
        (b, id) = _checkLeaf(root, terms, proof);
        if (b.issuer() != issuer) revert CertificateRegistryUnauthorizedActor(id, key);
        if (b.status() != CertificateStatus.ISSUED) revert CertificateRegistryBatchNotInForce(root, b.status());
        _createRecord(id, CertificateStatus.ISSUED, terms, issuer);
        emit BatchLeafRecorded(id, root, issuer, terms.numberHash, terms.digest, PackedTermsLib.pack(terms));
    }

    function _revokeLeaf(
        address actor,
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof,
        uint8 reasonCode,
        bytes32 reasonHash
    ) private {
        (BatchRecord b, bytes32 id) = _checkLeaf(root, terms, proof);
        uint32 authorityId = _revoker(actor, b.issuer(), id);
        CertificateRecord record = _certificateStorage().records[id];
        if (record.isEmpty()) {
            if (b.status() != CertificateStatus.ISSUED) revert CertificateRegistryBatchNotInForce(root, b.status());
            _createRecord(id, CertificateStatus.REVOKED, terms, b.issuer());
            emit BatchLeafRecorded(id, root, b.issuer(), terms.numberHash, terms.digest, PackedTermsLib.pack(terms));
        } else {
            if (!record.commits(terms)) revert CertificateRegistryTermsMismatch(id);
            _transition(id, record, CertificateAction.REVOKE);
        }
        emit CertificateRevoked(id, authorityId, reasonCode, reasonHash);
    }

    function _checkLeaf(
        bytes32 root,
        CertificateTerms calldata terms,
        bytes32[] calldata proof
    ) private view returns (BatchRecord b, bytes32 id) {
        b = _certificateStorage().batches[root];
        if (b.isEmpty()) revert CertificateRegistryUnknownBatch(root);
        bytes32 leaf = SignedActions.leafOf(terms);
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert CertificateRegistryInvalidProof(root, leaf);
        if (
            b.certificateTypes() & AccreditationLib.bit(terms.certificateType) == 0 ||
            terms.exportCountry != b.country()
        ) revert CertificateRegistryLeafOutsideBatch(root, terms.certificateType, terms.exportCountry);
        id = certificateId(b.issuer(), terms.numberHash);
    }

    /// @dev `key`, which must be valid now for an ACTIVE authority, with its accreditation copy.
    function _activeAuthorityOf(address key) private view returns (SigningKey memory k) {
        k = _certificateStorage().keys[key];
        if (!k.isValidAt(block.timestamp)) revert AuthorityRegistryUnauthorizedKey(key);
        if (k.status != AuthorityStatus.ACTIVE) revert AuthorityRegistryAuthorityNotActive(k.authorityId, k.status);
    }

    /// @dev Who may revoke what `issuer` issued: a valid key of the issuer (even while the issuer
    /// is suspended), or the accreditor of the issuer's country (returned as 0).
    function _revoker(address actor, uint32 issuer, bytes32 subject) private view returns (uint32) {
        SigningKey memory k = _certificateStorage().keys[actor];
        if (k.authorityId == issuer && k.isValidAt(block.timestamp)) return issuer;
        if (_certificateStorage().authorities.isAccreditorOf(actor, issuer)) return 0;
        revert CertificateRegistryUnauthorizedActor(subject, actor);
    }

    function _createRecord(
        bytes32 id,
        CertificateStatus status,
        CertificateTerms calldata terms,
        uint32 issuer
    ) private {
        CertificateRegistryStorage storage $ = _certificateStorage();
        if (!$.records[id].isEmpty()) revert CertificateRegistryAlreadyExists(id);
        $.records[id] = CertificateRecordLib.pack(status, terms, issuer);
    }

    function _existingRecord(bytes32 id) private view returns (CertificateRecord record) {
        record = _certificateStorage().records[id];
        if (record.isEmpty()) revert CertificateRegistryUnknownCertificate(id);
    }

    function _transition(bytes32 id, CertificateRecord record, CertificateAction action) private {
        CertificateStatus current = record.status();
        if (!Lifecycle.isAllowed(current, action)) revert CertificateRegistryInvalidTransition(id, current, action);
        _certificateStorage().records[id] = record.withStatus(Lifecycle.target(current, action));
    }

    function _signer(bytes32 structHash, Authorization calldata auth) private view returns (address) {
        if (block.timestamp > auth.deadline) revert CertificateRegistryExpiredSignature(auth.deadline);
        bytes32 domainSeparator = keccak256(
            abi.encode(DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, block.chainid, address(this))
        );
        address recovered = ECDSA.recover(
            MessageHashUtils.toTypedDataHash(domainSeparator, structHash),
            auth.r,
            auth.vs
        );
        if (recovered != auth.signer) revert CertificateRegistryInvalidSignature(auth.signer);
        return recovered;
    }

    /// @dev Returns the signer's nonce and advances it, in the slot of its key record.
    function _useNonce(address signer) private returns (uint64 nonce) {
        SigningKey storage k = _certificateStorage().keys[signer];
        nonce = k.nonce;
        k.nonce = nonce + 1;
    }

    function _lowestType(uint8 mask) private pure returns (CertificateType t) {
        while (mask & AccreditationLib.bit(t) == 0) t = CertificateType(uint8(t) + 1);
    }

    function _EIP712Name() internal pure override returns (string memory) {
        return "Tradeseal";
    }

    function _EIP712Version() internal pure override returns (string memory) {
        return "1";
    }
}
