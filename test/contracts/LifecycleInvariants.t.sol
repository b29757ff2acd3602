// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {LifecycleHandler, LifecycleProperties} from "./LifecycleHandler.sol";

/// @dev What forge-std's StdInvariant declares: the functions the invariant fuzzer may call.
struct FuzzSelector {
    address addr;
    bytes4[] selectors;
}

/// @dev Stateful invariant testing: the fuzzer calls random handler actions in random order
/// and every invariant is checked after each call.
contract LifecycleInvariantsTest is LifecycleProperties {
    function setUp() public override {
        super.setUp();
        _deployHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](8);
        selectors[0] = LifecycleHandler.issue.selector;
        selectors[1] = LifecycleHandler.suspend.selector;
        selectors[2] = LifecycleHandler.reinstate.selector;
        selectors[3] = LifecycleHandler.revoke.selector;
        selectors[4] = LifecycleHandler.replace.selector;
        selectors[5] = LifecycleHandler.accept.selector;
        selectors[6] = LifecycleHandler.reject.selector;
        selectors[7] = LifecycleHandler.drawDown.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector({addr: address(handler), selectors: selectors});
    }

    /// hardhat-config: invariant.runs = 256
    /// hardhat-config: invariant.depth = 100
    function invariant_ConsumedNeverExceedsCertifiedQuantity() public view {
        _requireConsumedWithinCertified();
    }

    /// hardhat-config: invariant.runs = 256
    /// hardhat-config: invariant.depth = 100
    function invariant_TerminalStatusesNeverChange() public view {
        _requireTerminalStatusesKept();
    }

    /// hardhat-config: invariant.runs = 256
    /// hardhat-config: invariant.depth = 100
    function invariant_SupersessionLinksAreSymmetric() public view {
        _requireSupersessionSymmetric();
    }

    /// hardhat-config: invariant.runs = 256
    /// hardhat-config: invariant.depth = 100
    function invariant_EveryActionHasTheDocumentedOutcome() public view {
        _requireOutcomesAsModelled();
    }
}
