import { Signature, Transaction, type TransactionLike } from "ethers";

/** A transaction as `eth_getBlockByNumber(n, true)` lists it (quantities in hex). */
export interface RpcTransaction {
  hash: string;
  type: string;
  chainId?: string;
  nonce: string;
  gas: string;
  gasPrice?: string;
  maxFeePerGas?: string;
  maxPriorityFeePerGas?: string;
  to: string | null;
  value: string;
  input: string;
  accessList?: { address: string; storageKeys: string[] }[];
  v: string;
  r: string;
  s: string;
  yParity?: string;
}

/**
 * The signed bytes of a mined transaction, which `eth_sendRawTransaction` takes to send it again
 * (Hardhat's node has no `eth_getRawTransactionByHash`). Rebuilt from its fields and signature and
 * checked against its hash, so a transaction that cannot be rebuilt exactly is refused here.
 */
export function rawTransaction(tx: RpcTransaction): string {
  const type = Number(tx.type);
  const fees: TransactionLike =
    type === 0 || type === 1
      ? { gasPrice: tx.gasPrice }
      : { maxFeePerGas: tx.maxFeePerGas, maxPriorityFeePerGas: tx.maxPriorityFeePerGas };
  const rebuilt = Transaction.from({
    type,
    ...(tx.chainId !== undefined && { chainId: BigInt(tx.chainId) }),
    nonce: Number(tx.nonce),
    gasLimit: tx.gas,
    to: tx.to,
    value: tx.value,
    data: tx.input,
    ...fees,
    ...(type !== 0 && { accessList: tx.accessList ?? [] }),
    signature: Signature.from({ r: tx.r, s: tx.s, v: type === 0 ? BigInt(tx.v) : 27 + Number(tx.yParity ?? tx.v) }),
  });
  if (rebuilt.hash !== tx.hash) {
    throw new Error(
      `Transaction ${tx.hash} (type ${type}) cannot be rebuilt from its fields: the journal cannot keep it.`,
    );
  }
  return rebuilt.serialized;
}
