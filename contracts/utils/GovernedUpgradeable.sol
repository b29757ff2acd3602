// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";

/// @title Governed UUPS upgradeability
/// @notice Only governance (DEFAULT_ADMIN_ROLE) upgrades.
/// @dev UUPS upgradeability under governance: DEFAULT_ADMIN_ROLE (meant for a consortium
/// multisig) is the only role that can upgrade. Implementations disable their initializers.
abstract contract GovernedUpgradeable is AccessControlUpgradeable, UUPSUpgradeable {
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice The implementation's version; every upgrade raises it.
    function version() external pure virtual returns (string memory) {
        return "1";
    }

    function __Governed_init(address governance) internal onlyInitializing {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
    }

    function _authorizeUpgrade(address) internal view override onlyRole(DEFAULT_ADMIN_ROLE) {}
}
