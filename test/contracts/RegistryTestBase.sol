// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {AuthorityRegistry} from "../../contracts/AuthorityRegistry.sol";
import {CertificateRegistry} from "../../contracts/CertificateRegistry.sol";
import {ICertificateRegistry} from "../../contracts/interfaces/ICertificateRegistry.sol";
import {AccreditationLib, AuthorityKind, CertificateType} from "../../contracts/types/Accreditation.sol";
import {CertificateStatus, CertificateTerms} from "../../contracts/types/Certificate.sol";
import {CertificateAction} from "../../contracts/types/Lifecycle.sol";

/// @dev The cheatcodes these tests use (forge-std's npm package is broken, see TOOLCHAIN.md).
interface Vm {
    function prank(address sender) external;

    function startPrank(address sender) external;

    function stopPrank() external;

    function expectRevert(bytes calldata revertData) external;

    function expectRevert(bytes4 revertData) external;

    function warp(uint256 timestamp) external;

    function roll(uint256 blockNumber) external;

    function addr(uint256 privateKey) external returns (address);

    function assume(bool condition) external;
}

/// @dev Deploys both registries behind ERC-1967 proxies, as the Ignition module does, and
/// accredits Pakistan (chamber, NPPO), China (customs, NPPO) and Georgia (customs), one key each.
abstract contract RegistryTestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev 2026-09-21, so that "in the past" has room below it.
    uint256 internal constant START = 1_790_000_000;
    uint40 internal constant NO_END = type(uint40).max;
    bytes2 internal constant PK = "PK";
    bytes2 internal constant CN = "CN";
    bytes2 internal constant GE = "GE";
    bytes3 internal constant KGM = "KGM";

    AuthorityRegistry internal authorities;
    CertificateRegistry internal registry;

    address internal governance;
    address internal accreditorPK;
    address internal accreditorCN;
    address internal accreditorGE;
    address internal chamberPK;
    address internal nppoPK;
    address internal customsCN;
    address internal nppoCN;
    address internal customsGE;

    uint32 internal chamberPKId;
    uint32 internal nppoPKId;
    uint32 internal customsCNId;
    uint32 internal nppoCNId;
    uint32 internal customsGEId;

    uint256 private _numbers;

    function setUp() public virtual {
        vm.warp(START);
        governance = vm.addr(0x60f);
        accreditorPK = vm.addr(0xacc1);
        accreditorCN = vm.addr(0xacc2);
        accreditorGE = vm.addr(0xacc3);
        chamberPK = vm.addr(0xc0001);
        nppoPK = vm.addr(0xc0002);
        customsCN = vm.addr(0xc0003);
        nppoCN = vm.addr(0xc0004);
        customsGE = vm.addr(0xc0005);

        authorities = AuthorityRegistry(
            address(
                new ERC1967Proxy(
                    address(new AuthorityRegistry()),
                    abi.encodeCall(AuthorityRegistry.initialize, (governance))
                )
            )
        );
        registry = CertificateRegistry(
            address(
                new ERC1967Proxy(
                    address(new CertificateRegistry()),
                    abi.encodeCall(CertificateRegistry.initialize, (governance, authorities))
                )
            )
        );

        vm.startPrank(governance);
        authorities.setCertificateRegistry(registry);
        authorities.appointAccreditor(PK, accreditorPK);
        authorities.appointAccreditor(CN, accreditorCN);
        authorities.appointAccreditor(GE, accreditorGE);
        vm.stopPrank();

        chamberPKId = _register(accreditorPK, PK, AuthorityKind.CHAMBER, AccreditationLib.COO_TYPES, chamberPK);
        nppoPKId = _register(accreditorPK, PK, AuthorityKind.NPPO, AccreditationLib.PHYTO_TYPES, nppoPK);
        customsCNId = _register(accreditorCN, CN, AuthorityKind.CUSTOMS, 0, customsCN);
        nppoCNId = _register(accreditorCN, CN, AuthorityKind.NPPO, AccreditationLib.PHYTO_TYPES, nppoCN);
        customsGEId = _register(accreditorGE, GE, AuthorityKind.CUSTOMS, 0, customsGE);
    }

    function _register(
        address accreditor,
        bytes2 country,
        AuthorityKind kind,
        uint8 types,
        address key
    ) private returns (uint32 id) {
        vm.startPrank(accreditor);
        id = authorities.registerAuthority(country, kind, types, "authority");
        authorities.addSigningKey(id, key, 0, NO_END);
        vm.stopPrank();
    }

    // ─── Terms and actions ────────────────────────────────────────────────────────

    /// @dev Terms of a Pakistani CoO with a fresh certificate number.
    function _cooTerms(bytes2 importCountry, uint96 quantity) internal returns (CertificateTerms memory terms) {
        terms = _terms(CertificateType.COO_NONPREFERENTIAL, importCountry, quantity, KGM);
    }

    /// @dev Terms of a Pakistani ePhyto to China with a fresh certificate number.
    function _phytoTerms() internal returns (CertificateTerms memory terms) {
        terms = _terms(CertificateType.PHYTO, CN, 0, bytes3(0));
    }

    function _terms(
        CertificateType certificateType,
        bytes2 importCountry,
        uint96 quantity,
        bytes3 unit
    ) internal returns (CertificateTerms memory terms) {
        bytes32 numberHash = keccak256(abi.encodePacked("PK-2026-", ++_numbers));
        terms = CertificateTerms({
            numberHash: numberHash,
            digest: keccak256(abi.encodePacked("document of ", numberHash)),
            certificateType: certificateType,
            exportCountry: PK,
            importCountry: importCountry,
            validUntil: 0,
            quantity: quantity,
            unit: unit
        });
    }

    function _issue(address key, CertificateTerms memory terms) internal returns (bytes32 id) {
        vm.prank(key);
        id = registry.issueCertificate(terms, hex"01551220");
    }

    /// @dev The issuing key of a Pakistani certificate of this type.
    function _issuerKey(CertificateTerms memory terms) internal view returns (address) {
        return AccreditationLib.isCoo(terms.certificateType) ? chamberPK : nppoPK;
    }

    /// @dev The key that accepts or rejects a certificate of this type in China.
    function _acknowledgerKey(CertificateTerms memory terms) internal view returns (address) {
        return AccreditationLib.isCoo(terms.certificateType) ? customsCN : nppoCN;
    }

    function _status(bytes32 id) internal view returns (CertificateStatus status) {
        (status, , , ) = registry.certificate(id);
    }

    function _invalidTransition(
        bytes32 id,
        CertificateStatus current,
        CertificateAction action
    ) internal pure returns (bytes memory) {
        return
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryInvalidTransition.selector,
                id,
                current,
                action
            );
    }

    // ─── Fuzzing helpers ────────────────────────────────────────────────────────────

    /// @dev `x` mapped into [min, max] without discarding runs.
    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (min == 0 && max == type(uint256).max) return x;
        return min + (x % (max - min + 1));
    }

    /// @dev The `i`-th pseudo-random word drawn from `seed`.
    function _draw(uint256 seed, uint256 i) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed, i)));
    }
}
