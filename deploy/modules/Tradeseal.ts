import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * The two registries, each an implementation behind an ERC-1967 proxy initialised in the same
 * deployment, wired together: the AuthorityRegistry pushes key records to the
 * CertificateRegistry. The deploying account (account 0) is governance; hand governance to a
 * consortium multisig afterwards by granting it DEFAULT_ADMIN_ROLE on both registries and
 * renouncing the deployer's.
 */
export default buildModule("Tradeseal", (m) => {
  const governance = m.getAccount(0);

  const authorityImplementation = m.contract("AuthorityRegistry", [], { id: "AuthorityRegistryImplementation" });
  const authorityProxy = m.contract(
    "ERC1967Proxy",
    [authorityImplementation, m.encodeFunctionCall(authorityImplementation, "initialize", [governance])],
    { id: "AuthorityRegistryProxy" },
  );
  const authorityRegistry = m.contractAt("AuthorityRegistry", authorityProxy, { id: "AuthorityRegistry" });

  const certificateImplementation = m.contract("CertificateRegistry", [], {
    id: "CertificateRegistryImplementation",
  });
  const certificateProxy = m.contract(
    "ERC1967Proxy",
    [
      certificateImplementation,
      m.encodeFunctionCall(certificateImplementation, "initialize", [governance, authorityRegistry]),
    ],
    { id: "CertificateRegistryProxy" },
  );
  const certificateRegistry = m.contractAt("CertificateRegistry", certificateProxy, { id: "CertificateRegistry" });

  m.call(authorityRegistry, "setCertificateRegistry", [certificateRegistry], { from: governance });

  return { authorityRegistry, certificateRegistry, authorityImplementation, certificateImplementation };
});
