// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ICertificateRegistry} from "../../contracts/interfaces/ICertificateRegistry.sol";
import {AccreditationLib} from "../../contracts/types/Accreditation.sol";
import {CertificateStatus, CertificateTerms} from "../../contracts/types/Certificate.sol";
import {CertificateAction} from "../../contracts/types/Lifecycle.sol";
import {RegistryTestBase} from "./RegistryTestBase.sol";

/// @dev REVOKED, SUPERSEDED and EXHAUSTED are final: every action reverts and nothing changes.
contract TerminalStatusTest is RegistryTestBase {
    function testFuzz_RevokedCertificateRefusesEveryAction(
        uint8 path,
        bool phyto,
        bool byAccreditor,
        uint96 quantity,
        uint256 seed
    ) public {
        // revocable from every status in force
        CertificateStatus[4] memory from = [
            CertificateStatus.ISSUED,
            CertificateStatus.SUSPENDED,
            CertificateStatus.ACCEPTED,
            CertificateStatus.REJECTED
        ];
        (bytes32 id, CertificateTerms memory terms) = _issueInForce(
            phyto,
            quantity,
            from[path % 4],
            path & 0x80 != 0,
            seed
        );
        vm.prank(byAccreditor ? accreditorPK : _issuerKey(terms));
        registry.revokeCertificate(id, uint8(seed), keccak256(abi.encode(seed)));
        require(_status(id) == CertificateStatus.REVOKED, "not REVOKED");

        _requireEveryActionRefused(id, terms, CertificateStatus.REVOKED, seed);
    }

    function testFuzz_SupersededCertificateRefusesEveryAction(
        uint8 path,
        bool phyto,
        uint96 quantity,
        uint256 seed
    ) public {
        // replaceable from ISSUED, SUSPENDED and REJECTED
        CertificateStatus[3] memory from = [
            CertificateStatus.ISSUED,
            CertificateStatus.SUSPENDED,
            CertificateStatus.REJECTED
        ];
        (bytes32 id, CertificateTerms memory terms) = _issueInForce(
            phyto,
            quantity,
            from[path % 3],
            path & 0x80 != 0,
            seed
        );
        vm.prank(_issuerKey(terms));
        bytes32 replacement = registry.replaceCertificate(id, _replacementOf(terms), hex"01", uint8(seed));
        require(_status(id) == CertificateStatus.SUPERSEDED, "not SUPERSEDED");

        _requireEveryActionRefused(id, terms, CertificateStatus.SUPERSEDED, seed);
        require(_status(replacement) == CertificateStatus.ISSUED, "an action on the old one reached the replacement");
    }

    function testFuzz_ExhaustedCertificateRefusesEveryAction(
        bool accepted,
        uint96 quantity,
        uint8 parts,
        uint256 seed
    ) public {
        quantity = uint96(_bound(quantity, 1, type(uint96).max));
        parts = uint8(_bound(parts, 1, quantity < 8 ? quantity : 8));
        CertificateTerms memory terms = _cooTerms(CN, quantity);
        bytes32 id = _issue(chamberPK, terms);
        if (accepted) {
            vm.prank(customsCN);
            registry.acceptCertificate(id);
        }
        uint96 share = quantity / parts;
        for (uint256 i = 1; i <= parts; ++i) {
            vm.prank(customsCN);
            registry.drawDown(id, terms, keccak256(abi.encode(i)), i < parts ? share : quantity - share * (parts - 1));
        }
        require(_status(id) == CertificateStatus.EXHAUSTED, "not EXHAUSTED");

        _requireEveryActionRefused(id, terms, CertificateStatus.EXHAUSTED, seed);
    }

    /// @dev Issues a certificate and moves it to `target` (ISSUED, SUSPENDED, ACCEPTED or REJECTED),
    /// after a partlyDrawn drawdown when it is a CoO and `partlyDrawn` says so.
    function _issueInForce(
        bool phyto,
        uint96 quantity,
        CertificateStatus target,
        bool partlyDrawn,
        uint256 seed
    ) private returns (bytes32 id, CertificateTerms memory terms) {
        terms = phyto ? _phytoTerms() : _cooTerms(CN, uint96(_bound(quantity, 2, type(uint96).max)));
        id = _issue(_issuerKey(terms), terms);
        if (!phyto && partlyDrawn) {
            vm.prank(customsCN);
            registry.drawDown(id, terms, keccak256("partlyDrawn"), uint96(_bound(seed, 1, terms.quantity - 1)));
        }
        if (target == CertificateStatus.SUSPENDED) {
            vm.prank(_issuerKey(terms));
            registry.suspendCertificate(id, uint8(seed));
        } else if (target == CertificateStatus.ACCEPTED) {
            vm.prank(_acknowledgerKey(terms));
            registry.acceptCertificate(id);
        } else if (target == CertificateStatus.REJECTED) {
            vm.prank(_acknowledgerKey(terms));
            registry.rejectCertificate(id, uint8(seed), bytes32(seed));
        }
        require(_status(id) == target, "could not reach the starting status");
    }

    function _replacementOf(CertificateTerms memory terms) private returns (CertificateTerms memory replacement) {
        replacement =
            AccreditationLib.isCoo(terms.certificateType)
                ? _cooTerms(terms.importCountry, terms.quantity)
                : _phytoTerms();
    }

    /// @dev Tries every action with the key entitled to it and requires the transition error each
    /// time, with the status, the consumed quantity and the supersession links unchanged.
    function _requireEveryActionRefused(
        bytes32 id,
        CertificateTerms memory terms,
        CertificateStatus terminal,
        uint256 seed
    ) private {
        uint96 consumed = registry.consumedQuantity(id);
        bytes32 successor = registry.supersededBy(id);
        bytes32 predecessor = registry.supersedes(id);
        address issuer = _issuerKey(terms);
        address acknowledger = _acknowledgerKey(terms);
        uint8 reasonCode = uint8(seed >> 8);
        bytes32 reasonHash = keccak256(abi.encode("reason", seed));

        vm.expectRevert(_invalidTransition(id, terminal, CertificateAction.SUSPEND));
        vm.prank(issuer);
        registry.suspendCertificate(id, reasonCode);
        _requireUnchanged(id, terminal, consumed, successor, predecessor);

        vm.expectRevert(_invalidTransition(id, terminal, CertificateAction.REINSTATE));
        vm.prank(issuer);
        registry.reinstateCertificate(id);
        _requireUnchanged(id, terminal, consumed, successor, predecessor);

        vm.expectRevert(_invalidTransition(id, terminal, CertificateAction.REVOKE));
        vm.prank(issuer);
        registry.revokeCertificate(id, reasonCode, reasonHash);
        _requireUnchanged(id, terminal, consumed, successor, predecessor);

        vm.expectRevert(_invalidTransition(id, terminal, CertificateAction.REVOKE));
        vm.prank(accreditorPK);
        registry.revokeCertificate(id, reasonCode, reasonHash);
        _requireUnchanged(id, terminal, consumed, successor, predecessor);

        CertificateTerms memory replacement = _replacementOf(terms);
        vm.expectRevert(_invalidTransition(id, terminal, CertificateAction.REPLACE));
        vm.prank(issuer);
        registry.replaceCertificate(id, replacement, hex"01", reasonCode);
        _requireUnchanged(id, terminal, consumed, successor, predecessor);
        require(
            _status(registry.certificateId(_authorityIdOf(issuer), replacement.numberHash)) == CertificateStatus.NONE,
            "a refused replacement left a record"
        );

        vm.expectRevert(_invalidTransition(id, terminal, CertificateAction.ACCEPT));
        vm.prank(acknowledger);
        registry.acceptCertificate(id);
        _requireUnchanged(id, terminal, consumed, successor, predecessor);

        vm.expectRevert(_invalidTransition(id, terminal, CertificateAction.REJECT));
        vm.prank(acknowledger);
        registry.rejectCertificate(id, reasonCode, reasonHash);
        _requireUnchanged(id, terminal, consumed, successor, predecessor);

        uint96 amount = uint96(_bound(seed >> 16, 0, type(uint96).max));
        if (AccreditationLib.isCoo(terms.certificateType)) {
            vm.expectRevert(_invalidTransition(id, terminal, CertificateAction.DRAW_DOWN));
        } else {
            vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryNotDrawable.selector, id));
        }
        vm.prank(customsCN);
        registry.drawDown(id, terms, keccak256("declaration"), amount);
        _requireUnchanged(id, terminal, consumed, successor, predecessor);
    }

    function _requireUnchanged(
        bytes32 id,
        CertificateStatus terminal,
        uint96 consumed,
        bytes32 successor,
        bytes32 predecessor
    ) private view {
        require(_status(id) == terminal, "a terminal status changed");
        require(registry.consumedQuantity(id) == consumed, "the consumed quantity changed");
        require(registry.supersededBy(id) == successor, "supersededBy changed");
        require(registry.supersedes(id) == predecessor, "supersedes changed");
    }

    function _authorityIdOf(address key) private view returns (uint32) {
        return registry.signingKey(key).authorityId;
    }
}
