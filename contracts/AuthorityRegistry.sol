// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAuthorityRegistry} from "./interfaces/IAuthorityRegistry.sol";
import {
    AccreditationLib,
    Authority,
    AuthorityKind,
    AuthorityStatus,
    CertificateType,
    SigningKey
} from "./types/Accreditation.sol";

/// @dev Accreditation module of the registry; see {IAuthorityRegistry}. It shares the proxy of
/// {CertificateRegistry} so that an issuance reads the issuer's accreditation from local storage.
abstract contract AuthorityRegistry is IAuthorityRegistry {
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
    }

    // keccak256(abi.encode(uint256(keccak256("tradeseal.storage.AuthorityRegistry")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant AUTHORITY_REGISTRY_STORAGE =
        0x5e15c30b45620a6046aef3a1005f3d92190c27d97cca6259292e57fdc8c77100;

    uint40 private constant OPEN_ENDED = type(uint40).max;

    function _authorityStorage() private pure returns (AuthorityRegistryStorage storage $) {
        assembly {
            $.slot := AUTHORITY_REGISTRY_STORAGE
        }
    }

    /// @dev Reverts unless the caller is governance.
    function _checkGovernance() internal view virtual;

    modifier onlyGovernance() {
        _checkGovernance();
        _;
    }

    /// @inheritdoc IAuthorityRegistry
    function appointAccreditor(bytes2 country, address accreditor) external onlyGovernance {
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
    function removeAccreditor(bytes2 country) external onlyGovernance {
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
        $.authorities[authorityId] = Authority({
            country: country,
            kind: kind,
            status: AuthorityStatus.ACTIVE,
            certificateTypes: certificateTypes,
            registeredAt: uint40(block.timestamp)
        });
        _checkpoint(authorityId, AuthorityStatus.ACTIVE, certificateTypes);
        emit AuthorityRegistered(authorityId, country, kind, certificateTypes, name);
    }

    /// @inheritdoc IAuthorityRegistry
    function setCertificateTypes(uint32 authorityId, uint8 certificateTypes) external {
        Authority storage a = _managedAuthority(authorityId);
        if (a.status == AuthorityStatus.WITHDRAWN) revert AuthorityRegistryInvalidAuthorityStatus(authorityId, a.status);
        _requireTypesAllowed(a.kind, certificateTypes);
        uint8 previous = a.certificateTypes;
        a.certificateTypes = certificateTypes;
        _checkpoint(authorityId, a.status, certificateTypes);
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
        Authority storage a = _managedAuthority(authorityId);
        if (a.status == AuthorityStatus.WITHDRAWN) revert AuthorityRegistryInvalidAuthorityStatus(authorityId, a.status);
        a.status = AuthorityStatus.WITHDRAWN;
        _checkpoint(authorityId, AuthorityStatus.WITHDRAWN, a.certificateTypes);
        emit AuthorityWithdrawn(authorityId, reasonCode);
    }

    /// @inheritdoc IAuthorityRegistry
    function addSigningKey(uint32 authorityId, address key, uint40 validFrom, uint40 validUntil) external {
        _requireOpenAuthority(authorityId);
        if (validFrom == 0) validFrom = uint40(block.timestamp);
        if (validFrom < block.timestamp || validUntil <= validFrom)
            revert AuthorityRegistryInvalidKeyWindow(validFrom, validUntil);
        _addKey(authorityId, key, validFrom, validUntil);
    }

    /// @inheritdoc IAuthorityRegistry
    function rotateSigningKey(uint32 authorityId, address oldKey, address newKey, uint40 newKeyValidUntil) external {
        _requireOpenAuthority(authorityId);
        uint40 nowTs = uint40(block.timestamp);
        if (newKeyValidUntil <= nowTs) revert AuthorityRegistryInvalidKeyWindow(nowTs, newKeyValidUntil);
        SigningKey storage old = _liveKeyOf(authorityId, oldKey);
        old.validUntil = nowTs;
        _addKey(authorityId, newKey, nowTs, newKeyValidUntil);
        emit SigningKeyRotated(authorityId, oldKey, newKey, nowTs);
    }

    /// @inheritdoc IAuthorityRegistry
    function revokeSigningKey(uint32 authorityId, address key) external {
        _checkAccreditor(_authorityOrRevert(authorityId).country);
        SigningKey storage k = _liveKeyOf(authorityId, key);
        k.revokedAt = uint40(block.timestamp);
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

    /// @dev The authority of `key`, which must be valid now, with the authority ACTIVE.
    function _activeAuthorityOf(address key) internal view returns (uint32 authorityId, Authority memory a) {
        authorityId = _validKeyAuthority(key);
        a = _authorityStorage().authorities[authorityId];
        if (a.status != AuthorityStatus.ACTIVE) revert AuthorityRegistryAuthorityNotActive(authorityId, a.status);
    }

    /// @dev The authority of `key` if the key is valid now, whatever the authority's status; 0 otherwise.
    function _authorityOfValidKey(address key) internal view returns (uint32) {
        SigningKey memory k = _authorityStorage().keys[key];
        return k.isValidAt(block.timestamp) ? k.authorityId : 0;
    }

    function _validKeyAuthority(address key) internal view returns (uint32 authorityId) {
        authorityId = _authorityOfValidKey(key);
        if (authorityId == 0) revert AuthorityRegistryUnauthorizedKey(key);
    }

    function _authorityCountry(uint32 authorityId) internal view returns (bytes2) {
        return _authorityStorage().authorities[authorityId].country;
    }

    function _isAccreditorOf(address account, bytes2 country) internal view returns (bool) {
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

    function _requireOpenAuthority(uint32 authorityId) private view {
        Authority storage a = _managedAuthority(authorityId);
        if (a.status == AuthorityStatus.WITHDRAWN) revert AuthorityRegistryInvalidAuthorityStatus(authorityId, a.status);
    }

    function _moveAuthority(uint32 authorityId, AuthorityStatus from, AuthorityStatus to) private {
        Authority storage a = _managedAuthority(authorityId);
        if (a.status != from) revert AuthorityRegistryInvalidAuthorityStatus(authorityId, a.status);
        a.status = to;
        _checkpoint(authorityId, to, a.certificateTypes);
    }

    function _addKey(uint32 authorityId, address key, uint40 validFrom, uint40 validUntil) private {
        if (key == address(0)) revert AuthorityRegistryInvalidKey(key);
        AuthorityRegistryStorage storage $ = _authorityStorage();
        uint32 owner = $.keys[key].authorityId;
        if (owner != 0) revert AuthorityRegistryKeyAlreadyRegistered(key, owner);
        $.keys[key] = SigningKey({authorityId: authorityId, validFrom: validFrom, validUntil: validUntil, revokedAt: 0});
        emit SigningKeyAdded(authorityId, key, validFrom, validUntil);
    }

    /// @dev A key of the authority that has not ended yet (it may not have started).
    function _liveKeyOf(uint32 authorityId, address key) private view returns (SigningKey storage k) {
        k = _authorityStorage().keys[key];
        if (k.authorityId != authorityId) revert AuthorityRegistryKeyNotOfAuthority(key, authorityId);
        if (k.revokedAt != 0 || k.validUntil <= block.timestamp) revert AuthorityRegistryKeyAlreadyEnded(key);
    }

    function _checkpoint(uint32 authorityId, AuthorityStatus status, uint8 certificateTypes) private {
        _authorityStorage().accreditation[authorityId].push(
            SafeCast.toUint48(block.timestamp),
            (uint208(uint8(status)) << 8) | certificateTypes
        );
    }

    function _requireCountry(bytes2 country) private pure {
        if (!AccreditationLib.isCountry(country)) revert AuthorityRegistryInvalidCountry(country);
    }

    function _requireTypesAllowed(AuthorityKind kind, uint8 certificateTypes) private pure {
        if (certificateTypes & ~AccreditationLib.typesAllowedFor(kind) != 0)
            revert AuthorityRegistryTypesNotAllowedForKind(kind, certificateTypes);
    }
}
