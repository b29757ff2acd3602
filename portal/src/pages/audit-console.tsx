import { useState } from "preact/hooks";
import { AnomalyPanel } from "../audit/anomaly-panel";
import { AuthorityHistoryPanel } from "../audit/authority-history-panel";
import { CertificateSearchPanel } from "../audit/certificate-search-panel";
import { SignInFirst } from "../components/sign-in-first";
import { Tabs } from "../components/tabs";
import { useApp } from "../session/app-context";

const TABS = [
  { key: "search", label: "Certificates" },
  { key: "authority", label: "Authority history" },
  { key: "anomalies", label: "Anomalies" },
];

/** The auditor's console: every certificate, the full history of one or of an authority, and the anomaly report. */
export function AuditConsole() {
  const { session } = useApp();
  const [tab, setTab] = useState("search");
  if (session?.role !== "auditor" && session?.role !== "admin") return <SignInFirst role="auditors" />;
  return (
    <>
      <h1>Audit</h1>
      <p class="lead">
        Every certificate and authority in the registry, each event in chain order, and what looks wrong.
      </p>
      <Tabs label="Audit" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === "search" && <CertificateSearchPanel />}
        {tab === "authority" && <AuthorityHistoryPanel />}
        {tab === "anomalies" && <AnomalyPanel />}
      </Tabs>
    </>
  );
}
