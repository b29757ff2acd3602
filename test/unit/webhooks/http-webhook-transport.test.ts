import { createServer, type IncomingMessage, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { createHttpWebhookTransport } from "../../../src/adapters/webhooks/http-webhook-transport.js";
import { UnavailableError } from "../../../src/domain/errors.js";
import { rejectionOf } from "../../fixtures/rejection-of.js";

describe("Webhook deliveries over HTTP, to public addresses only unless allowed", function () {
  let server: Server;
  let port: number;
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];

  before(async function () {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
  });

  after(function () {
    server.close();
  });

  const delivery = (url: string) => ({
    url,
    eventId: "evt_1",
    body: '{"a":1}',
    secret: "s3cret",
    timestamp: 1_700_000_000,
  });

  it("refuses loopback, private and link-local literals and names that resolve to them, sending nothing", async function () {
    const transport = createHttpWebhookTransport();
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      `http://localhost:${port}/hook`,
      "http://169.254.169.254/latest/meta-data",
      "http://10.1.2.3/hook",
      "http://[::1]:9/hook",
    ]) {
      const error = await rejectionOf(transport.post(delivery(url)));
      expect(error, url).to.be.instanceOf(UnavailableError);
      expect(error.message, url).to.match(/loopback, private or link-local address/);
    }
    expect(received).to.deep.equal([]);
  });

  it("delivers the signed body when private addresses are allowed (a closed network)", async function () {
    const transport = createHttpWebhookTransport({ allowPrivateAddresses: true });
    const { status } = await transport.post(delivery(`http://localhost:${port}/hook`));
    expect(status).to.equal(204);
    expect(received).to.have.length(1);
    expect(received[0].body).to.equal('{"a":1}');
    expect(received[0].headers["tradeseal-event-id"]).to.equal("evt_1");
    expect(received[0].headers["tradeseal-signature"]).to.match(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });

  it("says the endpoint gave no answer when nothing listens", async function () {
    const transport = createHttpWebhookTransport({ allowPrivateAddresses: true, timeoutMs: 2_000 });
    const error = await rejectionOf(transport.post(delivery("http://127.0.0.1:9/hook")));
    expect(error).to.be.instanceOf(UnavailableError);
    expect(error.message).to.include("ECONNREFUSED");
  });
});
