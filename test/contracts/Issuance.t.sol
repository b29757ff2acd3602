// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ICertificateRegistry} from "../../contracts/interfaces/ICertificateRegistry.sol";
import {AccreditationLib, CertificateType} from "../../contracts/types/Accreditation.sol";
import {CertificateStatus, CertificateTerms} from "../../contracts/types/Certificate.sol";
import {RegistryTestBase} from "./RegistryTestBase.sol";

/// @dev Issuance with any terms either anchors exactly those terms or reverts with the documented error.
contract IssuanceTest is RegistryTestBase {
    struct Choices {
        uint8 key;
        uint8 certificateType;
        uint8 exportCountry;
        uint8 importCountry;
        uint8 validUntil;
    }

    function testFuzz_IssuanceAnchorsTheTermsOrRevertsWithTheDocumentedError(
        bytes32 numberHash,
        bytes32 digest,
        uint96 quantity,
        bytes3 unit,
        Choices memory choices,
        bytes2 anyCountry,
        uint40 anyTime
    ) public {
        CertificateTerms memory terms;
        terms.numberHash = numberHash;
        terms.digest = digest;
        terms.quantity = quantity;
        terms.unit = unit;
        // the fuzzer picks often from the interesting values (boundaries included) and sometimes any value
        address key = [chamberPK, nppoPK, customsCN, customsGE][choices.key % 4];
        terms.certificateType = CertificateType(choices.certificateType % 4);
        terms.exportCountry = [PK, CN, GE, anyCountry][choices.exportCountry % 4];
        terms.importCountry = [bytes2(0), CN, GE, anyCountry][choices.importCountry % 4];
        uint256 validChoice = choices.validUntil % 5;
        if (validChoice == 0) terms.validUntil = 0;
        else if (validChoice == 1) terms.validUntil = uint40(block.timestamp + (anyTime % 2));
        else if (validChoice == 2) terms.validUntil = uint40(_bound(anyTime, 1, block.timestamp));
        else if (validChoice == 3) terms.validUntil = uint40(_bound(anyTime, block.timestamp + 1, type(uint40).max));
        else terms.validUntil = anyTime;

        uint32 issuer = registry.signingKey(key).authorityId;
        bytes memory expected = _expectedError(key, issuer, terms);
        if (expected.length != 0) vm.expectRevert(expected);
        vm.prank(key);
        bytes32 id = registry.issueCertificate(terms, hex"01551220");
        if (expected.length != 0) {
            require(_status(registry.certificateId(issuer, terms.numberHash)) == CertificateStatus.NONE, "record left");
            return;
        }

        require(id == registry.certificateId(issuer, terms.numberHash), "the id is not issuer and number");
        require(registry.matchesTerms(id, terms), "the record does not commit to the terms");
        (
            CertificateStatus status,
            CertificateType certificateType,
            bytes2 importCountry,
            uint32 recordIssuer
        ) = registry.certificate(id);
        require(status == CertificateStatus.ISSUED, "not ISSUED");
        require(certificateType == terms.certificateType, "wrong type");
        require(importCountry == terms.importCountry, "wrong importing country");
        require(recordIssuer == issuer, "wrong issuer");
        require(registry.consumedQuantity(id) == 0, "consumed at issuance");

        CertificateTerms memory altered = terms;
        altered.quantity = terms.quantity ^ 1;
        require(!registry.matchesTerms(id, altered), "other terms match the record");

        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryAlreadyExists.selector, id));
        vm.prank(key);
        registry.issueCertificate(terms, hex"01551220");
    }

    /// @dev The first check of issuance that `terms` fail, as the interface documents them, or
    /// nothing when they pass.
    function _expectedError(
        address key,
        uint32 issuer,
        CertificateTerms memory terms
    ) private view returns (bytes memory) {
        bool accredited =
            (key == chamberPK && AccreditationLib.isCoo(terms.certificateType)) ||
                (key == nppoPK && !AccreditationLib.isCoo(terms.certificateType));
        if (!accredited || terms.exportCountry != PK) {
            return
                abi.encodeWithSelector(
                    ICertificateRegistry.AuthorityRegistryNotAccredited.selector,
                    issuer,
                    terms.certificateType,
                    terms.exportCountry
                );
        }
        if (terms.importCountry != bytes2(0) && !_isUpperCaseCountry(terms.importCountry)) {
            return
                abi.encodeWithSelector(
                    ICertificateRegistry.CertificateRegistryInvalidImportCountry.selector,
                    terms.importCountry
                );
        }
        if (terms.validUntil != 0 && terms.validUntil <= block.timestamp) {
            return
                abi.encodeWithSelector(
                    ICertificateRegistry.CertificateRegistryAlreadyExpired.selector,
                    terms.validUntil
                );
        }
        return "";
    }

    function _isUpperCaseCountry(bytes2 country) private pure returns (bool) {
        return
            uint8(country[0]) >= 0x41 &&
            uint8(country[0]) <= 0x5a &&
            uint8(country[1]) >= 0x41 &&
            uint8(country[1]) <= 0x5a;
    }
}
