// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @dev An EIP-712 signature by an authority key (or an accreditor) over one action, submitted
/// by any relayer. The nonce is the signer's next one; it is part of the signed struct. The
/// signature is in the compact EIP-2098 form (r, yParity and s in `vs`).
struct Authorization {
    address signer;
    uint256 deadline;
    bytes32 r;
    bytes32 vs;
}
