import { expect } from "chai";
import { Transaction, Wallet, type TransactionLike } from "ethers";
import { rawTransaction, type RpcTransaction } from "../../../scripts/raw-transaction.js";

const wallet = new Wallet("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const hex = (n: bigint | number): string => `0x${n.toString(16)}`;

/** A signed transaction as eth_getBlockByNumber(n, true) lists it. */
async function listed(fields: TransactionLike): Promise<{ rpc: RpcTransaction; signed: string }> {
  const signed = await wallet.signTransaction({ chainId: 31337n, nonce: 7, gasLimit: 90_000n, ...fields });
  const tx = Transaction.from(signed);
  const signature = tx.signature!;
  return {
    signed,
    rpc: {
      hash: tx.hash!,
      type: hex(tx.type!),
      chainId: hex(tx.chainId),
      nonce: hex(tx.nonce),
      gas: hex(tx.gasLimit),
      ...(tx.gasPrice !== null && { gasPrice: hex(tx.gasPrice) }),
      ...(tx.maxFeePerGas !== null && { maxFeePerGas: hex(tx.maxFeePerGas) }),
      ...(tx.maxPriorityFeePerGas !== null && { maxPriorityFeePerGas: hex(tx.maxPriorityFeePerGas) }),
      to: tx.to,
      value: hex(tx.value),
      input: tx.data,
      ...(tx.type !== 0 && { accessList: tx.accessList ?? [] }),
      v: tx.type === 0 ? hex(signature.networkV!) : hex(signature.yParity),
      r: signature.r,
      s: signature.s,
      ...(tx.type !== 0 && { yParity: hex(signature.yParity) }),
    },
  };
}

describe("rawTransaction: the signed bytes of a mined transaction, rebuilt from a block's listing", function () {
  const to = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  it("rebuilds an EIP-1559 transaction byte for byte", async function () {
    const { rpc, signed } = await listed({
      type: 2,
      to,
      maxFeePerGas: 2_000_000_000n,
      maxPriorityFeePerGas: 1n,
      data: "0xabcd",
    });
    expect(rawTransaction(rpc)).to.equal(signed);
  });

  it("rebuilds an EIP-2930 transaction with its access list", async function () {
    const accessList = [{ address: to, storageKeys: [`0x${"00".repeat(31)}01`] }];
    const { rpc, signed } = await listed({ type: 1, to, gasPrice: 1_000_000_000n, accessList });
    expect(rawTransaction(rpc)).to.equal(signed);
  });

  it("rebuilds a legacy EIP-155 transaction and a contract creation", async function () {
    const { rpc, signed } = await listed({ type: 0, to: null, gasPrice: 1_000_000_000n, data: "0x6000" });
    expect(rawTransaction(rpc)).to.equal(signed);
  });

  it("refuses a listing that does not rebuild to its hash, naming the transaction", async function () {
    const { rpc } = await listed({ type: 2, to, maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 1n });
    expect(() => rawTransaction({ ...rpc, value: "0x1" })).to.throw(`Transaction ${rpc.hash}`);
  });
});
