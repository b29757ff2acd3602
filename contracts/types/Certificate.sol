// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {CertificateType} from "./Accreditation.sol";

enum CertificateStatus {
    NONE,
    ISSUED,
    SUSPENDED,
    REVOKED,
    SUPERSEDED,
    ACCEPTED,
    REJECTED,
    EXHAUSTED
}

/// @dev Everything the chain commits to for one certificate. It travels in calldata and
/// events; storage keeps a 192-bit commitment to it.
struct CertificateTerms {
    bytes32 numberHash; // keccak256 of the issuer's certificate number (UTF-8)
    bytes32 digest; // SHA-256 of the canonical document, salted
    CertificateType certificateType;
    bytes2 exportCountry; // ISO 3166-1 alpha-2, must be the issuer's country
    bytes2 importCountry; // 0x0000 when the certificate names no importing country
    uint40 validUntil; // unix time; 0 for no end
    uint96 quantity; // certified quantity of a CoO in thousandths of `unit`; 0 for none
    bytes3 unit; // UN/ECE Recommendation 20 code, e.g. "KGM"
}

/// @dev The terms other than the two hashes, packed into one word for events:
/// certificateType (8) | exportCountry (16) | importCountry (16) | validUntil (40) | quantity (96) | unit (24).
type PackedTerms is uint256;

/// @dev Packed certificate record, one slot:
/// status (8) | type (8) | importCountry (16) | issuer authority id (32) | commitment (192).
type CertificateRecord is uint256;

/// @dev Packed batch record, one slot:
/// status (8) | issuer (32) | types mask (8) | count (32) | anchoredAt (40) | issuer's country (16).
type BatchRecord is uint256;

/// @title Packed terms
/// @notice The terms other than the two hashes, in one event word.
library PackedTermsLib {
    /// @dev Reads the six small members straight from calldata: the issuance path has already
    /// validated each of them (and the commitment re-encodes them), and the masks and shifts
    /// below keep only each member's own bits. Reading them as struct members would validate
    /// every one again.
    function pack(CertificateTerms calldata terms) internal pure returns (PackedTerms packed) {
        assembly ("memory-safe") {
            let certificateType := and(calldataload(add(terms, 0x40)), 0xff)
            let exportCountry := shr(240, calldataload(add(terms, 0x60)))
            let importCountry := shr(240, calldataload(add(terms, 0x80)))
            let validUntil := and(calldataload(add(terms, 0xa0)), 0xffffffffff)
            let quantity := and(calldataload(add(terms, 0xc0)), 0xffffffffffffffffffffffff)
            let unit := shr(232, calldataload(add(terms, 0xe0)))
            packed := or(
                or(or(certificateType, shl(8, exportCountry)), or(shl(24, importCountry), shl(40, validUntil))),
                or(shl(80, quantity), shl(176, unit))
            )
        }
    }
}

/// @title Certificate record
/// @notice Packs and reads the one-slot certificate record.
library CertificateRecordLib {
    uint256 private constant COMMITMENT_BITS = 192;

    function pack(
        CertificateStatus newStatus,
        CertificateTerms calldata terms,
        uint32 issuerId
    ) internal pure returns (CertificateRecord) {
        return
            CertificateRecord.wrap(
                uint256(newStatus) |
                    (uint256(terms.certificateType) << 8) |
                    (uint256(uint16(terms.importCountry)) << 16) |
                    (uint256(issuerId) << 32) |
                    (uint256(commitment(terms)) << 64)
            );
    }

    function commitment(CertificateTerms calldata terms) internal pure returns (uint192) {
        return uint192(uint256(keccak256(abi.encode(terms))) >> (256 - COMMITMENT_BITS));
    }

    function status(CertificateRecord record) internal pure returns (CertificateStatus) {
        return CertificateStatus(uint8(CertificateRecord.unwrap(record)));
    }

    function certificateType(CertificateRecord record) internal pure returns (CertificateType) {
        return CertificateType(uint8(CertificateRecord.unwrap(record) >> 8));
    }

    function importCountry(CertificateRecord record) internal pure returns (bytes2) {
        return bytes2(uint16(CertificateRecord.unwrap(record) >> 16));
    }

    function issuer(CertificateRecord record) internal pure returns (uint32) {
        return uint32(CertificateRecord.unwrap(record) >> 32);
    }

    function commits(CertificateRecord record, CertificateTerms calldata terms) internal pure returns (bool) {
        return uint192(CertificateRecord.unwrap(record) >> 64) == commitment(terms);
    }

    function withStatus(CertificateRecord record, CertificateStatus newStatus) internal pure returns (CertificateRecord) {
        return CertificateRecord.wrap((CertificateRecord.unwrap(record) & ~uint256(0xff)) | uint256(newStatus));
    }

    function isEmpty(CertificateRecord record) internal pure returns (bool) {
        return CertificateRecord.unwrap(record) == 0;
    }
}

/// @title Batch record
/// @notice Packs and reads the one-slot batch record.
library BatchRecordLib {
    function pack(
        CertificateStatus newStatus,
        uint32 issuerId,
        uint8 types,
        uint32 leafCount,
        uint40 timestamp,
        bytes2 issuerCountry
    ) internal pure returns (BatchRecord) {
        return
            BatchRecord.wrap(
                uint256(newStatus) |
                    (uint256(issuerId) << 8) |
                    (uint256(types) << 40) |
                    (uint256(leafCount) << 48) |
                    (uint256(timestamp) << 80) |
                    (uint256(uint16(issuerCountry)) << 120)
            );
    }

    function status(BatchRecord batch) internal pure returns (CertificateStatus) {
        return CertificateStatus(uint8(BatchRecord.unwrap(batch)));
    }

    function issuer(BatchRecord batch) internal pure returns (uint32) {
        return uint32(BatchRecord.unwrap(batch) >> 8);
    }

    function certificateTypes(BatchRecord batch) internal pure returns (uint8) {
        return uint8(BatchRecord.unwrap(batch) >> 40);
    }

    function count(BatchRecord batch) internal pure returns (uint32) {
        return uint32(BatchRecord.unwrap(batch) >> 48);
    }

    function anchoredAt(BatchRecord batch) internal pure returns (uint40) {
        return uint40(BatchRecord.unwrap(batch) >> 80);
    }

    function country(BatchRecord batch) internal pure returns (bytes2) {
        return bytes2(uint16(BatchRecord.unwrap(batch) >> 120));
    }

    function withStatus(BatchRecord batch, CertificateStatus newStatus) internal pure returns (BatchRecord) {
        return BatchRecord.wrap((BatchRecord.unwrap(batch) & ~uint256(0xff)) | uint256(newStatus));
    }

    function isEmpty(BatchRecord batch) internal pure returns (bool) {
        return BatchRecord.unwrap(batch) == 0;
    }
}
