// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {CertificateRegistry} from "./CertificateRegistry.sol";

/// @title tradeseal registry: accreditation and certificates behind one UUPS proxy
/// @notice Governance holds DEFAULT_ADMIN_ROLE (meant for a consortium multisig): it appoints
/// accreditors and is the only one that can upgrade. Storage is ERC-7201 namespaced, so an
/// upgrade keeps every record.
contract TradesealRegistry is CertificateRegistry, AccessControlUpgradeable, UUPSUpgradeable {
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address governance) external initializer {
        __AccessControl_init();
        __Nonces_init();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
    }

    /// @notice The implementation's version; every upgrade raises it.
    function version() external pure virtual returns (string memory) {
        return "1";
    }

    function _checkGovernance() internal view override {
        _checkRole(DEFAULT_ADMIN_ROLE);
    }

    function _authorizeUpgrade(address) internal view override {
        _checkRole(DEFAULT_ADMIN_ROLE);
    }
}
