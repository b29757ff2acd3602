/**
 * Issues certificates from files: each XML or JSON file one certificate (a JSON list: one per
 * element), a few at a time, reporting progress. Sending a file again is harmless: the gateway
 * answers a document it has already issued with the first answer instead of issuing it twice.
 */
import { ApiError, messageOf, must } from "../api/api-error";
import type { Api } from "../api/client";
import type { BatchIssued, CertificateDocument } from "../api/types";

export interface FileOutcome {
  /** The file, and the element of a JSON list when the file holds several documents. */
  name: string;
  certificateId?: string;
  /** CONFIRMED once on the registry; PENDING or SENT while the gateway is still getting it there. */
  status?: string;
  error?: string;
}

interface Item {
  name: string;
  xml?: string;
  json?: Record<string, unknown>;
}

const PARALLEL = 3;

/** The documents in the files, or, for a file that cannot be read, its outcome. */
async function itemsOf(files: readonly File[]): Promise<(Item | FileOutcome)[]> {
  const items: (Item | FileOutcome)[] = [];
  for (const file of files) {
    const name = file.webkitRelativePath || file.name;
    const text = (await file.text()).replace(/^\uFEFF/, "").trim();
    if (text.startsWith("<")) {
      items.push({ name, xml: text });
      continue;
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      const list = Array.isArray(parsed) ? parsed : [parsed];
      list.forEach((json, index) =>
        items.push({ name: list.length > 1 ? `${name} [${index + 1}]` : name, json: json as Record<string, unknown> }),
      );
    } catch {
      items.push({ name, error: "Not a certificate file: give e-CoO or ePhyto XML, or a JSON document." });
    }
  }
  return items;
}

const isItem = (entry: Item | FileOutcome): entry is Item => "xml" in entry || "json" in entry;

async function issueOne(api: Api, item: Item): Promise<FileOutcome> {
  try {
    const issued = item.xml
      ? await must(
          api.POST("/v1/certificates", {
            body: item.xml,
            headers: { "content-type": "application/xml" },
            bodySerializer: (body) => body,
          }),
        )
      : await must(api.POST("/v1/certificates", { body: item.json as CertificateDocument }));
    return { name: item.name, certificateId: issued.certificateId, status: issued.status };
  } catch (failure) {
    return { name: item.name, error: messageOf(failure) };
  }
}

/** One certificate per document, PARALLEL at a time; `progress` after each. */
export async function issueFiles(
  api: Api,
  files: readonly File[],
  progress: (done: number, total: number) => void,
): Promise<FileOutcome[]> {
  const entries = await itemsOf(files);
  const outcomes: FileOutcome[] = new Array<FileOutcome>(entries.length);
  let next = 0;
  let done = 0;
  progress(0, entries.length);
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index];
      outcomes[index] = isItem(entry) ? await issueOne(api, entry) : entry;
      progress(++done, entries.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return outcomes;
}

/** All the JSON documents under one Merkle root (POST /v1/certificates/batch): one registry transaction. */
export async function issueAsBatch(
  api: Api,
  files: readonly File[],
): Promise<{ outcomes: FileOutcome[]; root?: string }> {
  const entries = await itemsOf(files);
  const unreadable = entries.filter((entry) => !isItem(entry));
  const items = entries.filter(isItem);
  const xml = items.filter((item) => item.xml);
  if (unreadable.length > 0 || xml.length > 0) {
    const note = "A batch takes JSON documents only; issue XML files one by one (leave “one batch” unticked).";
    return {
      outcomes: [...unreadable, ...xml.map((item) => ({ name: item.name, error: note }))],
    };
  }
  try {
    const batch = (await must(
      api.POST("/v1/certificates/batch", {
        body: { documents: items.map((item) => item.json as CertificateDocument) },
      }),
    )) as Partial<BatchIssued>;
    const certificates = batch.certificates ?? [];
    return {
      root: batch.root,
      outcomes: items.map((item, index) => ({
        name: item.name,
        certificateId: certificates[index]?.certificateId,
        status: batch.status,
      })),
    };
  } catch (failure) {
    const error = failure instanceof ApiError ? failure.message : messageOf(failure);
    return { outcomes: items.map((item) => ({ name: item.name, error })) };
  }
}
