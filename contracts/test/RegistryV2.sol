// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {AuthorityRegistry} from "../AuthorityRegistry.sol";
import {CertificateRegistry} from "../CertificateRegistry.sol";

/// @dev Second implementations used by the upgrade test: same storage, one more function each.
contract CertificateRegistryV2 is CertificateRegistry {
    function version() external pure override returns (string memory) {
        return "2";
    }

    function upgradeNote() external pure returns (string memory) {
        return "certificate records kept";
    }
}

contract AuthorityRegistryV2 is AuthorityRegistry {
    function version() external pure override returns (string memory) {
        return "2";
    }

    function upgradeNote() external pure returns (string memory) {
        return "accreditation history kept";
    }
}
