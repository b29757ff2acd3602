// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Authority, AuthorityKind, AuthorityStatus, CertificateType, SigningKey} from "../types/Accreditation.sol";
import {ICertificateRegistry} from "./ICertificateRegistry.sol";

/// @title Accreditation of certificate authorities
/// @notice Governance appoints one accreditor per country (ISO 3166-1 alpha-2). An accreditor
/// registers the authorities of its own country (chambers, NPPOs, customs, auditors), the
/// certificate types each may issue, and their signing keys. Every change is kept as history:
/// accreditation is checkpointed by time and a key's validity window only ever shrinks, so
/// "was authority A accredited for type T, and was key K valid, at time t" has one answer for
/// any past t. Times are block timestamps; a block's answer is its timestamp's answer.
///
/// Each key's record, with a copy of its authority's accreditation, is pushed to the
/// {ICertificateRegistry} on every change, so certificate actions need no call back here.
interface IAuthorityRegistry {
    /// @notice Key records are now pushed to `certificateRegistry`.
    event CertificateRegistrySet(address indexed certificateRegistry);
    /// @notice `accreditor` now accredits the authorities of `country`, replacing `previous`.
    event AccreditorAppointed(bytes2 indexed country, address indexed accreditor, address indexed previous);
    /// @notice `country` has no accreditor any more.
    event AccreditorRemoved(bytes2 indexed country, address indexed accreditor);
    /// @notice A new authority; `name` is its legal name, kept in the event only.
    event AuthorityRegistered(
        uint32 indexed authorityId,
        bytes2 indexed country,
        AuthorityKind kind,
        uint8 certificateTypes,
        string name
    );
    /// @notice The certificate types the authority may issue changed (bit i = CertificateType i).
    event AuthorityCertificateTypesChanged(uint32 indexed authorityId, uint8 previous, uint8 current);
    /// @notice ACTIVE → SUSPENDED: the authority's keys can no longer act.
    event AuthoritySuspended(uint32 indexed authorityId, uint8 reasonCode);
    /// @notice SUSPENDED → ACTIVE.
    event AuthorityReinstated(uint32 indexed authorityId);
    /// @notice The authority is withdrawn for good.
    event AuthorityWithdrawn(uint32 indexed authorityId, uint8 reasonCode);
    /// @notice `key` signs for the authority in [validFrom, validUntil).
    event SigningKeyAdded(uint32 indexed authorityId, address indexed key, uint40 validFrom, uint40 validUntil);
    /// @notice `oldKey` stops being valid at `rotatedAt`; `newKey` was added from the same time.
    event SigningKeyRotated(
        uint32 indexed authorityId,
        address indexed oldKey,
        address indexed newKey,
        uint40 rotatedAt
    );
    /// @notice `key` stopped being valid at `revokedAt`.
    event SigningKeyRevoked(uint32 indexed authorityId, address indexed key, uint40 revokedAt);

    error AuthorityRegistryInvalidCountry(bytes2 country);
    /// @notice Keys cannot be managed before governance has set the certificate registry.
    error AuthorityRegistryCertificateRegistryNotSet();
    error AuthorityRegistryInvalidAccreditor(address accreditor);
    error AuthorityRegistryAccreditorOfOtherCountry(address accreditor, bytes2 country);
    error AuthorityRegistryNoAccreditor(bytes2 country);
    error AuthorityRegistryUnauthorizedAccreditor(address account, bytes2 country);
    error AuthorityRegistryUnknownAuthority(uint32 authorityId);
    error AuthorityRegistryInvalidKind(AuthorityKind kind);
    error AuthorityRegistryTypesNotAllowedForKind(AuthorityKind kind, uint8 certificateTypes);
    error AuthorityRegistryInvalidAuthorityStatus(uint32 authorityId, AuthorityStatus current);
    error AuthorityRegistryKeyAlreadyRegistered(address key, uint32 authorityId);
    error AuthorityRegistryInvalidKey(address key);
    error AuthorityRegistryInvalidKeyWindow(uint40 validFrom, uint40 validUntil);
    error AuthorityRegistryKeyNotOfAuthority(address key, uint32 authorityId);
    error AuthorityRegistryKeyAlreadyEnded(address key);
    /// @notice The authority already has `max` keys that have not ended; rotate or revoke one.
    error AuthorityRegistryTooManyLiveKeys(uint32 authorityId, uint256 max);

    /// @notice Sets the certificate registry that receives key records. Governance only.
    function setCertificateRegistry(ICertificateRegistry certificates) external;

    /// @notice Appoints (or replaces) the accreditor of `country`. Governance only.
    function appointAccreditor(bytes2 country, address accreditor) external;

    /// @notice Removes the accreditor of `country`. Governance only.
    function removeAccreditor(bytes2 country) external;

    /// @notice Registers an authority of `country`. The accreditor of `country` only.
    /// @param certificateTypes mask of the types it may issue: chambers CoO types, NPPOs phyto
    /// types, customs and auditors none.
    function registerAuthority(
        bytes2 country,
        AuthorityKind kind,
        uint8 certificateTypes,
        string calldata name
    ) external returns (uint32 authorityId);

    /// @notice Changes the types an authority may issue, from now on. Its accreditor only.
    function setCertificateTypes(uint32 authorityId, uint8 certificateTypes) external;

    /// @notice ACTIVE → SUSPENDED: its keys can no longer act. Earlier certificates stay valid.
    function suspendAuthority(uint32 authorityId, uint8 reasonCode) external;

    /// @notice SUSPENDED → ACTIVE.
    function reinstateAuthority(uint32 authorityId) external;

    /// @notice ACTIVE or SUSPENDED → WITHDRAWN, for good.
    function withdrawAuthority(uint32 authorityId, uint8 reasonCode) external;

    /// @notice Adds a signing key valid in [validFrom, validUntil); validFrom may not lie in the
    /// past, and 0 means now. validUntil type(uint40).max means no planned end.
    function addSigningKey(uint32 authorityId, address key, uint40 validFrom, uint40 validUntil) external;

    /// @notice Ends `oldKey` now and adds `newKey` valid from now until `newKeyValidUntil`.
    function rotateSigningKey(uint32 authorityId, address oldKey, address newKey, uint40 newKeyValidUntil) external;

    /// @notice Ends `key` now, recording the revocation time.
    function revokeSigningKey(uint32 authorityId, address key) external;

    /// @notice The certificate registry that receives key records.
    function certificateRegistry() external view returns (ICertificateRegistry);

    /// @notice The accreditor of `country`, or the zero address.
    function accreditorOf(bytes2 country) external view returns (address);

    /// @notice Whether `account` is the accreditor of the authority's country.
    function isAccreditorOf(address account, uint32 authorityId) external view returns (bool);

    /// @return country the country `account` accredits, 0x0000 if none
    /// @notice The country `account` accredits.
    function accreditorCountry(address account) external view returns (bytes2 country);

    /// @notice The authority's current record.
    function authority(uint32 authorityId) external view returns (Authority memory);

    /// @notice How many authorities were registered; ids run from 1 to this.
    function authorityCount() external view returns (uint32);

    /// @notice The key's record: its authority, validity window and revocation time.
    function signingKey(address key) external view returns (SigningKey memory);

    /// @notice The authority's status and types mask as they stood at `timepoint`.
    function accreditationAt(
        uint32 authorityId,
        uint48 timepoint
    ) external view returns (AuthorityStatus status, uint8 certificateTypes);

    /// @notice Whether the authority was ACTIVE and accredited for `certificateType` at `timepoint`.
    function wasAccreditedAt(
        uint32 authorityId,
        CertificateType certificateType,
        uint48 timepoint
    ) external view returns (bool);

    /// @notice Whether `key` was a valid key of the authority at `timepoint`.
    function wasKeyValidAt(uint32 authorityId, address key, uint48 timepoint) external view returns (bool);
}
