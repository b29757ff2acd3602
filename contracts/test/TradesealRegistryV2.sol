// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TradesealRegistry} from "../TradesealRegistry.sol";

/// @dev A second implementation used by the upgrade test: same storage, one more function.
contract TradesealRegistryV2 is TradesealRegistry {
    function version() external pure override returns (string memory) {
        return "2";
    }

    function upgradedGreeting() external pure returns (string memory) {
        return "records kept";
    }
}
