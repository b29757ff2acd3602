// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {CertificateTerms} from "./Certificate.sol";

/// @title EIP-712 types of the signed actions
/// @notice Type hashes and struct hashing shared by every `...WithSig` function.
/// @dev EIP-712 type hashes of the signed forms of every authority action (domain: name
/// "Tradeseal", version "1", chain id, the registry proxy). Each struct ends with the signer's
/// nonce and a deadline. `bytes` members are hashed with keccak256, `terms` with {hashTerms}.
library SignedActions {
    string internal constant TERMS_TYPE =
        "CertificateTerms(bytes32 numberHash,bytes32 digest,uint8 certificateType,bytes2 exportCountry,bytes2 importCountry,uint40 validUntil,uint96 quantity,bytes3 unit)";

    bytes32 internal constant TERMS = keccak256(bytes(TERMS_TYPE));
    bytes32 internal constant ISSUE_CERTIFICATE =
        keccak256(
            abi.encodePacked(
                "IssueCertificate(CertificateTerms terms,bytes cid,uint256 nonce,uint256 deadline)",
                TERMS_TYPE
            )
        );
    bytes32 internal constant REPLACE_CERTIFICATE =
        keccak256(
            abi.encodePacked(
                "ReplaceCertificate(bytes32 replacedId,CertificateTerms terms,bytes cid,uint8 reasonCode,uint256 nonce,uint256 deadline)",
                TERMS_TYPE
            )
        );
    bytes32 internal constant SUSPEND_CERTIFICATE =
        keccak256("SuspendCertificate(bytes32 id,uint8 reasonCode,uint256 nonce,uint256 deadline)");
    bytes32 internal constant REINSTATE_CERTIFICATE =
        keccak256("ReinstateCertificate(bytes32 id,uint256 nonce,uint256 deadline)");
    bytes32 internal constant REVOKE_CERTIFICATE =
        keccak256("RevokeCertificate(bytes32 id,uint8 reasonCode,bytes32 reasonHash,uint256 nonce,uint256 deadline)");
    bytes32 internal constant ACCEPT_CERTIFICATE =
        keccak256("AcceptCertificate(bytes32 id,uint256 nonce,uint256 deadline)");
    bytes32 internal constant REJECT_CERTIFICATE =
        keccak256("RejectCertificate(bytes32 id,uint8 reasonCode,bytes32 reasonHash,uint256 nonce,uint256 deadline)");
    bytes32 internal constant DRAW_DOWN =
        keccak256("DrawDown(bytes32 id,bytes32 declarationHash,uint96 amount,uint256 nonce,uint256 deadline)");
    bytes32 internal constant ANCHOR_BATCH =
        keccak256(
            "AnchorBatch(bytes32 root,uint8 certificateTypes,uint32 count,bytes cid,uint256 nonce,uint256 deadline)"
        );
    bytes32 internal constant REVOKE_BATCH =
        keccak256("RevokeBatch(bytes32 root,uint8 reasonCode,bytes32 reasonHash,uint256 nonce,uint256 deadline)");
    bytes32 internal constant PROMOTE_BATCH_LEAF =
        keccak256("PromoteBatchLeaf(bytes32 root,bytes32 leaf,uint256 nonce,uint256 deadline)");
    bytes32 internal constant REVOKE_BATCH_LEAF =
        keccak256(
            "RevokeBatchLeaf(bytes32 root,bytes32 leaf,uint8 reasonCode,bytes32 reasonHash,uint256 nonce,uint256 deadline)"
        );

    function hashTerms(CertificateTerms calldata terms) internal pure returns (bytes32) {
        return keccak256(abi.encode(TERMS, terms));
    }

    /// @dev The leaf of an OpenZeppelin StandardMerkleTree over the terms' eight fields.
    function leafOf(CertificateTerms calldata terms) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(terms))));
    }
}
