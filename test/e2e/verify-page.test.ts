import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { decodeJwt } from "jose";
import type { Page } from "playwright-core";
import { startTestApi, type TestApi } from "../fixtures/api.js";
import { freePort } from "../fixtures/chain-node.js";
import { cooFrom, openTestGateway, phytoFrom, type TestGateway } from "../fixtures/gateway.js";
import { call } from "../integration/api/api-helpers.js";
import { startPortalWorld, TABLET, type PortalWorld } from "./portal-world.js";

describe("Portal in a real browser: the public verify page", function () {
  let portal: PortalWorld;
  let scratch: string;

  before(async function () {
    portal = await startPortalWorld("verify");
    scratch = await mkdtemp(path.join(os.tmpdir(), "tradeseal-e2e-"));
  });

  after(async function () {
    await portal?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  async function revoke(id: string): Promise<void> {
    const reply = await call(`${portal.api.url}/v1/certificates/${id}/revoke`, {
      token: portal.tokens.chamber,
      json: { reasonCode: 4, reasonText: "Stamp forged on the paper copy" },
    });
    expect(reply.status, reply.text).to.equal(200);
  }

  const verdictOf = (page: Page) => page.locator("[data-verdict]").getAttribute("data-verdict");

  it("shows a valid certificate in plain words at its QR link, with each check, the issuer, the timeline and a signed receipt", async function () {
    const id = await portal.issue(cooFrom(portal.world));
    const page = await portal.openPage();
    await page.goto(`/verify/${id}`);
    await page.locator('[data-verdict="VALID"]').waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Valid", exact: true }).isVisible()).to.equal(true);
    expect(await page.locator("[data-fragment]").count()).to.equal(4);
    expect(await page.locator('[data-fragment="ISSUER_IDENTITY"]').innerText()).to.contain("Passed");
    const facts = page.locator('[data-facts="certificate"]');
    await facts.waitFor();
    expect(await facts.innerText()).to.contain("11070 KGM");
    expect(await page.getByText("Karachi Chamber of Commerce", { exact: false }).first().isVisible()).to.equal(true);
    await page.locator('.timeline [data-event="CertificateIssued"]').waitFor();
    await portal.screenshot(page, "verify-valid");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download signed receipt" }).click(),
    ]);
    const receipt = await readFile(await download.path(), "utf8");
    expect(receipt.split(".")).to.have.length(3);
    const claims = decodeJwt(receipt) as { sub: string; verification: { status: string } };
    expect(claims.sub).to.equal(id);
    expect(claims.verification.status).to.equal("VALID");

    await page.setViewportSize(TABLET);
    await portal.screenshot(page, "verify-valid-tablet");
  });

  it("verifies an ePhyto dropped in as its SPS XML file", async function () {
    const id = await portal.issue(phytoFrom(portal.world), portal.tokens.nppoKE);
    const xml = await call(`${portal.api.url}/v1/certificates/${id}/document`, {
      token: portal.tokens.nppoKE,
      headers: { accept: "application/xml" },
    });
    expect(xml.status, xml.text).to.equal(200);
    const file = path.join(scratch, "ephyto.xml");
    await writeFile(file, xml.text);
    const page = await portal.openPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Verify a certificate" }).waitFor();
    await portal.screenshot(page, "verify-home");
    await page.locator('input[type="file"]').first().setInputFiles(file);
    await page.locator('[data-verdict="VALID"]').waitFor();
    const facts = page.locator('[data-facts="certificate"]');
    await facts.waitFor();
    expect(await facts.innerText()).to.contain("Phytosanitary certificate");
  });

  it("says Not valid for a revoked certificate, and shows the importing customs the revocation's reason", async function () {
    const id = await portal.issue(cooFrom(portal.world));
    await revoke(id);
    await portal.gateway.context.indexer.catchUp();
    const page = await portal.openPage({ token: portal.tokens.customsDE });
    await page.goto(`/verify/${id}`);
    await page.locator('[data-verdict="INVALID"]').waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Not valid" }).isVisible()).to.equal(true);
    expect(await page.locator('[data-fragment="DOCUMENT_STATUS"]').innerText()).to.contain("Failed");
    const revoked = page.locator('.timeline [data-event="CertificateRevoked"]');
    await revoked.waitFor();
    expect(await revoked.innerText()).to.contain("Fraud or forgery suspected");
    await portal.screenshot(page, "verify-revoked");
  });

  it("says Not valid for a tampered document and names the check that failed", async function () {
    const id = await portal.issue(cooFrom(portal.world));
    const stored = await call(`${portal.api.url}/v1/certificates/${id}/document`, { token: portal.tokens.chamber });
    expect(stored.status, stored.text).to.equal(200);
    const { document, salt } = stored.body as { document: { certifiedQuantity: { value: string } }; salt: string };
    document.certifiedQuantity.value = "99000";
    const file = path.join(scratch, "tampered-coo.json");
    await writeFile(file, JSON.stringify({ document, salt }, null, 2));
    const page = await portal.openPage();
    await page.goto("/");
    await page.locator('input[type="file"]').first().setInputFiles(file);
    await page.locator('[data-verdict="INVALID"]').waitFor();
    expect(await page.locator('[data-fragment="DOCUMENT_INTEGRITY"]').innerText()).to.contain("Failed");
    await portal.screenshot(page, "verify-tampered");
  });

  it("says Cannot check now, never Not valid, when the registry cannot be reached", async function () {
    const id = await portal.issue(cooFrom(portal.world));
    let offline: TestGateway | undefined;
    let offlineApi: TestApi | undefined;
    try {
      offline = await openTestGateway(portal.chain, { rpcUrl: `http://127.0.0.1:${await freePort()}` });
      offlineApi = await startTestApi(offline, { config: { portalDirectory: portal.portalDirectory } });
      const page = await portal.openPage({ baseUrl: offlineApi.url });
      await page.goto(`/verify/${id}`);
      await page.locator('[data-verdict="UNAVAILABLE"]').waitFor();
      expect(await page.getByRole("heading", { level: 2, name: "Cannot check now" }).isVisible()).to.equal(true);
      const text = await page.locator("main").innerText();
      expect(text).to.contain("This does not mean the certificate is invalid");
      expect(text).not.to.contain("Not valid");
      await portal.screenshot(page, "verify-unavailable");
    } finally {
      await offlineApi?.close();
      await offline?.dispose();
    }
  });

  it("shows a revocation live on a verify page that is already open", async function () {
    const id = await portal.issue(cooFrom(portal.world));
    const page = await portal.openPage();
    await page.goto(`/verify/${id}`);
    await page.locator('[data-verdict="VALID"]').waitFor();
    await page.locator('[data-live="live"]').waitFor();
    await revoke(id);
    await page.locator('[data-verdict="INVALID"]').waitFor({ timeout: 30_000 });
    expect(await page.locator(".result").innerText()).to.contain("The registry just recorded a change");
    expect(await verdictOf(page)).to.equal("INVALID");
    await page.locator('.timeline [data-event="CertificateRevoked"]').waitFor();
    await portal.screenshot(page, "verify-live-revocation");
  });

  it("serves the portal page for any page address, under a content security policy, but keeps API and asset paths answering 404", async function () {
    const page = await call(`${portal.api.url}/verify/0x${"ab".repeat(32)}`, { headers: { accept: "text/html" } });
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('<div id="app">');
    expect(page.headers.get("content-security-policy")).to.contain("script-src 'self'");
    const home = await call(`${portal.api.url}/`, { headers: { accept: "text/html" } });
    expect(home.headers.get("content-security-policy")).to.contain("frame-ancestors 'none'");
    const api = await call(`${portal.api.url}/v1/nothing-here`, { headers: { accept: "text/html" } });
    expect(api.status).to.equal(404);
    expect(api.type).to.contain("application/problem+json");
    expect((await call(`${portal.api.url}/assets/missing.js`, { headers: { accept: "text/html" } })).status).to.equal(
      404,
    );
  });
});
