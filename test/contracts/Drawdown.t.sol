// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ICertificateRegistry} from "../../contracts/interfaces/ICertificateRegistry.sol";
import {CertificateStatus, CertificateTerms} from "../../contracts/types/Certificate.sol";
import {CertificateAction} from "../../contracts/types/Lifecycle.sol";
import {RegistryTestBase} from "./RegistryTestBase.sol";

/// @dev consumed ≤ certified, whatever the amounts customs draw down.
contract DrawdownTest is RegistryTestBase {
    uint256 internal constant DRAWS = 12;

    function testFuzz_DrawdownsNeverExceedCertifiedQuantity(
        uint96 quantity,
        uint256[DRAWS] calldata amountSeeds,
        uint8 options
    ) public {
        // half of the runs certify a small quantity, so that the sequence can reach the end of it
        quantity = options & 1 == 0 ? uint96(_bound(quantity, 1, 1000)) : uint96(_bound(quantity, 1, type(uint96).max));
        bool unnamed = options & 2 != 0;
        CertificateTerms memory terms = _cooTerms(unnamed ? bytes2(0) : CN, quantity);
        bytes32 id = _issue(chamberPK, terms);
        CertificateStatus inForce = CertificateStatus.ISSUED;
        if (options & 4 != 0) {
            vm.prank(customsCN);
            registry.acceptCertificate(id);
            inForce = CertificateStatus.ACCEPTED;
        }
        // a certificate that names no importing country may be used by any country's customs
        address customs = unnamed && options & 8 != 0 ? customsGE : customsCN;

        uint96 consumed;
        for (uint256 i; i < DRAWS; ++i) {
            uint96 remaining = quantity - consumed;
            uint96 amount = _amount(amountSeeds[i], remaining);
            bytes32 declarationHash = keccak256(abi.encode("declaration", i));
            if (remaining == 0) {
                vm.expectRevert(_invalidTransition(id, CertificateStatus.EXHAUSTED, CertificateAction.DRAW_DOWN));
            } else if (amount == 0) {
                vm.expectRevert(
                    abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryZeroAmount.selector, id)
                );
            } else if (amount > remaining) {
                vm.expectRevert(_quantityExceeded(id, remaining, amount));
            } else {
                consumed += amount;
            }
            vm.prank(customs);
            registry.drawDown(id, terms, declarationHash, amount);

            uint96 onChain = registry.consumedQuantity(id);
            require(onChain == consumed, "consumed differs from the sum of accepted drawdowns");
            require(onChain <= quantity, "consumed exceeds the certified quantity");
            CertificateStatus status = _status(id);
            require(
                (status == CertificateStatus.EXHAUSTED) == (onChain == quantity),
                "EXHAUSTED is not consumed == certified"
            );
            if (onChain < quantity) require(status == inForce, "a drawdown changed the status before the end");
        }
    }

    function testFuzz_DrawdownBeyondWhatIsLeftRevertsWithTheRemainder(
        uint96 quantity,
        uint96 first,
        uint96 excess
    ) public {
        quantity = uint96(_bound(quantity, 2, type(uint96).max));
        first = uint96(_bound(first, 1, quantity - 1));
        uint96 remaining = quantity - first;
        excess = uint96(_bound(excess, 1, type(uint96).max - remaining));
        CertificateTerms memory terms = _cooTerms(CN, quantity);
        bytes32 id = _issue(chamberPK, terms);
        vm.prank(customsCN);
        registry.drawDown(id, terms, keccak256("first"), first);

        vm.expectRevert(_quantityExceeded(id, remaining, remaining + excess));
        vm.prank(customsCN);
        registry.drawDown(id, terms, keccak256("second"), remaining + excess);

        require(registry.consumedQuantity(id) == first, "a refused drawdown changed the consumed quantity");
        require(_status(id) == CertificateStatus.ISSUED, "a refused drawdown changed the status");
    }

    function testFuzz_LastUnitExhaustsTheCertificate(uint96 quantity, uint8 parts, uint96 more) public {
        quantity = uint96(_bound(quantity, 1, type(uint96).max));
        parts = uint8(_bound(parts, 1, quantity < 16 ? quantity : 16));
        CertificateTerms memory terms = _cooTerms(CN, quantity);
        bytes32 id = _issue(chamberPK, terms);
        uint96 share = quantity / parts;
        for (uint256 i = 1; i < parts; ++i) {
            vm.prank(customsCN);
            registry.drawDown(id, terms, keccak256(abi.encode(i)), share);
            require(_status(id) == CertificateStatus.ISSUED, "EXHAUSTED before the last unit");
        }
        uint96 last = quantity - share * (parts - 1);
        vm.prank(customsCN);
        registry.drawDown(id, terms, keccak256("last"), last);
        require(_status(id) == CertificateStatus.EXHAUSTED, "not EXHAUSTED after the last unit");
        require(registry.consumedQuantity(id) == quantity, "consumed is not the certified quantity");

        more = uint96(_bound(more, 1, type(uint96).max));
        vm.expectRevert(_invalidTransition(id, CertificateStatus.EXHAUSTED, CertificateAction.DRAW_DOWN));
        vm.prank(customsCN);
        registry.drawDown(id, terms, keccak256("after"), more);
    }

    function testFuzz_DrawdownAgainstInflatedQuantityIsRefused(uint96 quantity, uint96 claimed, uint96 amount) public {
        quantity = uint96(_bound(quantity, 1, type(uint96).max - 1));
        claimed = uint96(_bound(claimed, uint256(quantity) + 1, type(uint96).max));
        amount = uint96(_bound(amount, 1, claimed));
        CertificateTerms memory terms = _cooTerms(CN, quantity);
        bytes32 id = _issue(chamberPK, terms);
        terms.quantity = claimed;

        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryTermsMismatch.selector, id));
        vm.prank(customsCN);
        registry.drawDown(id, terms, keccak256("inflated"), amount);
        require(registry.consumedQuantity(id) == 0, "a drawdown against altered terms was recorded");
    }

    /// @dev Zero, exactly what is left, one more, the maximum, or an amount up to what is left.
    /// @dev consumed ≤ certified across a replacement: what was drawn stays drawn.
    function testFuzz_ReplacementKeepsWhatWasDrawnDown(uint96 quantity, uint96 drawn, uint96 newQuantity) public {
        quantity = uint96(_bound(quantity, 2, type(uint96).max));
        drawn = uint96(_bound(drawn, 1, quantity - 1));
        CertificateTerms memory terms = _cooTerms(CN, quantity);
        bytes32 id = _issue(chamberPK, terms);
        vm.prank(customsCN);
        registry.drawDown(id, terms, keccak256("first declaration"), drawn);

        CertificateTerms memory next = _cooTerms(CN, newQuantity);
        if (newQuantity <= drawn) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ICertificateRegistry.CertificateRegistryReplacementBelowConsumed.selector,
                    id,
                    drawn,
                    newQuantity
                )
            );
            vm.prank(chamberPK);
            registry.replaceCertificate(id, next, hex"01", 1);
            require(_status(id) == CertificateStatus.ISSUED, "a refused replacement changed the status");
            return;
        }
        vm.prank(chamberPK);
        bytes32 newId = registry.replaceCertificate(id, next, hex"01", 1);
        require(registry.consumedQuantity(newId) == drawn, "the replacement forgot what was drawn");
        uint96 left = newQuantity - drawn;
        vm.expectRevert(_quantityExceeded(newId, left, left + 1));
        vm.prank(customsCN);
        registry.drawDown(newId, next, keccak256("second declaration"), left + 1);
        vm.prank(customsCN);
        registry.drawDown(newId, next, keccak256("second declaration"), left);
        require(registry.consumedQuantity(newId) == newQuantity, "consumed is not the new certified quantity");
        require(_status(newId) == CertificateStatus.EXHAUSTED, "the replacement is not EXHAUSTED at its end");
    }

    function _amount(uint256 seed, uint96 remaining) private pure returns (uint96) {
        uint256 choice = seed % 8;
        if (choice == 0) return 0;
        if (choice == 1) return remaining;
        if (choice == 2) return remaining == type(uint96).max ? remaining : remaining + 1;
        if (choice == 3) return type(uint96).max;
        if (choice == 4) return uint96(_bound(seed >> 8, 0, type(uint96).max));
        return remaining == 0 ? 1 : uint96(_bound(seed >> 8, 1, remaining));
    }

    function _quantityExceeded(bytes32 id, uint96 remaining, uint96 requested) private pure returns (bytes memory) {
        return
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryQuantityExceeded.selector,
                id,
                remaining,
                requested
            );
    }
}
