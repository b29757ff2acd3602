// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {AuthorityRegistry} from "../AuthorityRegistry.sol";
import {CertificateRegistry} from "../CertificateRegistry.sol";

/// @title Certificate registry, second version (upgrade test only)
/// @notice Same storage, one more function.
contract CertificateRegistryV2 is CertificateRegistry {
    /// @notice The implementation's version.
    function version() external pure override returns (string memory) {
        return "2";
    }

    /// @notice A function only the second version has.
    function upgradeNote() external pure returns (string memory) {
        return "certificate records kept";
    }
}

/// @title Authority registry, second version (upgrade test only)
/// @notice Same storage, one more function.
contract AuthorityRegistryV2 is AuthorityRegistry {
    /// @notice The implementation's version.
    function version() external pure override returns (string memory) {
        return "2";
    }

    /// @notice A function only the second version has.
    function upgradeNote() external pure returns (string memory) {
        return "accreditation history kept";
    }
}
