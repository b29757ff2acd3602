// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {LifecycleProperties} from "./LifecycleHandler.sol";

/// @dev Stateful fuzzing without the invariant runner: one fuzzed seed drives a sequence of
/// random actions over a few certificates, and every property is checked after each step.
contract LifecycleSequenceTest is LifecycleProperties {
    uint256 internal constant STEPS = 30;

    function setUp() public override {
        super.setUp();
        _deployHandler();
    }

    function testFuzz_RandomActionSequencesKeepEveryLifecycleProperty(uint256 seed) public {
        for (uint256 i; i < STEPS; ++i) {
            _step(seed, i);
            _requireOutcomesAsModelled();
            _requireConsumedWithinCertified();
            _requireTerminalStatusesKept();
            _requireSupersessionSymmetric();
        }
        // only issues beyond the handler's cap are skipped, an eighth of the steps on average
        require(handler.succeeded() + handler.refused() >= 4 + STEPS / 2, "most steps were skipped");
    }

    function _step(uint256 seed, uint256 i) private {
        uint256 word = _draw(seed, i);
        uint256 index = word >> 8;
        uint256 actorSeed = word >> 16;
        uint256 action = word % 8;
        if (action == 0) handler.issue(word >> 24, uint96(word >> 32));
        else if (action == 1) handler.suspend(index, actorSeed, uint8(word >> 24));
        else if (action == 2) handler.reinstate(index, actorSeed);
        else if (action == 3) handler.revoke(index, actorSeed, uint8(word >> 24), bytes32(word));
        else if (action == 4) handler.replace(index, actorSeed, uint96(word >> 32), uint8(word >> 24));
        else if (action == 5) handler.accept(index, actorSeed);
        else if (action == 6) handler.reject(index, actorSeed, uint8(word >> 24), bytes32(word));
        else handler.drawDown(index, actorSeed, word >> 24, keccak256(abi.encode(seed, i)));
    }
}
