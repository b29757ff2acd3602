// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @dev The four certificate types. The numeric value is the bit index in a types mask.
enum CertificateType {
    COO_NONPREFERENTIAL,
    COO_PREFERENTIAL,
    PHYTO,
    PHYTO_REEXPORT
}

enum AuthorityKind {
    NONE,
    CHAMBER,
    NPPO,
    CUSTOMS,
    AUDITOR
}

enum AuthorityStatus {
    NONE,
    ACTIVE,
    SUSPENDED,
    WITHDRAWN
}

/// @dev One slot. `country` is ISO 3166-1 alpha-2 in ASCII, e.g. bytes2("PK").
struct Authority {
    bytes2 country;
    AuthorityKind kind;
    AuthorityStatus status;
    uint8 certificateTypes;
    uint40 registeredAt;
}

/// @dev One slot. A key belongs to one authority for ever; its window only ever shrinks,
/// so "was this key valid at time t" stays answerable after rotation or revocation.
/// `country`, `kind`, `status` and `certificateTypes` are a copy of its authority's current
/// accreditation, refreshed on every change, so that an action reads one slot to know both
/// who acts and what it may do. `nonce` is the key's next EIP-712 nonce, kept in the same slot
/// by the CertificateRegistry (a relayed action then writes a slot it has already read); the
/// AuthorityRegistry leaves it 0.
struct SigningKey {
    uint32 authorityId;
    uint40 validFrom;
    uint40 validUntil;
    uint40 revokedAt;
    bytes2 country;
    AuthorityKind kind;
    AuthorityStatus status;
    uint8 certificateTypes;
    uint64 nonce;
}

/// @title Accreditation rules
/// @notice Which kinds issue which types, country codes, and key validity.
library AccreditationLib {
    uint8 internal constant COO_TYPES = (uint8(1) << uint8(CertificateType.COO_NONPREFERENTIAL)) |
        (uint8(1) << uint8(CertificateType.COO_PREFERENTIAL));
    uint8 internal constant PHYTO_TYPES = (uint8(1) << uint8(CertificateType.PHYTO)) |
        (uint8(1) << uint8(CertificateType.PHYTO_REEXPORT));

    function bit(CertificateType certificateType) internal pure returns (uint8) {
        return uint8(1) << uint8(certificateType);
    }

    function isCoo(CertificateType certificateType) internal pure returns (bool) {
        return bit(certificateType) & COO_TYPES != 0;
    }

    /// @dev Chambers issue certificates of origin, NPPOs phytosanitary certificates; the
    /// importing side (customs, auditors) issues nothing.
    function typesAllowedFor(AuthorityKind kind) internal pure returns (uint8) {
        if (kind == AuthorityKind.CHAMBER) return COO_TYPES;
        if (kind == AuthorityKind.NPPO) return PHYTO_TYPES;
        return 0;
    }

    /// @dev The kind that acknowledges (accepts, rejects) a certificate of this type on import.
    function acknowledgerOf(CertificateType certificateType) internal pure returns (AuthorityKind) {
        return isCoo(certificateType) ? AuthorityKind.CUSTOMS : AuthorityKind.NPPO;
    }

    /// @dev Two ASCII capital letters. Subtracting "A" wraps anything below it past 25.
    function isCountry(bytes2 country) internal pure returns (bool) {
        uint16 code = uint16(country);
        unchecked {
            return uint8(code >> 8) - 0x41 < 26 && uint8(code) - 0x41 < 26;
        }
    }

    /// @dev Whether the key's window has closed for good (rotated, revoked or expired).
    function hasEnded(SigningKey memory key, uint256 timepoint) internal pure returns (bool) {
        return key.revokedAt != 0 || key.validUntil <= timepoint;
    }

    function isValidAt(SigningKey memory key, uint256 timepoint) internal pure returns (bool) {
        return
            key.authorityId != 0 &&
            key.validFrom <= timepoint &&
            timepoint < key.validUntil &&
            (key.revokedAt == 0 || timepoint < key.revokedAt);
    }
}
