/**
 * What the browser tests share: a real chain, gateway and API serving a fresh build of the
 * portal, the test world's tokens, and Debian's Chromium driven through playwright-core.
 * Screenshots go to .test-output/screenshots/.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildPortal } from "../../portal/build.js";
import { startTestApi, type TestApi } from "../fixtures/api.js";
import { call } from "../integration/api/api-helpers.js";
import {
  openTestGateway,
  seedAuthorities,
  startTestChain,
  type TestChain,
  type TestGateway,
  type World,
} from "../fixtures/gateway.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SCREENSHOTS = path.join(ROOT, ".test-output", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const LAPTOP = { width: 1366, height: 900 };
export const TABLET = { width: 820, height: 1180 };

export interface PortalWorld {
  chain: TestChain;
  gateway: TestGateway;
  world: World;
  api: TestApi;
  browser: Browser;
  portalDirectory: string;
  tokens: Record<"chamber" | "nppoKE" | "customsDE" | "nppoNL" | "auditor" | "accreditorPK", string>;
  /** A new browser tab, signed in with `token` (kept in sessionStorage as the sign-in page keeps it) or not. */
  openPage(options?: { token?: string; viewport?: { width: number; height: number }; baseUrl?: string }): Promise<Page>;
  /** Issues `document` through the API (the chamber's token unless another is given); resolves once indexed, to its id. */
  issue(document: object, token?: string): Promise<string>;
  /** Saves a full-page screenshot as .test-output/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startPortalWorld(name: string): Promise<PortalWorld> {
  const portalDirectory = await buildPortal({ outDir: path.join(ROOT, ".test-output", `portal-${name}`), quiet: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  const chain = await startTestChain();
  const gateway = await openTestGateway(chain);
  const contexts: BrowserContext[] = [];
  let api: TestApi | undefined;
  let browser: Browser | undefined;
  try {
    const world = await seedAuthorities(gateway);
    await gateway.context.indexer.catchUp();
    await gateway.notifier.runOnce();
    // The indexer, outbox worker and notifier run as in production: pages see changes through them.
    gateway.start();
    api = await startTestApi(gateway, { config: { portalDirectory } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
    });
    const started = { api, browser };
    const tokens = {
      chamber: await api.tokenFor(world.chamberPK, "issuer"),
      nppoKE: await api.tokenFor(world.nppoKE, "issuer"),
      customsDE: await api.tokenFor(world.customsDE, "customs"),
      nppoNL: await api.tokenFor(world.nppoNL, "nppo"),
      auditor: await api.tokenFor(world.auditor, "auditor"),
      accreditorPK: await api.token({ subject: "accreditor-pk", role: "accreditor", country: "PK" }),
    };
    return {
      chain,
      gateway,
      world,
      api,
      browser,
      portalDirectory,
      tokens,
      async openPage(options = {}) {
        const context = await started.browser.newContext({
          viewport: options.viewport ?? LAPTOP,
          baseURL: options.baseUrl ?? started.api.url,
          acceptDownloads: true,
        });
        contexts.push(context);
        if (options.token) {
          await context.addInitScript(
            (token: string) => sessionStorage.setItem("tradeseal.token", token),
            options.token,
          );
        }
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        return page;
      },
      async issue(document, token = tokens.chamber) {
        const reply = await call(`${started.api.url}/v1/certificates`, { token, json: document });
        expect(reply.status, reply.text).to.equal(201);
        await gateway.context.indexer.catchUp();
        return reply.body.certificateId as string;
      },
      async screenshot(page, file) {
        await page.screenshot({ path: path.join(SCREENSHOTS, `${file}.png`), fullPage: true });
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => undefined);
        await started.browser.close();
        await started.api.close();
        await gateway.dispose();
        await chain.node.stop();
        await rm(portalDirectory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await api?.close();
    await gateway.dispose();
    await chain.node.stop();
    throw error;
  }
}
