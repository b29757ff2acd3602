import { expect } from "chai";
import { readXml } from "../../../src/adapters/formats/xml/read-xml.js";
import { ValidationError } from "../../../src/domain/errors.js";

/** The ValidationError `read` throws; fails the test when it throws nothing or something else. */
function rejection(read: () => unknown): ValidationError {
  try {
    read();
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return error as ValidationError;
  }
  expect.fail("the XML was accepted");
}

describe("safe XML reading", function () {
  it("reads namespaces, local names, attributes, text and element paths", function () {
    const root = readXml(
      '<?xml version="1.0" encoding="UTF-8"?><a:root xmlns:a="urn:a" xmlns="urn:b"><item n="1">x &amp; y</item>' +
        "<item><![CDATA[<raw>]]></item><!-- a comment --></a:root>",
    );
    expect(root).to.include({ namespace: "urn:a", name: "root", path: "/a:root" });
    expect(root.children.map((child) => [child.namespace, child.name, child.text, child.path])).to.deep.equal([
      ["urn:b", "item", "x & y", "/a:root/item"],
      ["urn:b", "item", "<raw>", "/a:root/item[2]"],
    ]);
    expect(root.children[0].attributes).to.deep.equal({ n: "1" });
  });

  it("reads UTF-8 bytes, with or without a byte order mark", function () {
    const bytes = new TextEncoder().encode("\uFEFF<r>Zürich 芒果</r>");
    expect(readXml(bytes).text).to.equal("Zürich 芒果");
  });

  it("rejects an external entity (XXE) without reading the file it names", function () {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>';
    const error = rejection(() => readXml(xxe));
    expect(error.message)
      .to.match(/DOCTYPE/)
      .and.match(/without its <!DOCTYPE/);
    expect(error.message).not.to.match(/root:/);
  });

  it("rejects a billion-laughs entity expansion before anything is expanded", function () {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><lolz>&lol9;</lolz>`;
    const started = performance.now();
    expect(rejection(() => readXml(bomb)).message).to.match(/DOCTYPE/);
    expect(performance.now() - started).to.be.below(1000);
  });

  it("rejects a DOCTYPE even when it declares nothing", function () {
    expect(rejection(() => readXml("<!DOCTYPE r><r/>")).message).to.match(/DOCTYPE declaration, which is not accepted/);
  });

  it("rejects a reference to an entity that is not declared", function () {
    expect(rejection(() => readXml("<r>&secret;</r>")).message).to.match(/not well-formed: .*undefined entity/);
  });

  it("rejects a processing instruction other than the XML declaration", function () {
    const error = rejection(() => readXml('<?xml-stylesheet href="http://example.org/x.xsl"?><r/>'));
    expect(error.message).to.match(/processing instruction <\?xml-stylesheet/);
  });

  it("rejects XML nested 10,000 levels deep at the depth limit", function () {
    const deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
    expect(rejection(() => readXml(deep)).message).to.match(/nests elements more than 64 deep/);
  });

  it("takes a depth limit of its own", function () {
    const nested = "<a><b><c/></b></a>";
    expect(readXml(nested, { maxBytes: 1000, maxDepth: 3 }).name).to.equal("a");
    expect(rejection(() => readXml(nested, { maxBytes: 1000, maxDepth: 2 })).message).to.match(
      /more than 2 deep \(at <c>\)/,
    );
  });

  it("rejects a 50 MB body on its size, before parsing it", function () {
    const body = `<r>${"x".repeat(50 * 1024 * 1024)}</r>`;
    const started = performance.now();
    const error = rejection(() => readXml(body));
    expect(error.message).to.match(/larger than 5242880 bytes/);
    expect(error.details).to.deep.equal({ maxBytes: 5 * 1024 * 1024 });
    expect(rejection(() => readXml(new TextEncoder().encode(body))).message).to.match(/larger than/);
    expect(performance.now() - started).to.be.below(2000);
  });

  it("measures a string's size in UTF-8 bytes", function () {
    const xml = `<r>${"é".repeat(600)}</r>`;
    expect(rejection(() => readXml(xml, { maxBytes: 1000, maxDepth: 8 })).message).to.match(/larger than 1000 bytes/);
  });

  it("rejects bytes that are not UTF-8, and a declared encoding other than UTF-8", function () {
    expect(
      rejection(() => readXml(Uint8Array.from([0x3c, 0x72, 0x3e, 0xff, 0x3c, 0x2f, 0x72, 0x3e]))).message,
    ).to.match(/not valid UTF-8/);
    const latin1 = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><r/>');
    expect(rejection(() => readXml(latin1)).message).to.match(/declares encoding "ISO-8859-1"/);
  });

  it("rejects XML that is not well-formed, saying where", function () {
    expect(rejection(() => readXml("<r><a></r>")).message).to.match(/not well-formed: 1:\d+/);
    expect(rejection(() => readXml("<p:r/>")).message).to.match(/unbound namespace prefix/);
    expect(rejection(() => readXml("   ")).message).to.match(/not well-formed|no root element/);
  });
});
