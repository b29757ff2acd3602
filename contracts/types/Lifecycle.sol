// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {CertificateStatus} from "./Certificate.sol";

/// @dev The actions the lifecycle knows. Issuance is not here: it starts from NONE only.
enum CertificateAction {
    SUSPEND,
    REINSTATE,
    REVOKE,
    REPLACE,
    ACCEPT,
    REJECT,
    DRAW_DOWN
}

/// @title Certificate lifecycle
/// @notice Which action is allowed from which status, and where it leads.
/// @dev The transition table of DESIGN §3 as one mask of allowed source statuses per action.
/// REVOKED, SUPERSEDED and EXHAUSTED are terminal. REJECTED only leads on to a replacement
/// or a revocation, which is how an issuer answers a rejection.
library Lifecycle {
    function _mask(CertificateStatus status) private pure returns (uint256) {
        return uint256(1) << uint8(status);
    }

    function allowedFrom(CertificateAction action) internal pure returns (uint256 mask) {
        uint256 issued = _mask(CertificateStatus.ISSUED);
        if (action == CertificateAction.SUSPEND) return issued;
        if (action == CertificateAction.REINSTATE) return _mask(CertificateStatus.SUSPENDED);
        if (action == CertificateAction.REVOKE)
            return
                issued |
                _mask(CertificateStatus.SUSPENDED) |
                _mask(CertificateStatus.ACCEPTED) |
                _mask(CertificateStatus.REJECTED);
        if (action == CertificateAction.REPLACE)
            return issued | _mask(CertificateStatus.SUSPENDED) | _mask(CertificateStatus.REJECTED);
        if (action == CertificateAction.DRAW_DOWN) return issued | _mask(CertificateStatus.ACCEPTED);
        return issued; // ACCEPT, REJECT
    }

    function isAllowed(CertificateStatus current, CertificateAction action) internal pure returns (bool) {
        return allowedFrom(action) & _mask(current) != 0;
    }

    /// @dev The status an allowed action leads to; DRAW_DOWN keeps the status unless it exhausts.
    function target(CertificateStatus current, CertificateAction action) internal pure returns (CertificateStatus) {
        if (action == CertificateAction.SUSPEND) return CertificateStatus.SUSPENDED;
        if (action == CertificateAction.REINSTATE) return CertificateStatus.ISSUED;
        if (action == CertificateAction.REVOKE) return CertificateStatus.REVOKED;
        if (action == CertificateAction.REPLACE) return CertificateStatus.SUPERSEDED;
        if (action == CertificateAction.ACCEPT) return CertificateStatus.ACCEPTED;
        if (action == CertificateAction.REJECT) return CertificateStatus.REJECTED;
        return current;
    }

    function isTerminal(CertificateStatus status) internal pure returns (bool) {
        return
            status == CertificateStatus.REVOKED ||
            status == CertificateStatus.SUPERSEDED ||
            status == CertificateStatus.EXHAUSTED;
    }
}
