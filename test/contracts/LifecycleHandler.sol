// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {CertificateRegistry} from "../../contracts/CertificateRegistry.sol";
import {ICertificateRegistry} from "../../contracts/interfaces/ICertificateRegistry.sol";
import {AuthorityKind, CertificateType} from "../../contracts/types/Accreditation.sol";
import {CertificateStatus, CertificateTerms} from "../../contracts/types/Certificate.sol";
import {CertificateAction} from "../../contracts/types/Lifecycle.sol";
import {RegistryTestBase, Vm} from "./RegistryTestBase.sol";

/// @dev The keys the handler acts with: issuers of Pakistan, the importing side in China and Georgia.
struct Actors {
    address chamberPK;
    address nppoPK;
    address accreditorPK;
    address customsCN;
    address nppoCN;
    address customsGE;
}

/// @dev Performs random certificate actions (the fuzzer picks which and with what) and checks each
/// outcome against its own model of DESIGN §3: an allowed action must succeed with the modelled
/// status, any other must revert with the one documented error. The handler never reverts: a
/// wrong outcome is kept in `failure`, which the invariants require to stay empty.
contract LifecycleHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev Caps keep every invariant check cheap: issuing stops once 8 certificates exist,
    /// replacing once 24 do.
    uint256 public constant MAX_ISSUED = 8;
    uint256 public constant MAX_CERTIFICATES = 24;
    uint96 internal constant SMALL_QUANTITY = 1000;

    CertificateRegistry internal immutable registry;
    Actors internal actors;

    bytes32[] internal _ids;
    mapping(bytes32 id => CertificateTerms) internal _terms;
    mapping(bytes32 id => CertificateStatus) public modelStatus;
    mapping(bytes32 id => uint96) public modelConsumed;
    /// @dev The first terminal status each certificate was seen in.
    mapping(bytes32 id => CertificateStatus) public terminalStatus;

    /// @notice The first outcome that differed from the model, empty while there is none.
    string public failure;
    uint256 public succeeded;
    uint256 public refused;
    uint256 private _numbers;

    constructor(CertificateRegistry registry_, Actors memory actors_) {
        registry = registry_;
        actors = actors_;
    }

    // ─── Actions (fuzz targets) ────────────────────────────────────────────────────

    /// @param kindSeed picks a CoO to China, a CoO naming no importing country, an ePhyto to
    /// China, or a CoO without quantity; small or any quantity
    function issue(uint256 kindSeed, uint96 quantity) external {
        if (_ids.length >= MAX_ISSUED) return;
        CertificateTerms memory terms = _newTerms(kindSeed, quantity);
        vm.prank(_issuerOf(terms));
        try registry.issueCertificate(terms, hex"01551220") returns (bytes32 id) {
            _check(id == registry.certificateId(_issuerIdOf(terms), terms.numberHash), "issue: unexpected id");
            _record(id, terms);
            _settle(id, "issue");
        } catch {
            _fail("issue: valid terms were refused");
        }
    }

    function suspend(uint256 index, uint256 actorSeed, uint8 reasonCode) external {
        if (_ids.length == 0) return;
        bytes32 id = _pick(index);
        (address actor, bytes memory expected) = _issuerActor(id, actorSeed, CertificateAction.SUSPEND);
        vm.prank(actor);
        try registry.suspendCertificate(id, reasonCode) {
            _succeeded(id, expected, CertificateStatus.SUSPENDED, "suspend");
        } catch (bytes memory reason) {
            _refused(id, reason, expected, "suspend");
        }
    }

    function reinstate(uint256 index, uint256 actorSeed) external {
        if (_ids.length == 0) return;
        bytes32 id = _pick(index);
        (address actor, bytes memory expected) = _issuerActor(id, actorSeed, CertificateAction.REINSTATE);
        vm.prank(actor);
        try registry.reinstateCertificate(id) {
            _succeeded(id, expected, CertificateStatus.ISSUED, "reinstate");
        } catch (bytes memory reason) {
            _refused(id, reason, expected, "reinstate");
        }
    }

    /// @param actorSeed picks the issuer's key, the accreditor of Pakistan or an unrelated key
    function revoke(uint256 index, uint256 actorSeed, uint8 reasonCode, bytes32 reasonHash) external {
        if (_ids.length == 0) return;
        bytes32 id = _pick(index);
        address actor;
        bytes memory expected;
        if (actorSeed % 4 == 3) {
            actor = actors.accreditorPK;
            expected = _transitionError(id, CertificateAction.REVOKE);
        } else {
            (actor, expected) = _issuerActor(id, actorSeed, CertificateAction.REVOKE);
        }
        vm.prank(actor);
        try registry.revokeCertificate(id, reasonCode, reasonHash) {
            _succeeded(id, expected, CertificateStatus.REVOKED, "revoke");
        } catch (bytes memory reason) {
            _refused(id, reason, expected, "revoke");
        }
    }

    /// @dev The replacement has the same type and importing country, a fresh number and a new quantity.
    function replace(uint256 index, uint256 actorSeed, uint96 quantity, uint8 reasonCode) external {
        if (_ids.length == 0) return;
        bytes32 id = _pick(index);
        (address actor, bytes memory expected) = _issuerActor(id, actorSeed, CertificateAction.REPLACE);
        // at the cap, only replacements that must be refused are tried
        if (expected.length == 0 && _ids.length >= MAX_CERTIFICATES) return;
        CertificateTerms memory old = _terms[id];
        CertificateTerms memory terms = _termsLike(old, quantity);
        // what was drawn against the old certificate carries over: the replacement must certify more
        uint96 consumed = modelConsumed[id];
        if (expected.length == 0 && consumed != 0 && terms.quantity <= consumed) {
            expected = abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryReplacementBelowConsumed.selector,
                id,
                consumed,
                terms.quantity
            );
        }
        vm.prank(actor);
        try registry.replaceCertificate(id, terms, hex"01551220", reasonCode) returns (bytes32 newId) {
            _succeeded(id, expected, CertificateStatus.SUPERSEDED, "replace");
            _check(newId == registry.certificateId(_issuerIdOf(old), terms.numberHash), "replace: unexpected id");
            _check(_statusOf(newId) == CertificateStatus.ISSUED, "replace: replacement is not ISSUED");
            _check(registry.supersededBy(id) == newId, "replace: supersededBy(old) is not the replacement");
            _check(registry.supersedes(newId) == id, "replace: supersedes(new) is not the replaced certificate");
            _record(newId, terms);
            modelConsumed[newId] = consumed;
            _settle(newId, "replace");
        } catch (bytes memory reason) {
            _refused(id, reason, expected, "replace");
            _check(
                registry.supersededBy(id) == bytes32(0) || modelStatus[id] == CertificateStatus.SUPERSEDED,
                "replace: a refused replacement left a link"
            );
        }
    }

    /// @param actorSeed picks customs of China, the NPPO of China or customs of Georgia
    function accept(uint256 index, uint256 actorSeed) external {
        if (_ids.length == 0) return;
        bytes32 id = _pick(index);
        (address actor, bytes memory expected) = _importerActor(id, actorSeed, false, CertificateAction.ACCEPT);
        vm.prank(actor);
        try registry.acceptCertificate(id) {
            _succeeded(id, expected, CertificateStatus.ACCEPTED, "accept");
        } catch (bytes memory reason) {
            _refused(id, reason, expected, "accept");
        }
    }

    function reject(uint256 index, uint256 actorSeed, uint8 reasonCode, bytes32 reasonHash) external {
        if (_ids.length == 0) return;
        bytes32 id = _pick(index);
        (address actor, bytes memory expected) = _importerActor(id, actorSeed, false, CertificateAction.REJECT);
        vm.prank(actor);
        try registry.rejectCertificate(id, reasonCode, reasonHash) {
            _succeeded(id, expected, CertificateStatus.REJECTED, "reject");
        } catch (bytes memory reason) {
            _refused(id, reason, expected, "reject");
        }
    }

    /// @param amountSeed picks zero, exactly what is left, one more than that, the maximum, or
    /// an amount up to what is left
    function drawDown(uint256 index, uint256 actorSeed, uint256 amountSeed, bytes32 declarationHash) external {
        if (_ids.length == 0) return;
        bytes32 id = _pick(index);
        CertificateTerms memory terms = _terms[id];
        uint96 remaining = terms.quantity - modelConsumed[id];
        uint96 amount = _amount(amountSeed, remaining);
        (address actor, bytes memory expected) = _importerActor(id, actorSeed, true, CertificateAction.DRAW_DOWN);
        if (expected.length == 0) {
            if (amount == 0) {
                expected = abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryZeroAmount.selector, id);
            } else if (amount > remaining) {
                expected = abi.encodeWithSelector(
                    ICertificateRegistry.CertificateRegistryQuantityExceeded.selector,
                    id,
                    remaining,
                    amount
                );
            }
        }
        vm.prank(actor);
        try registry.drawDown(id, terms, declarationHash, amount) {
            _check(expected.length == 0, "drawDown: an action that should revert succeeded");
            modelConsumed[id] += amount;
            if (amount == remaining) modelStatus[id] = CertificateStatus.EXHAUSTED;
            ++succeeded;
            _settle(id, "drawDown");
        } catch (bytes memory reason) {
            _refused(id, reason, expected, "drawDown");
        }
    }

    // ─── Views for the properties ────────────────────────────────────────────────────

    function certificateCount() external view returns (uint256) {
        return _ids.length;
    }

    function certificateAt(uint256 index) external view returns (bytes32 id, CertificateTerms memory terms) {
        id = _ids[index];
        terms = _terms[id];
    }

    // ─── The model ───────────────────────────────────────────────────────────────────

    /// @dev DESIGN §3 written out independently of the contract's Lifecycle library.
    function allowed(CertificateStatus current, CertificateAction action) public pure returns (bool) {
        if (
            action == CertificateAction.SUSPEND ||
            action == CertificateAction.ACCEPT ||
            action == CertificateAction.REJECT
        ) {
            return current == CertificateStatus.ISSUED;
        }
        if (action == CertificateAction.REINSTATE) return current == CertificateStatus.SUSPENDED;
        if (action == CertificateAction.REVOKE) {
            return
                current == CertificateStatus.ISSUED ||
                current == CertificateStatus.SUSPENDED ||
                current == CertificateStatus.ACCEPTED ||
                current == CertificateStatus.REJECTED;
        }
        if (action == CertificateAction.REPLACE) {
            return
                current == CertificateStatus.ISSUED ||
                current == CertificateStatus.SUSPENDED ||
                current == CertificateStatus.REJECTED;
        }
        return current == CertificateStatus.ISSUED || current == CertificateStatus.ACCEPTED;
    }

    function isTerminal(CertificateStatus status) public pure returns (bool) {
        return
            status == CertificateStatus.REVOKED ||
            status == CertificateStatus.SUPERSEDED ||
            status == CertificateStatus.EXHAUSTED;
    }

    function isDrawable(CertificateTerms memory terms) public pure returns (bool) {
        return _isCoo(terms.certificateType) && terms.quantity != 0;
    }

    // ─── Internals ───────────────────────────────────────────────────────────────────

    function _newTerms(uint256 kindSeed, uint96 quantity) private returns (CertificateTerms memory terms) {
        uint256 kind = kindSeed % 4;
        bool coo = kind != 2;
        terms.numberHash = keccak256(abi.encodePacked("HANDLER-", ++_numbers));
        terms.digest = keccak256(abi.encodePacked("document ", terms.numberHash));
        terms.certificateType =
            coo
                ? ((kindSeed >> 8) % 2 == 0 ? CertificateType.COO_NONPREFERENTIAL : CertificateType.COO_PREFERENTIAL)
                : ((kindSeed >> 8) % 2 == 0 ? CertificateType.PHYTO : CertificateType.PHYTO_REEXPORT);
        terms.exportCountry = "PK";
        terms.importCountry = kind == 1 ? bytes2(0) : bytes2("CN");
        if (coo && kind != 3) {
            terms.quantity = _quantity(kindSeed >> 16, quantity);
            terms.unit = "KGM";
        }
    }

    function _termsLike(CertificateTerms memory old, uint96 quantity) private returns (CertificateTerms memory terms) {
        terms = old;
        terms.numberHash = keccak256(abi.encodePacked("HANDLER-", ++_numbers));
        terms.digest = keccak256(abi.encodePacked("document ", terms.numberHash));
        if (_isCoo(old.certificateType) && old.quantity != 0) terms.quantity = _quantity(quantity, quantity);
    }

    /// @dev Small quantities mostly, so that exhaustion is reached; any non-zero one sometimes.
    function _quantity(uint256 seed, uint96 quantity) private pure returns (uint96) {
        if (seed % 4 == 0) return quantity == 0 ? 1 : quantity;
        return uint96(1 + (quantity % SMALL_QUANTITY));
    }

    function _amount(uint256 seed, uint96 remaining) private pure returns (uint96) {
        uint256 choice = seed % 8;
        if (choice == 0) return 0;
        if (choice == 1) return remaining;
        if (choice == 2) return remaining == type(uint96).max ? remaining : remaining + 1;
        if (choice == 3) return type(uint96).max;
        if (remaining == 0) return uint96(1 + ((seed >> 8) % SMALL_QUANTITY));
        return uint96(1 + ((seed >> 8) % remaining));
    }

    function _record(bytes32 id, CertificateTerms memory terms) private {
        _ids.push(id);
        _terms[id] = terms;
        modelStatus[id] = CertificateStatus.ISSUED;
    }

    function _pick(uint256 index) private view returns (bytes32) {
        return _ids[index % _ids.length];
    }

    /// @dev The issuer's key (3 in 4) or the other Pakistani issuer's key, and what it must get.
    function _issuerActor(
        bytes32 id,
        uint256 actorSeed,
        CertificateAction action
    ) private view returns (address actor, bytes memory expected) {
        CertificateTerms memory terms = _terms[id];
        bool coo = _isCoo(terms.certificateType);
        if (actorSeed % 4 == 2) {
            actor = coo ? actors.nppoPK : actors.chamberPK;
            expected = abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryUnauthorizedActor.selector,
                id,
                actor
            );
        } else {
            actor = coo ? actors.chamberPK : actors.nppoPK;
            expected = _transitionError(id, action);
        }
    }

    /// @dev One of customs of China, the NPPO of China and customs of Georgia, and what it must get.
    function _importerActor(
        bytes32 id,
        uint256 actorSeed,
        bool drawdown,
        CertificateAction action
    ) private view returns (address actor, bytes memory expected) {
        CertificateTerms memory terms = _terms[id];
        AuthorityKind kind;
        bytes2 country;
        uint256 choice = actorSeed % 3;
        if (choice == 0) (actor, kind, country) = (actors.customsCN, AuthorityKind.CUSTOMS, bytes2("CN"));
        else if (choice == 1) (actor, kind, country) = (actors.nppoCN, AuthorityKind.NPPO, bytes2("CN"));
        else (actor, kind, country) = (actors.customsGE, AuthorityKind.CUSTOMS, bytes2("GE"));
        AuthorityKind required = drawdown || _isCoo(terms.certificateType) ? AuthorityKind.CUSTOMS : AuthorityKind.NPPO;
        if (kind != required) {
            return (
                actor,
                abi.encodeWithSelector(
                    ICertificateRegistry.CertificateRegistryWrongAuthorityKind.selector,
                    id,
                    required,
                    kind
                )
            );
        }
        if (terms.importCountry != bytes2(0) && terms.importCountry != country) {
            return (
                actor,
                abi.encodeWithSelector(
                    ICertificateRegistry.CertificateRegistryWrongImportCountry.selector,
                    id,
                    terms.importCountry,
                    country
                )
            );
        }
        if (drawdown && !isDrawable(terms)) {
            return (actor, abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryNotDrawable.selector, id));
        }
        expected = _transitionError(id, action);
    }

    /// @dev Empty when the model allows `action`, else the InvalidTransition it must revert with.
    function _transitionError(bytes32 id, CertificateAction action) private view returns (bytes memory) {
        CertificateStatus current = modelStatus[id];
        if (allowed(current, action)) return "";
        return
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryInvalidTransition.selector,
                id,
                current,
                action
            );
    }

    function _succeeded(bytes32 id, bytes memory expected, CertificateStatus next, string memory action) private {
        _check(expected.length == 0, string.concat(action, ": an action that should revert succeeded"));
        modelStatus[id] = next;
        ++succeeded;
        _settle(id, action);
    }

    function _refused(bytes32 id, bytes memory reason, bytes memory expected, string memory action) private {
        _check(expected.length != 0, string.concat(action, ": an allowed action reverted"));
        _check(keccak256(reason) == keccak256(expected), string.concat(action, ": reverted with another error"));
        ++refused;
        _settle(id, action);
    }

    /// @dev Compares the registry with the model for `id` and notes a first terminal status.
    function _settle(bytes32 id, string memory action) private {
        CertificateStatus status = _statusOf(id);
        _check(status == modelStatus[id], string.concat(action, ": status differs from the model"));
        _check(registry.consumedQuantity(id) == modelConsumed[id], string.concat(action, ": consumed differs"));
        if (terminalStatus[id] == CertificateStatus.NONE && isTerminal(status)) terminalStatus[id] = status;
    }

    function _statusOf(bytes32 id) private view returns (CertificateStatus status) {
        (status, , , ) = registry.certificate(id);
    }

    function _issuerOf(CertificateTerms memory terms) private view returns (address) {
        return _isCoo(terms.certificateType) ? actors.chamberPK : actors.nppoPK;
    }

    function _issuerIdOf(CertificateTerms memory terms) private view returns (uint32) {
        return registry.signingKey(_issuerOf(terms)).authorityId;
    }

    function _isCoo(CertificateType certificateType) private pure returns (bool) {
        return
            certificateType == CertificateType.COO_NONPREFERENTIAL ||
            certificateType == CertificateType.COO_PREFERENTIAL;
    }

    function _check(bool condition, string memory message) private {
        if (!condition) _fail(message);
    }

    function _fail(string memory message) private {
        if (bytes(failure).length == 0) failure = message;
    }
}

/// @dev The three lifecycle properties, checked over every certificate the handler knows.
abstract contract LifecycleProperties is RegistryTestBase {
    LifecycleHandler internal handler;

    function _deployHandler() internal {
        handler = new LifecycleHandler(
            registry,
            Actors({
                chamberPK: chamberPK,
                nppoPK: nppoPK,
                accreditorPK: accreditorPK,
                customsCN: customsCN,
                nppoCN: nppoCN,
                customsGE: customsGE
            })
        );
        // one of each kind to act on from the first step
        handler.issue(0, 120);
        handler.issue(1, 7);
        handler.issue(2, 0);
        handler.issue(3, 0);
    }

    function _requireOutcomesAsModelled() internal view {
        string memory failure = handler.failure();
        require(bytes(failure).length == 0, failure);
    }

    /// @dev consumed ≤ certified; EXHAUSTED exactly when consumed == certified; nothing is ever
    /// consumed of a certificate that cannot be drawn down.
    function _requireConsumedWithinCertified() internal view {
        uint256 count = handler.certificateCount();
        for (uint256 i; i < count; ++i) {
            (bytes32 id, CertificateTerms memory terms) = handler.certificateAt(i);
            uint96 consumed = registry.consumedQuantity(id);
            CertificateStatus status = _status(id);
            require(consumed <= terms.quantity, "consumed exceeds the certified quantity");
            if (handler.isDrawable(terms)) {
                require(
                    (status == CertificateStatus.EXHAUSTED) == (consumed == terms.quantity),
                    "EXHAUSTED is not the same as consumed == certified"
                );
            } else {
                require(consumed == 0, "a certificate that cannot be drawn down has consumption");
                require(status != CertificateStatus.EXHAUSTED, "a certificate that cannot be drawn down is EXHAUSTED");
            }
        }
    }

    /// @dev Once REVOKED, SUPERSEDED or EXHAUSTED, the status stays the same.
    function _requireTerminalStatusesKept() internal view {
        uint256 count = handler.certificateCount();
        for (uint256 i; i < count; ++i) {
            (bytes32 id, ) = handler.certificateAt(i);
            CertificateStatus terminal = handler.terminalStatus(id);
            if (terminal != CertificateStatus.NONE) require(_status(id) == terminal, "a terminal status changed");
        }
    }

    /// @dev supersededBy(old) == new exactly when supersedes(new) == old, and only SUPERSEDED
    /// certificates have a successor.
    function _requireSupersessionSymmetric() internal view {
        uint256 count = handler.certificateCount();
        for (uint256 i; i < count; ++i) {
            (bytes32 id, ) = handler.certificateAt(i);
            bytes32 successor = registry.supersededBy(id);
            bytes32 predecessor = registry.supersedes(id);
            CertificateStatus status = _status(id);
            require((successor != bytes32(0)) == (status == CertificateStatus.SUPERSEDED), "SUPERSEDED without link");
            if (successor != bytes32(0)) {
                require(registry.supersedes(successor) == id, "supersededBy has no matching supersedes");
                require(_status(successor) != CertificateStatus.NONE, "successor has no record");
            }
            if (predecessor != bytes32(0)) {
                require(registry.supersededBy(predecessor) == id, "supersedes has no matching supersededBy");
                require(_status(predecessor) == CertificateStatus.SUPERSEDED, "predecessor is not SUPERSEDED");
            }
        }
    }
}
