import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import type { Page } from "playwright-core";
import { cooFrom, phytoFrom, uniqueNumber } from "../fixtures/gateway.js";
import { call } from "../integration/api/api-helpers.js";
import { startPortalWorld, TABLET, type PortalWorld } from "./portal-world.js";

describe("Portal in a real browser: the consoles of issuers, customs, auditors and accreditors", function () {
  let portal: PortalWorld;
  let scratch: string;

  before(async function () {
    portal = await startPortalWorld("consoles");
    scratch = await mkdtemp(path.join(os.tmpdir(), "tradeseal-e2e-"));
  });

  after(async function () {
    await portal?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  /** Waits for the notice a console shows after an action, saying `text`. */
  async function notice(page: Page, kind: "success" | "error", text: string): Promise<void> {
    await page.locator(`.notice-${kind}`, { hasText: text }).waitFor();
  }

  it("signs in with a pasted token and opens the console of the token's role", async function () {
    const page = await portal.openPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Your access token").fill(portal.tokens.chamber);
    await portal.screenshot(page, "sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Issuer console" }).waitFor();
    expect(new URL(page.url()).pathname).to.equal("/issuer");
    await page.getByText("Karachi Chamber of Commerce").first().waitFor();
    expect(await page.locator(".who").innerText()).to.contain("Issuer · PK");
  });

  it("issues a certificate from the form", async function () {
    const page = await portal.openPage({ token: portal.tokens.chamber });
    await page.goto("/issuer");
    await page.getByRole("tab", { name: "Issue from a form" }).click();
    const number = uniqueNumber("PK-KCCI-FORM");
    await page.getByLabel("Certificate number").fill(number);
    await page.getByLabel("Exporter", { exact: true }).fill("Indus Home Textiles (Pvt.) Ltd.");
    await page.getByLabel("Consignee (importer)").fill("Rheinland Heimtextil GmbH");
    await page.getByLabel("Consignee's country").fill("DE");
    await page.getByLabel("Importing country").fill("DE");
    await page.getByLabel("Description").fill("Bed sheets of cotton percale");
    await page.getByLabel("HS code").fill("6302.31");
    await page.getByLabel("Certified quantity").fill("8120");
    await page.getByText("The document as JSON (what is sent)").click();
    expect(await page.locator("pre.json").innerText()).to.contain(number);
    await portal.screenshot(page, "issuer-form");
    await page.getByRole("button", { name: "Issue certificate" }).click();
    await notice(page, "success", "Issued and anchored on the registry");
  });

  it("issues a folder of files one by one with a progress bar, then two files as one batch", async function () {
    const folder = path.join(scratch, "to-issue");
    await mkdir(folder);
    for (let i = 1; i <= 3; i++) {
      await writeFile(path.join(folder, `coo-${i}.json`), JSON.stringify(cooFrom(portal.world)));
    }
    const page = await portal.openPage({ token: portal.tokens.chamber });
    await page.goto("/issuer");
    await page.getByRole("tab", { name: "Upload files" }).click();
    await page.locator("input[webkitdirectory]").setInputFiles(folder);
    await page.getByText("3 files ready").waitFor();
    await page.getByRole("button", { name: "Issue 3 certificates" }).click();
    await page.getByText("Done: 3 issued, 0 refused").waitFor();
    expect(await page.locator("progress").getAttribute("value")).to.equal("3");
    expect(await page.locator('[data-outcome="issued"]').count()).to.equal(3);
    await portal.screenshot(page, "issuer-upload");

    const batch = [1, 2].map((i) => path.join(scratch, `batch-${i}.json`));
    for (const file of batch) await writeFile(file, JSON.stringify(cooFrom(portal.world)));
    await page.locator("input[type=file][multiple]:not([webkitdirectory])").setInputFiles(batch);
    await page.getByLabel(/Anchor them together as one batch/).check();
    await page.getByRole("button", { name: "Issue 2 certificates" }).click();
    await page.getByText("Done: 2 issued, 0 refused").waitFor();
    expect(await page.getByText("Batch root").isVisible()).to.equal(true);
  });

  it("lists its own certificates and revokes one with a reason", async function () {
    const id = await portal.issue(cooFrom(portal.world));
    const page = await portal.openPage({ token: portal.tokens.chamber });
    await page.goto("/issuer");
    const row = page.locator(`tr[data-certificate="${id}"]`);
    await row.waitFor();
    await portal.screenshot(page, "issuer-list");
    await row.getByRole("button", { name: /^Revoke/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason").selectOption({ label: "Issued in error" });
    await dialog.getByLabel("Explanation (optional)").fill("Issued twice for one shipment");
    await dialog.getByRole("button", { name: "Revoke for good" }).click();
    await notice(page, "success", "Revoked");
    await row.getByText("Revoked").waitFor();
  });

  it("replaces a certificate with a corrected one, and the old one's verify page links to its replacement", async function () {
    const id = await portal.issue(cooFrom(portal.world));
    const page = await portal.openPage({ token: portal.tokens.chamber });
    await page.goto("/issuer");
    await page
      .locator(`tr[data-certificate="${id}"]`)
      .getByRole("button", { name: /^Replace/ })
      .click();
    const dialog = page.getByRole("dialog");
    const json = dialog.getByLabel("Corrected document (JSON)");
    await page.waitForFunction(() => (document.querySelector("dialog textarea") as HTMLTextAreaElement).value !== "");
    const corrected = JSON.parse(await json.inputValue()) as { certificateNumber: string; remarks?: string };
    corrected.certificateNumber = uniqueNumber("PK-KCCI-CORRECTED");
    corrected.remarks = "Consignee address corrected";
    await json.fill(JSON.stringify(corrected, null, 2));
    await dialog.getByLabel("Reason").selectOption({ label: "Data wrong or incomplete" });
    await dialog.getByRole("button", { name: "Replace" }).click();
    await notice(page, "success", "Replaced");

    await page.goto(`/verify/${id}`);
    await page.locator('[data-verdict="INVALID"]').waitFor();
    const replacement = page.locator('[data-facts="certificate"]').getByRole("link");
    await replacement.waitFor();
    await replacement.click();
    await page.locator('[data-verdict="VALID"]').waitFor();
    expect(await page.locator('[data-facts="certificate"]').innerText()).to.contain("Replaces");
  });

  it("works from the keyboard: a skip link, tabs moved with arrow keys, a dialog that Escape closes", async function () {
    const id = await portal.issue(cooFrom(portal.world));
    const page = await portal.openPage({ token: portal.tokens.chamber });
    await page.goto("/issuer");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal("Skip to content");
    await page.getByRole("tab", { name: "My certificates" }).focus();
    await page.keyboard.press("ArrowRight");
    const form = page.getByRole("tab", { name: "Issue from a form" });
    expect(await form.getAttribute("aria-selected")).to.equal("true");
    expect(await form.evaluate((tab) => tab === document.activeElement)).to.equal(true);
    await page.keyboard.press("ArrowLeft");
    const revoke = page.locator(`tr[data-certificate="${id}"]`).getByRole("button", { name: /^Revoke/ });
    await revoke.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    expect(await revoke.evaluate((button) => button === document.activeElement)).to.equal(true);
  });

  it("lets importing customs accept a certificate, draw it down against a declaration, and shows a refused overdraw", async function () {
    const id = await portal.issue(cooFrom(portal.world, "DE"));
    const page = await portal.openPage({ token: portal.tokens.customsDE });
    await page.goto("/incoming");
    const row = page.locator(`tr[data-certificate="${id}"]`);
    await row.waitFor();
    await row.getByRole("button", { name: /^Accept/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Accept" }).click();
    await notice(page, "success", "Accepted");
    await row.locator(".badge", { hasText: "Accepted" }).waitFor();

    await row.getByRole("button", { name: /^Draw down/ }).click();
    let dialog = page.getByRole("dialog");
    await dialog.getByLabel("Import declaration reference (MRN)").fill("26DE123456789012A1");
    await dialog.getByLabel(/^Amount/).fill("2500.5");
    await dialog.getByLabel("Invoice value declared (optional)").fill("42000");
    await dialog.getByLabel("Currency").fill("EUR");
    await dialog.getByRole("button", { name: "Draw down" }).click();
    await notice(page, "success", "Drew down 2500.5 KGM");
    await row.getByText("8569.5 of 11070 KGM").waitFor();
    await portal.screenshot(page, "incoming");

    await row.getByRole("button", { name: /^Draw down/ }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Import declaration reference (MRN)").fill("26DE123456789012B2");
    await dialog.getByLabel(/^Amount/).fill("9000");
    await dialog.getByRole("button", { name: "Draw down" }).click();
    const refusal = await dialog.locator(".notice-error").innerText();
    expect(refusal).to.match(/left|exceed/i);
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.setViewportSize(TABLET);
    await portal.screenshot(page, "incoming-tablet");
  });

  it("opens a consignment by its UCR with the pre-filled declaration draft, and flags what its certificates disagree on", async function () {
    const ucr = uniqueNumber("6NL-UCR");
    const coo = await portal.issue({ ...cooFrom(portal.world, "NL"), ucr });
    const phyto = await portal.issue({ ...phytoFrom(portal.world), ucr }, portal.tokens.nppoKE);
    const customsNL = await portal.api.tokenFor(portal.world.customsNL, "customs");
    const page = await portal.openPage({ token: customsNL });
    await page.goto("/incoming");
    await page.getByLabel("Open a consignment by its reference (UCR)").fill(ucr);
    await page.getByRole("button", { name: "Open consignment" }).click();
    await page.getByRole("heading", { level: 1, name: `Consignment ${ucr}` }).waitFor();
    await page.locator(`li[data-certificate="${coo}"]`).waitFor();
    await page.locator(`li[data-certificate="${phyto}"]`).waitFor();
    await page.getByRole("heading", { name: "Declaration draft" }).waitFor();
    expect(await page.locator("main").innerText()).to.contain("Rheinland Heimtextil GmbH");
    await portal.screenshot(page, "consignment");

    const auditor = await portal.openPage({ token: portal.tokens.auditor });
    await auditor.goto(`/consignments/${encodeURIComponent(ucr)}`);
    await auditor.locator('[data-disagreement="consignee.name"]').waitFor();
    await portal.screenshot(auditor, "consignment-disagreements");
  });

  it("gives auditors search, a certificate's full history with CSV export, and the anomaly list", async function () {
    const id = await portal.issue(cooFrom(portal.world, "DE"));
    const overdraw = await call(`${portal.api.url}/v1/certificates/${id}/drawdowns`, {
      token: portal.tokens.customsDE,
      json: { declarationReference: "26DE-OVER-1", amount: "20000" },
    });
    expect(overdraw.status, overdraw.text).to.be.oneOf([409, 422, 400]);
    const page = await portal.openPage({ token: portal.tokens.auditor });
    await page.goto("/audit");
    const row = page.locator(`tr[data-certificate="${id}"]`);
    await row.waitFor();
    await row.getByRole("button", { name: /^Full history/ }).click();
    await page.locator("table.dense").getByText("Issued").first().waitFor();
    await portal.screenshot(page, "audit-history");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).to.match(/^certificate-0x[0-9a-f]{8}-history\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.split("\n")[0]).to.contain("event");
    expect(csv).to.contain("CertificateIssued");

    await page.getByRole("tab", { name: "Anomalies" }).click();
    await page.locator('[data-anomaly="OVER_DRAW_ATTEMPT"]').first().waitFor();
    await portal.screenshot(page, "audit-anomalies");
  });

  it("gives the accreditor its country's authorities: register one, suspend and reinstate it, rotate a key", async function () {
    const page = await portal.openPage({ token: portal.tokens.accreditorPK });
    await page.goto("/authorities");
    await page.getByRole("heading", { level: 1, name: "Authorities of PK" }).waitFor();
    await page.locator(`tr[data-authority="${portal.world.chamberPK.authorityId}"]`).waitFor();

    await page.getByLabel("Name").fill("Lahore Chamber of Commerce and Industry");
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await notice(page, "success", "Registered");
    const lahore = page.locator("tr", { hasText: "Lahore Chamber of Commerce and Industry" });
    await lahore.waitFor();

    await lahore.getByRole("button", { name: /^Suspend/ }).click();
    await page.getByRole("dialog").getByLabel("Reason").selectOption({ label: "Data wrong or incomplete" });
    await page.getByRole("dialog").getByRole("button", { name: "Suspend" }).click();
    await notice(page, "success", "suspended");
    await lahore.getByText("Suspended").waitFor();
    await lahore.getByRole("button", { name: /^Reinstate/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Reinstate" }).click();
    await lahore.getByText("Accredited").waitFor();

    const karachi = page.locator(`tr[data-authority="${portal.world.chamberPK.authorityId}"]`);
    await karachi.getByRole("button", { name: /^Signing keys/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("ul.keys li").first().waitFor();
    await dialog.getByRole("button", { name: "Rotate key" }).click();
    await notice(page, "success", "Rotated the key");
    await portal.screenshot(page, "accreditor");
  });
});
