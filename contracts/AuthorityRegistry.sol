// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAuthorityRegistry} from "./interfaces/IAuthorityRegistry.sol";
import {ICertificateRegistry} from "./interfaces/ICertificateRegistry.sol";
import {GovernedUpgradeable} from "./utils/GovernedUpgradeable.sol";
import {
    AccreditationLib,
    Authority,
    AuthorityKind,
    AuthorityStatus,
    CertificateType,
    SigningKey
} from "./types/Accreditation.sol";

/// @title Accreditation of certificate authorities; see {IAuthorityRegistry}
/// @notice Governance appoints accreditors; accreditors register authorities and their signing keys.
/// @dev The owner of accreditation state and its history. Every change to a key or to an
/// authority's accreditation is pushed to the {CertificateRegistry} as a one-slot snapshot per
/// key, so that a certificate action checks its actor with one local storage read.
contract AuthorityRegistry is IAuthorityRegistry, GovernedUpgradeable {
    using Checkpoints for Checkpoints.Trace208;
    using AccreditationLib for SigningKey;

    /// @custom:storage-location erc7201:tradeseal.storage.AuthorityRegistry
    struct AuthorityRegistryStorage {
        mapping(bytes2 country => address) accreditors;
        mapping(address accreditor => bytes2) accreditorCountries;
        uint32 authorityCount;
        mapping(uint32 authorityId => Authority) authorities;
        // timestamp => (status << 8 | certificateTypes)
        mapping(uint32 authorityId => Checkpoints.Trace208) accreditation;
        mapping(address key => SigningKey) keys;
        // keys that have not ended, whose accreditation copy must follow the authority's
        mapping(uint32 authorityId => address[]) liveKeys;
        ICertificateRegistry certificates;
    }

    // keccak256(abi.encode(uint256(keccak256("tradeseal.storage.AuthorityRegistry")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant AUTHORITY_REGISTRY_STORAGE =
        0x5e15c30b45620a6046aef3a1005f3d92190c27d97cca6259292e57fdc8c77100;

    /// @notice Keys of one authority that may be live (not rotated, revoked or expired) at once.
    uint256 public constant MAX_LIVE_KEYS = 8;

    function _authorityStorage() private pure returns (AuthorityRegistryStorage storage $) {
        assembly {
            $.slot := AUTHORITY_REGISTRY_STORAGE
        }
    }

    /// @notice Initialises the proxy with `governance` as admin.
    function initialize(address governance) external initializer {
        __Governed_init(governance);
    }

    /// @inheritdoc IAuthorityRegistry
    function setCertificateRegistry(ICertificateRegistry certificates) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _authorityStorage().certificates = certificates;
        emit CertificateRegistrySet(address(certificates));
    }

    /// @inheritdoc IAuthorityRegistry
    function appointAccreditor(bytes2 country, address accreditor) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _requireCountry(country);
        if (accreditor == address(0)) revert AuthorityRegistryInvalidAccreditor(accreditor);
        AuthorityRegistryStorage storage $ = _authorityStorage();
        bytes2 current = $.accreditorCountries[accreditor];
        if (current != bytes2(0) && current != country)
            revert AuthorityRegistryAccreditorOfOtherCountry(accreditor, current);
        address previous = $.accreditors[country];
        if (previous != address(0)) delete $.accreditorCountries[previous];
        $.accreditors[country] = accreditor;
        $.accreditorCountries[accreditor] = country;
        emit AccreditorAppointed(country, accreditor, previous);
    }

    /// @inheritdoc IAuthorityRegistry
    function removeAccreditor(bytes2 country) external onlyRole(DEFAULT_ADMIN_ROLE) {
        AuthorityRegistryStorage storage $ = _authorityStorage();
        address accreditor = $.accreditors[country];
        if (accreditor == address(0)) revert AuthorityRegistryNoAccreditor(country);
        delete $.accreditors[country];
        delete $.accreditorCountries[accreditor];
        emit AccreditorRemoved(country, accreditor);
    }

    /// @inheritdoc IAuthorityRegistry
    function registerAuthority(
        bytes2 country,
        AuthorityKind kind,
        uint8 certificateTypes,
        string calldata name
    ) external returns (uint32 authorityId) {
        _requireCountry(country);
        _checkAccreditor(country);
        if (kind == AuthorityKind.NONE) revert AuthorityRegistryInvalidKind(kind);
        _requireTypesAllowed(kind, certificateTypes);
        AuthorityRegistryStorage storage $ = _authorityStorage();
        authorityId = ++$.authorityCount;
        Authority storage a = $.authorities[authorityId];
        a.country = country;
        a.kind = kind;
        a.status = AuthorityStatus.ACTIVE;
        a.certificateTypes = certificateTypes;
        a.registeredAt = uint40(block.timestamp);
        _recordAccreditation(authorityId, a);
        emit AuthorityRegistered(authorityId, country, kind, certificateTypes, name);
    }

    /// @inheritdoc IAuthorityRegistry
    function setCertificateTypes(uint32 authorityId, uint8 certificateTypes) external {
        Authority storage a = _openAuthority(authorityId);
        _requireTypesAllowed(a.kind, certificateTypes);
        uint8 previous = a.certificateTypes;
        a.certificateTypes = certificateTypes;
        _recordAccreditation(authorityId, a);
        emit AuthorityCertificateTypesChanged(authorityId, previous, certificateTypes);
    }

    /// @inheritdoc IAuthorityRegistry
    function suspendAuthority(uint32 authorityId, uint8 reasonCode) external {
        _moveAuthority(authorityId, AuthorityStatus.ACTIVE, AuthorityStatus.SUSPENDED);
        emit AuthoritySuspended(authorityId, reasonCode);
    }

    /// @inheritdoc IAuthorityRegistry
    function reinstateAuthority(uint32 authorityId) external {
        _moveAuthority(authorityId, AuthorityStatus.SUSPENDED, AuthorityStatus.ACTIVE);
        emit AuthorityReinstated(authorityId);
    }

    /// @inheritdoc IAuthorityRegistry
    function withdrawAuthority(uint32 authorityId, uint8 reasonCode) external {
        Authority storage a = _openAuthority(authorityId);
        a.status = AuthorityStatus.WITHDRAWN;
        _recordAccreditation(authorityId, a);
        emit AuthorityWithdrawn(authorityId, reasonCode);
    }

    /// @inheritdoc IAuthorityRegistry
    function addSigningKey(uint32 authorityId, address key, uint40 validFrom, uint40 validUntil) external {
        _openAuthority(authorityId);
        if (validFrom == 0) validFrom = uint40(block.timestamp);
        if (validFrom < block.timestamp || validUntil <= validFrom)
            revert AuthorityRegistryInvalidKeyWindow(validFrom, validUntil);
        _addKey(authorityId, key, validFrom, validUntil);
    }

    /// @inheritdoc IAuthorityRegistry
    function rotateSigningKey(uint32 authorityId, address oldKey, address newKey, uint40 newKeyValidUntil) external {
        _openAuthority(authorityId);
        uint40 nowTs = uint40(block.timestamp);
        if (newKeyValidUntil <= nowTs) revert AuthorityRegistryInvalidKeyWindow(nowTs, newKeyValidUntil);
        SigningKey storage old = _liveKeyOf(authorityId, oldKey);
        old.validUntil = nowTs;
        _syncKey(oldKey, old);
        _addKey(authorityId, newKey, nowTs, newKeyValidUntil);
        emit SigningKeyRotated(authorityId, oldKey, newKey, nowTs);
    }

    /// @inheritdoc IAuthorityRegistry
    function revokeSigningKey(uint32 authorityId, address key) external {
        _checkAccreditor(_authorityOrRevert(authorityId).country);
        SigningKey storage k = _liveKeyOf(authorityId, key);
        k.revokedAt = uint40(block.timestamp);
        _syncKey(key, k);
        emit SigningKeyRevoked(authorityId, key, k.revokedAt);
    }

    /// @inheritdoc IAuthorityRegistry
    function accreditorOf(bytes2 country) external view returns (address) {
        return _authorityStorage().accreditors[country];
    }

    /// @inheritdoc IAuthorityRegistry
    function accreditorCountry(address account) external view returns (bytes2) {
        return _authorityStorage().accreditorCountries[account];
    }

    /// @inheritdoc IAuthorityRegistry
    function authority(uint32 authorityId) external view returns (Authority memory) {
        return _authorityStorage().authorities[authorityId];
    }

    /// @inheritdoc IAuthorityRegistry
    function authorityCount() external view returns (uint32) {
        return _authorityStorage().authorityCount;
    }

    /// @inheritdoc IAuthorityRegistry
    function signingKey(address key) external view returns (SigningKey memory) {
        return _authorityStorage().keys[key];
    }

    /// @inheritdoc IAuthorityRegistry
    function accreditationAt(
        uint32 authorityId,
        uint48 timepoint
    ) public view returns (AuthorityStatus status, uint8 certificateTypes) {
        uint208 packed = _authorityStorage().accreditation[authorityId].upperLookupRecent(timepoint);
        return (AuthorityStatus(uint8(packed >> 8)), uint8(packed));
    }

    /// @inheritdoc IAuthorityRegistry
    function wasAccreditedAt(
        uint32 authorityId,
        CertificateType certificateType,
        uint48 timepoint
    ) external view returns (bool) {
        (AuthorityStatus status, uint8 types) = accreditationAt(authorityId, timepoint);
        return status == AuthorityStatus.ACTIVE && types & AccreditationLib.bit(certificateType) != 0;
    }

    /// @inheritdoc IAuthorityRegistry
    function wasKeyValidAt(uint32 authorityId, address key, uint48 timepoint) external view returns (bool) {
        SigningKey memory k = _authorityStorage().keys[key];
        return k.authorityId == authorityId && k.isValidAt(timepoint);
    }

    /// @inheritdoc IAuthorityRegistry
    function certificateRegistry() external view returns (ICertificateRegistry) {
        return _authorityStorage().certificates;
    }

    /// @inheritdoc IAuthorityRegistry
    function isAccreditorOf(address account, uint32 authorityId) external view returns (bool) {
        return _isAccreditorOf(account, _authorityStorage().authorities[authorityId].country);
    }

    function _isAccreditorOf(address account, bytes2 country) private view returns (bool) {
        return country != bytes2(0) && _authorityStorage().accreditors[country] == account;
    }

    function _checkAccreditor(bytes2 country) private view {
        if (!_isAccreditorOf(msg.sender, country)) revert AuthorityRegistryUnauthorizedAccreditor(msg.sender, country);
    }

    function _authorityOrRevert(uint32 authorityId) private view returns (Authority storage a) {
        a = _authorityStorage().authorities[authorityId];
        if (a.status == AuthorityStatus.NONE) revert AuthorityRegistryUnknownAuthority(authorityId);
    }

    /// @dev The authority, after checking the caller is its country's accreditor.
    function _managedAuthority(uint32 authorityId) private view returns (Authority storage a) {
        a = _authorityOrRevert(authorityId);
        _checkAccreditor(a.country);
    }

    /// @dev A managed authority that is not withdrawn.
    function _openAuthority(uint32 authorityId) private view returns (Authority storage a) {
        a = _managedAuthority(authorityId);
        if (a.status == AuthorityStatus.WITHDRAWN)
            revert AuthorityRegistryInvalidAuthorityStatus(authorityId, a.status);
    }

    function _moveAuthority(uint32 authorityId, AuthorityStatus from, AuthorityStatus to) private {
        Authority storage a = _managedAuthority(authorityId);
        if (a.status != from) revert AuthorityRegistryInvalidAuthorityStatus(authorityId, a.status);
        a.status = to;
        _recordAccreditation(authorityId, a);
    }

    function _addKey(uint32 authorityId, address key, uint40 validFrom, uint40 validUntil) private {
        if (key == address(0)) revert AuthorityRegistryInvalidKey(key);
        AuthorityRegistryStorage storage $ = _authorityStorage();
        uint32 owner = $.keys[key].authorityId;
        if (owner != 0) revert AuthorityRegistryKeyAlreadyRegistered(key, owner);
        address[] storage live = $.liveKeys[authorityId];
        for (uint256 i = live.length; i > 0;) {
            --i;
            if ($.keys[live[i]].hasEnded(block.timestamp)) {
                live[i] = live[live.length - 1];
                live.pop();
            }
        }
        if (live.length >= MAX_LIVE_KEYS) revert AuthorityRegistryTooManyLiveKeys(authorityId, MAX_LIVE_KEYS);
        live.push(key);
        Authority storage a = $.authorities[authorityId];
        SigningKey storage k = $.keys[key];
        k.authorityId = authorityId;
        k.validFrom = validFrom;
        k.validUntil = validUntil;
        k.country = a.country;
        k.kind = a.kind;
        k.status = a.status;
        k.certificateTypes = a.certificateTypes;
        _syncKey(key, k);
        emit SigningKeyAdded(authorityId, key, validFrom, validUntil);
    }

    /// @dev A key of the authority that has not ended yet (it may not have started).
    function _liveKeyOf(uint32 authorityId, address key) private view returns (SigningKey storage k) {
        k = _authorityStorage().keys[key];
        if (k.authorityId != authorityId) revert AuthorityRegistryKeyNotOfAuthority(key, authorityId);
        if (k.revokedAt != 0 || k.validUntil <= block.timestamp) revert AuthorityRegistryKeyAlreadyEnded(key);
    }

    /// @dev Checkpoints the authority's accreditation and copies it into its live keys.
    function _recordAccreditation(uint32 authorityId, Authority storage a) private {
        AuthorityRegistryStorage storage $ = _authorityStorage();
        AuthorityStatus status = a.status;
        uint8 certificateTypes = a.certificateTypes;
        $.accreditation[authorityId].push(
            SafeCast.toUint48(block.timestamp),
            (uint208(uint8(status)) << 8) | certificateTypes
        );
        address[] storage live = $.liveKeys[authorityId];
        for (uint256 i; i < live.length; ++i) {
            SigningKey storage k = $.keys[live[i]];
            k.status = status;
            k.certificateTypes = certificateTypes;
            _syncKey(live[i], k);
        }
    }

    /// @dev Pushes the key's record to the certificate registry, which acts on it.
    function _syncKey(address key, SigningKey storage k) private {
        ICertificateRegistry certificates = _authorityStorage().certificates;
        if (address(certificates) == address(0)) revert AuthorityRegistryCertificateRegistryNotSet();
        certificates.syncSigningKey(key, k);
    }

    function _requireCountry(bytes2 country) private pure {
        if (!AccreditationLib.isCountry(country)) revert AuthorityRegistryInvalidCountry(country);
    }

    function _requireTypesAllowed(AuthorityKind kind, uint8 certificateTypes) private pure {
        if (certificateTypes & ~AccreditationLib.typesAllowedFor(kind) != 0)
            revert AuthorityRegistryTypesNotAllowedForKind(kind, certificateTypes);
    }
}
