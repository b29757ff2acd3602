// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ICertificateRegistry} from "../../contracts/interfaces/ICertificateRegistry.sol";
import {CertificateStatus, CertificateTerms} from "../../contracts/types/Certificate.sol";
import {CertificateAction} from "../../contracts/types/Lifecycle.sol";
import {RegistryTestBase} from "./RegistryTestBase.sol";

/// @dev A replacement links both ways: old `supersededBy` new, new `supersedes` old.
contract SupersessionTest is RegistryTestBase {
    uint256 internal constant MAX_CHAIN = 8;

    function testFuzz_ReplacementChainsKeepEveryLinkSymmetric(uint8 length, bool phyto, uint256 seed) public {
        length = uint8(_bound(length, 1, MAX_CHAIN));
        bytes32[] memory chain = new bytes32[](length + 1);
        CertificateTerms memory terms = phyto ? _phytoTerms() : _cooTerms(CN, 1000);
        address issuer = _issuerKey(terms);
        chain[0] = _issue(issuer, terms);

        for (uint256 i = 1; i <= length; ++i) {
            uint256 word = _draw(seed, i);
            _moveToReplaceable(chain[i - 1], terms, word);
            CertificateTerms memory next = phyto ? _phytoTerms() : _cooTerms(CN, uint96(_bound(word >> 8, 1, 1e24)));
            vm.prank(issuer);
            chain[i] = registry.replaceCertificate(chain[i - 1], next, hex"01", uint8(word >> 16));
            terms = next;

            require(_status(chain[i - 1]) == CertificateStatus.SUPERSEDED, "the replaced one is not SUPERSEDED");
            require(_status(chain[i]) == CertificateStatus.ISSUED, "the replacement is not ISSUED");
            require(registry.matchesTerms(chain[i], next), "the replacement does not commit to its terms");
            _requireChainLinked(chain, i);
        }

        // a superseded link cannot be replaced a second time, which would fork the chain
        uint256 forked = _bound(seed, 0, length - 1);
        CertificateTerms memory fork = phyto ? _phytoTerms() : _cooTerms(CN, 1000);
        vm.expectRevert(_invalidTransition(chain[forked], CertificateStatus.SUPERSEDED, CertificateAction.REPLACE));
        vm.prank(issuer);
        registry.replaceCertificate(chain[forked], fork, hex"01", 0);
        _requireChainLinked(chain, length);
    }

    function testFuzz_RefusedReplacementLeavesNoLink(bool phyto, uint8 failure, uint40 pastValidUntil) public {
        CertificateTerms memory terms = phyto ? _phytoTerms() : _cooTerms(CN, 1000);
        address issuer = _issuerKey(terms);
        bytes32 id = _issue(issuer, terms);
        CertificateTerms memory next = phyto ? _phytoTerms() : _cooTerms(CN, 1000);
        bytes memory expected;
        uint256 choice = failure % 3;
        if (choice == 0) {
            // the replacement reuses the old number, so it would have the old id
            next.numberHash = terms.numberHash;
            expected = abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryAlreadyExists.selector, id);
        } else if (choice == 1) {
            next.validUntil = uint40(_bound(pastValidUntil, 1, block.timestamp));
            expected = abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryAlreadyExpired.selector,
                next.validUntil
            );
        } else {
            next.importCountry = "c1";
            expected = abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryInvalidImportCountry.selector,
                next.importCountry
            );
        }
        vm.expectRevert(expected);
        vm.prank(issuer);
        registry.replaceCertificate(id, next, hex"01", 0);

        require(_status(id) == CertificateStatus.ISSUED, "a refused replacement changed the status");
        require(registry.supersededBy(id) == bytes32(0), "a refused replacement left supersededBy");
        if (choice != 0) {
            bytes32 newId = registry.certificateId(registry.signingKey(issuer).authorityId, next.numberHash);
            require(_status(newId) == CertificateStatus.NONE, "a refused replacement left a record");
            require(registry.supersedes(newId) == bytes32(0), "a refused replacement left supersedes");
        }
    }

    /// @dev Leaves the certificate ISSUED, or moves it to SUSPENDED or REJECTED, from where it can be replaced.
    function _moveToReplaceable(bytes32 id, CertificateTerms memory terms, uint256 word) private {
        uint256 choice = word % 3;
        if (choice == 1) {
            vm.prank(_issuerKey(terms));
            registry.suspendCertificate(id, 1);
        } else if (choice == 2) {
            vm.prank(_acknowledgerKey(terms));
            registry.rejectCertificate(id, 1, bytes32(word));
        }
    }

    /// @dev Every link of chain[0..last] points both ways, and the ends point nowhere.
    function _requireChainLinked(bytes32[] memory chain, uint256 last) private view {
        require(registry.supersedes(chain[0]) == bytes32(0), "the first certificate supersedes something");
        require(registry.supersededBy(chain[last]) == bytes32(0), "the last certificate is superseded");
        for (uint256 i = 1; i <= last; ++i) {
            require(registry.supersededBy(chain[i - 1]) == chain[i], "supersededBy(old) is not new");
            require(registry.supersedes(chain[i]) == chain[i - 1], "supersedes(new) is not old");
            require(_status(chain[i - 1]) == CertificateStatus.SUPERSEDED, "a link in the chain is not SUPERSEDED");
        }
    }
}
