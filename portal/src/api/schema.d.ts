/**
 * The gateway API's types, generated from its OpenAPI document by portal/scripts/api-types.ts.
 * Do not edit: run `npx tsx portal/scripts/api-types.ts` after changing a route.
 */
export interface paths {
  "/healthz": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chain, storage and database each up or down, and the indexed block */
    get: operations["health"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/.well-known/jwks.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The gateway's public keys: check receipts and status lists offline */
    get: operations["jwks"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search certificates in the caller's scope
     * @description Issuers see their own certificates, customs their country's incoming CoOs, NPPOs their country's incoming ePhytos, accreditors their country's, auditors all. Newest first; follow nextCursor for the next page.
     */
    get: operations["searchCertificates"];
    put?: never;
    /**
     * Issue a certificate
     * @description Seals the document (canonical JSON + salt → SHA-256), encrypts it for the issuer, the importing side and auditors, stores it on IPFS and anchors it on chain under the issuer's signing key. Send the same document again (or the same Idempotency-Key) and you get the first answer; another document under a used number is refused (409).
     */
    post: operations["issueCertificate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A certificate's status, type, issuer, countries, links and quantity left (public) */
    get: operations["getCertificate"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every event of a certificate in chain order
     * @description Public callers get the status timeline (event, block, time, transaction, acting authority); parties who may see the certificate (issuer, importing side, auditors, accreditor of the exporting country) also get each event's arguments.
     */
    get: operations["getCertificateHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/document": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The decrypted document, for a party it was encrypted for
     * @description For the issuer, the importing customs (CoO) or NPPO (ePhyto) and auditors. `Accept: application/xml` gives the XML form. When this gateway does not hold the caller's decryption key, the answer is the encrypted JWE envelope (application/jose+json) that the caller's own key opens.
     */
    get: operations["getCertificateDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/batch": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue many certificates under one Merkle root
     * @description Up to 50000 documents of one issuer in one chain transaction; each member verifies with its proof.
     */
    post: operations["issueBatch"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/revoke": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke (final), with a reason */
    post: operations["revokeCertificate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/promote": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Give a batch member a record of its own (before it is suspended, accepted or drawn down)
     * @description For a member of a batch this gateway issued. A certificate that has a record already is refused with 409.
     */
    post: operations["promoteBatchMember"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/suspend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend until reinstated */
    post: operations["suspendCertificate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/reinstate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reinstate a suspended certificate */
    post: operations["reinstateCertificate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/accept": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept, as the importing customs (CoO) or NPPO (ePhyto) */
    post: operations["acceptCertificate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/reject": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject, as the importing customs (CoO) or NPPO (ePhyto), with a reason */
    post: operations["rejectCertificate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/drawdowns": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Draw down a CoO's quantity against an import declaration
     * @description Importing customs only. Refused (and recorded for auditors) when more is asked than is left.
     */
    post: operations["drawDown"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/replace": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace with a corrected certificate (both linked on chain) */
    post: operations["replaceCertificate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/verify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify a certificate: by id, by document (JSON or XML), or a batch member with its proof
     * @description Answers with the fragments DOCUMENT_INTEGRITY, DOCUMENT_STATUS, ISSUER_IDENTITY and USAGE, each VALID / INVALID / SKIPPED / UNAVAILABLE with a reason, and the overall verdict. UNAVAILABLE means it cannot be checked now (chain or storage unreachable) — never that the certificate is invalid. With `Accept: application/jose` or `?receipt=jws` the answer is a JWS (typ tradeseal-receipt+jwt) signed by the gateway, checkable offline against /.well-known/jwks.json. No token needed; public callers learn status and integrity only.
     */
    post: operations["verify"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/authorities": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accredited authorities (public trust list) */
    get: operations["listAuthorities"];
    put?: never;
    /** Register an authority of the accreditor's country */
    post: operations["registerAuthority"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/authorities/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An authority, its accreditation and signing keys (public) */
    get: operations["getAuthority"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/authorities/{id}/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What an authority did and every event of its certificates, in chain order
     * @description For auditors, admins, the accreditor of the authority's country and the authority itself.
     */
    get: operations["getAuthorityHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/authorities/{id}/suspend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend an authority (its certificates stay as they are; it cannot issue) */
    post: operations["suspendAuthority"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/authorities/{id}/reinstate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reinstate a suspended authority */
    post: operations["reinstateAuthority"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/authorities/{id}/keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a signing key (a new one made in this gateway's key ring when `key` is left out) */
    post: operations["addSigningKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/authorities/{id}/keys/rotate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a signing key: the old one ends, the new one starts (made here when `newKey` is left out) */
    post: operations["rotateSigningKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/authorities/{id}/keys/revoke": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a signing key at once (e.g. compromised) */
    post: operations["revokeSigningKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/credential": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The certificate as a W3C Verifiable Credential 2.0 (VC-JWT, ES256K under the issuing authority's key)
     * @description For parties the document is encrypted for. The credential carries the document and its salt, so its holder can prove it against the anchored digest anywhere (POST /v1/verify with Content-Type application/vc+jwt); its credentialStatus points to this gateway's Bitstring Status Lists, which follow the chain.
     */
    get: operations["exportCredential"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/status-lists/{listId}/{purpose}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A Bitstring Status List credential (revocation or suspension), signed by the gateway */
    get: operations["statusList"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/consignments/{ucr}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every certificate of a consignment (CoO, ePhyto…), each with its verification
     * @description For the certificates' issuers (their own), the customs and NPPO of the importing country (all of the consignment's) and auditors; 403 when none of the consignment's certificates is the caller's to see, 404 when this gateway knows none. Oldest first; each verified by id (status, issuer, usage).
     */
    get: operations["getConsignmentCertificates"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/consignments/{ucr}/declaration-draft": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A pre-filled import declaration from the consignment's certificates that verify
     * @description For the certificates' issuers (their own), the customs and NPPO of the importing country (all of the consignment's) and auditors; 403 when none of the consignment's certificates is the caller's to see, 404 when this gateway knows none. Built only from certificates that verify VALID: consignor, consignee, countries, transport, invoices, goods lines (HS code, description, quantities, origin and criterion), the preference claim and the phyto status (accepted, treatments, additional declarations). A document is used where the caller may open it, otherwise only its registry facts. `used` and `leftOut` say which certificates went in and why others did not; `disagreements` lists every field the CoO and the ePhyto state differently, with each value and its certificate.
     */
    get: operations["getDeclarationDraft"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/certificates/{id}/qr": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A QR code carrying the certificate's verification link, for printed copies (public)
     * @description The code carries `<gateway>/verify/{id}`, the portal page that shows the certificate's verification result. SVG by default; PNG with `Accept: image/png` or `?format=png`. Public: anyone holding the paper may scan it.
     */
    get: operations["getCertificateQr"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Status changes as server-sent events
     * @description With a token (Authorization header, or `access_token` for browsers' EventSource): every status change the caller may know of — its own certificates, its country's incoming, all for auditors — plus revocations and supersessions of certificates it verified. Without a token, `certificate` is required and the stream carries that certificate's status changes only. Each event's `id` is `<block>-<logIndex>`; its `event` is the notification type. A client that reconnects with `Last-Event-ID` is first sent the events it missed (up to 1000; past that, an `replay-truncated` event says to read the histories).
     */
    get: operations["events"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/webhooks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's webhooks */
    get: operations["listWebhooks"];
    put?: never;
    /**
     * Register a webhook for status changes (HMAC-signed deliveries)
     * @description Each delivery is a POST of the notification JSON with `Tradeseal-Event-Id` and `Tradeseal-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. Any 2xx answer delivers it; otherwise it is retried with exponential backoff for about a day. The secret is shown once, here.
     */
    post: operations["registerWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/webhooks/{webhookId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove one of the caller's webhooks */
    delete: operations["removeWebhook"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/webhooks/{webhookId}/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent deliveries of one of the caller's webhooks: status, attempts, last error */
    get: operations["webhookDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/audit/anomalies": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Anomaly report
     * @description Drawdown attempts beyond the quantity left, one certificate used in two countries, invoice value declared at import far from the CoO's (default tolerance 20 %), issuance bursts (more than max(50, 5 × the issuer's median) in an hour), certificates in force from suspended issuers. Each comes with its evidence and a sentence explaining it.
     */
    get: operations["anomalies"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/audit/certificates/{id}/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export a certificate's history (JSON or CSV) */
    get: operations["exportCertificateHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/audit/authorities/{id}/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export an authority's history (JSON or CSV) */
    get: operations["exportAuthorityHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description An e-CoO (kind COO) or ePhyto (kind PHYTO) in the registry's data model. */
    CertificateDocument:
      | {
          /** @constant */
          kind: "COO";
          /** @enum {string} */
          certificateType: "COO_NONPREFERENTIAL" | "COO_PREFERENTIAL";
          certificateNumber: string;
          issueDate: string;
          validUntil: string;
          issuer: {
            authorityId: number;
            name: string;
            country: string;
            placeOfIssue?: string;
            signatoryName?: string;
            signatoryTitle?: string;
          };
          exporter: {
            name: string;
            addressLines?: string[];
            city?: string;
            postcode?: string;
            countrySubdivision?: string;
            country: string;
            identifiers?: {
              scheme: string;
              value: string;
            }[];
          };
          producer?: {
            name: string;
            addressLines?: string[];
            city?: string;
            postcode?: string;
            countrySubdivision?: string;
            country: string;
            identifiers?: {
              scheme: string;
              value: string;
            }[];
          };
          consignee: {
            name: string;
            addressLines?: string[];
            city?: string;
            postcode?: string;
            countrySubdivision?: string;
            country: string;
            identifiers?: {
              scheme: string;
              value: string;
            }[];
          };
          exportCountry: string;
          importCountry?: string;
          transport?: {
            mode?: string | number;
            conveyance?: string;
            voyageNumber?: string;
            loading?: {
              code?: string;
              name?: string;
            };
            discharge?: {
              code?: string;
              name?: string;
            };
            transitCountries?: string[];
            departureDate?: string;
            containers?: {
              number: string;
              seals?: string[];
            }[];
          };
          invoices?: {
            number: string;
            date?: string;
            value?: {
              amount: number | string;
              currency: string;
            };
          }[];
          ucr?: string;
          exportDeclaration?: string;
          replaces?: {
            certificateNumber: string;
            date?: string;
            reason?: string;
          };
          remarks?: string;
          items: {
            sequence: number;
            hsCode: string;
            quantity?: {
              value: number | string;
              unit: string;
            };
            grossWeight?: {
              value: number | string;
              unit: string;
            };
            netWeight?: {
              value: number | string;
              unit: string;
            };
            packages?: {
              count: number;
              kind: string;
              description?: string;
            }[];
            shippingMarks?: string;
            description: string;
            originCountry: string;
            originCriterion?: string;
            fobValue?: {
              amount: number | string;
              currency: string;
            };
          }[];
          certifiedQuantity: {
            value: number | string;
            unit: string;
          };
          preferenceScheme?: string;
          cumulation?: {
            type: string;
            countries?: string[];
          };
          invoicingParty?: {
            name: string;
            addressLines?: string[];
            city?: string;
            postcode?: string;
            countrySubdivision?: string;
            country: string;
            identifiers?: {
              scheme: string;
              value: string;
            }[];
          };
          backToBack?: {
            originalCertificateNumber: string;
            originalIssueDate?: string;
            originalCountry: string;
          };
          exporterDeclaration?: {
            place?: string;
            date?: string;
            signatoryName?: string;
          };
          issuedRetrospectively?: boolean;
          certifiedTrueCopy?: boolean;
          exhibition?: boolean;
          deMinimis?: boolean;
        }
      | {
          /** @constant */
          kind: "PHYTO";
          /** @enum {string} */
          certificateType: "PHYTO" | "PHYTO_REEXPORT";
          certificateNumber: string;
          issueDate: string;
          validUntil?: string;
          issuer: {
            authorityId: number;
            name: string;
            country: string;
            placeOfIssue?: string;
            signatoryName?: string;
            signatoryTitle?: string;
          };
          exporter: {
            name: string;
            addressLines?: string[];
            city?: string;
            postcode?: string;
            countrySubdivision?: string;
            country: string;
            identifiers?: {
              scheme: string;
              value: string;
            }[];
          };
          producer?: {
            name: string;
            addressLines?: string[];
            city?: string;
            postcode?: string;
            countrySubdivision?: string;
            country: string;
            identifiers?: {
              scheme: string;
              value: string;
            }[];
          };
          consignee: {
            name: string;
            addressLines?: string[];
            city?: string;
            postcode?: string;
            countrySubdivision?: string;
            country: string;
            identifiers?: {
              scheme: string;
              value: string;
            }[];
          };
          exportCountry: string;
          importCountry?: string;
          transport?: {
            mode?: string | number;
            conveyance?: string;
            voyageNumber?: string;
            loading?: {
              code?: string;
              name?: string;
            };
            discharge?: {
              code?: string;
              name?: string;
            };
            transitCountries?: string[];
            departureDate?: string;
            containers?: {
              number: string;
              seals?: string[];
            }[];
          };
          invoices?: {
            number: string;
            date?: string;
            value?: {
              amount: number | string;
              currency: string;
            };
          }[];
          ucr?: string;
          exportDeclaration?: string;
          replaces?: {
            certificateNumber: string;
            date?: string;
            reason?: string;
          };
          remarks?: string;
          items: {
            sequence: number;
            hsCode?: string;
            quantity?: {
              value: number | string;
              unit: string;
            };
            grossWeight?: {
              value: number | string;
              unit: string;
            };
            netWeight?: {
              value: number | string;
              unit: string;
            };
            packages?: {
              count: number;
              kind: string;
              description?: string;
            }[];
            shippingMarks?: string;
            description?: string;
            scientificName: string;
            commonName?: string;
            intendedUse?: string;
            placesOfOrigin: {
              country: string;
              region?: string;
              place?: string;
            }[];
          }[];
          treatments?: {
            type: string;
            chemical?: string;
            concentration?: {
              value: number | string;
              unit: string;
            };
            duration?: {
              value: number | string;
              unit: string;
            };
            temperature?: {
              value: number | string;
              unit: string;
            };
            date?: string;
            additionalInfo?: string;
            items?: number[];
          }[];
          additionalDeclarations?: {
            code?: string;
            text?: string;
          }[];
          pointOfEntry?: {
            code?: string;
            name?: string;
          };
          distinguishingMarks?: string;
          inspection?: {
            date?: string;
            place?: string;
          };
          reExport?: {
            originalCertificateNumber: string;
            originCountry: string;
            repacked?: boolean;
            newContainers?: boolean;
            additionalInspection?: boolean;
          };
        };
    VerifyRequest:
      | {
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          id: string;
        }
      | {
          document: unknown;
          salt?: string;
        }
      | {
          root: string;
          proof: string[];
          document: unknown;
          salt: string;
        };
    Health: {
      /** @enum {string} */
      status: "ok" | "degraded";
      chain: {
        up: boolean;
        block?: number;
        error?: string;
      };
      storage: {
        up: boolean;
        error?: string;
      };
      database: {
        up: boolean;
        error?: string;
      };
      index: {
        block?: number;
        behind?: number;
      };
    };
    Certificate: {
      /**
       * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
       * @example 0xabababababababababababababababababababababababababababababababab
       */
      id: string;
      /** @enum {string} */
      status: "ISSUED" | "SUSPENDED" | "REVOKED" | "SUPERSEDED" | "ACCEPTED" | "REJECTED" | "EXHAUSTED";
      /** @enum {string} */
      type: "COO_NONPREFERENTIAL" | "COO_PREFERENTIAL" | "PHYTO" | "PHYTO_REEXPORT";
      issuer: {
        id: number;
        name?: string;
        country?: string;
      };
      exportCountry: string;
      /** @description Empty when the certificate names no importing country. */
      importCountry: string;
      /** @description ISO 8601; empty when open-ended. */
      validUntil: string;
      /** @description CoO only: what is certified and what is left to draw down. */
      quantity?: {
        /**
         * @description Decimal, in the unit.
         * @example 11070
         */
        certified: string;
        drawn: string;
        left: string;
        /**
         * @description UN/ECE Rec 20 unit code.
         * @example KGM
         */
        unit: string;
      };
      /**
       * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
       * @example 0xabababababababababababababababababababababababababababababababab
       */
      supersedes?: string;
      /**
       * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
       * @example 0xabababababababababababababababababababababababababababababababab
       */
      supersededBy?: string;
      batchRoot?: string;
      issuedBlock: number;
      issuedAt: string;
      links: {
        [key: string]: string;
      };
    };
    /** @description RFC 9457 problem details. */
    Problem: {
      type: string;
      title: string;
      status: number;
      /** @description What went wrong and what to do about it. */
      detail: string;
      /** @description Stable error code, e.g. VALIDATION_FAILED, LIFECYCLE_CONFLICT. */
      code: string;
      instance: string;
      /** @description For a refused transition: the certificate's status. */
      currentStatus?: string;
      errors?: {
        path: (string | number)[];
        message: string;
      }[];
    };
    IssuedCertificate: {
      certificateId: string;
      digest: string;
      cid: string;
      /** @enum {string} */
      status: "CONFIRMED" | "PENDING" | "SENT";
      transactionHash?: string;
      blockNumber?: number;
      lastError?: string;
      links: {
        [key: string]: string;
      };
    };
    HistoryEntry: {
      block: number;
      logIndex: number;
      time: string;
      transaction: string;
      event: string;
      certificateId?: string;
      /** @description The acting authority (0: the accreditor). */
      authorityId?: number;
      args?: {
        [key: string]: string | number | boolean;
      };
    };
    ActionOutcome: {
      /** @enum {string} */
      status: "CONFIRMED" | "PENDING" | "SENT";
      idempotencyKey: string;
      transactionHash?: string;
      blockNumber?: number;
      /** @description Why it is still pending; the gateway keeps trying. */
      lastError?: string;
    };
    VerificationResult: {
      certificateId: string;
      /** @enum {string} */
      status: "VALID" | "INVALID" | "UNAVAILABLE";
      checkedAtBlock?: number;
      checkedAtTime?: number;
      fragments: {
        /** @enum {string} */
        name: "DOCUMENT_INTEGRITY" | "DOCUMENT_STATUS" | "ISSUER_IDENTITY" | "USAGE";
        /** @enum {string} */
        status: "VALID" | "INVALID" | "SKIPPED" | "UNAVAILABLE";
        reason: string;
        data?: {
          [key: string]: string | number | boolean | null;
        };
      }[];
    };
    Authority: {
      id: number;
      name: string;
      country: string;
      kind: string;
      status: string;
      certificateTypes: string[];
      registeredBlock: number;
      updatedBlock: number;
      links: {
        [key: string]: string;
      };
    };
    AuthorityWithKeys: {
      id: number;
      name: string;
      country: string;
      kind: string;
      status: string;
      certificateTypes: string[];
      registeredBlock: number;
      updatedBlock: number;
      links: {
        [key: string]: string;
      };
      signingKeys: {
        address: string;
        /** @description ISO 8601: from when the key may sign. */
        validFrom: string;
        /** @description ISO 8601: until when (exclusive); shortened by rotation or revocation. */
        validUntil: string;
        addedBlock: number;
        /** @description The block a rotation or revocation ended it at. */
        endedBlock?: number;
      }[];
    };
    ConsignmentCertificates: {
      ucr: string;
      certificates: {
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        id: string;
        /** @description Absent until its block is indexed, and for a batch member without a record of its own. */
        certificate?: components["schemas"]["Certificate"];
        verification: components["schemas"]["VerificationResult"];
      }[];
    };
    DeclarationDraft: {
      ucr: string;
      exportDeclaration?: {
        value: string;
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
      };
      consignor?: {
        value: components["schemas"]["DraftParty"];
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
      };
      consignee?: {
        value: components["schemas"]["DraftParty"];
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
      };
      exportCountry?: {
        value: string;
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
      };
      importCountry?: {
        value: string;
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
      };
      transport?: {
        /** @description The transport as the certificate states it (mode, conveyance, ports, containers…). */
        value: {
          [key: string]: unknown;
        };
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
      };
      invoices?: {
        value: {
          [key: string]: unknown;
        }[];
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
      };
      lines: {
        hsCode?: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        description?: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        quantity?: {
          value: {
            value: string;
            /** @description UN/ECE Rec 20 unit code. */
            unit: string;
          };
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        netWeight?: {
          value: {
            value: string;
            /** @description UN/ECE Rec 20 unit code. */
            unit: string;
          };
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        grossWeight?: {
          value: {
            value: string;
            /** @description UN/ECE Rec 20 unit code. */
            unit: string;
          };
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        packages?: {
          value: {
            count: number;
            kind: string;
            description?: string;
          }[];
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        originCountry?: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        originCriterion?: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        scientificName?: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        commonName?: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        intendedUse?: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        placesOfOrigin?: {
          value: {
            country: string;
            region?: string;
            place?: string;
          }[];
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        /** @description The certificate lines merged into this one (a CoO's and an ePhyto's for the same goods). */
        sources: {
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
          sequence: number;
        }[];
      }[];
      /** @description Absent when no CoO of the consignment verifies. */
      preference?: {
        /** @description Whether a preferential CoO that verifies backs the consignment. */
        claimed: boolean;
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
        scheme?: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
        cumulation?: {
          /** @description Cumulation of origin: type and countries. */
          value: {
            [key: string]: unknown;
          };
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
        };
      };
      phyto: {
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
        /** @description Registry type, e.g. COO_PREFERENTIAL or PHYTO. */
        type: string;
        status?: string;
        /** @description Acknowledged by the importing country's NPPO. */
        accepted: boolean;
        treatments?: {
          [key: string]: unknown;
        }[];
        additionalDeclarations?: {
          code?: string;
          text?: string;
        }[];
        pointOfEntry?: {
          code?: string;
          name?: string;
        };
        /** @description The re-export boxes: original certificate and what happened since. */
        reExport?: {
          [key: string]: unknown;
        };
      }[];
      /** @description Fields the certificates state differently; the draft holds the first (CoO before ePhyto). */
      disagreements: {
        /** @example consignee.name */
        field: string;
        values: {
          value: string;
          /**
           * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
           * @example 0xabababababababababababababababababababababababababababababababab
           */
          certificateId: string;
          /** @description Registry type, e.g. COO_PREFERENTIAL or PHYTO. */
          type: string;
        }[];
      }[];
      used: {
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
        /** @description Registry type, e.g. COO_PREFERENTIAL or PHYTO. */
        type: string;
        status?: string;
        certificateNumber?: string;
        issueDate?: string;
        checkedAtBlock?: number;
        /**
         * @description DOCUMENT: its contents fill the draft; REGISTRY: its document is not yours to open, so only its registry facts.
         * @enum {string}
         */
        contents: "DOCUMENT" | "REGISTRY";
        note?: string;
      }[];
      leftOut: {
        /**
         * @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash.
         * @example 0xabababababababababababababababababababababababababababababababab
         */
        certificateId: string;
        /** @description Registry type, e.g. COO_PREFERENTIAL or PHYTO. */
        type: string;
        status?: string;
        /** @enum {string} */
        verdict: "INVALID" | "UNAVAILABLE";
        reason: string;
        checkedAtBlock?: number;
      }[];
    };
    DraftParty: {
      name: string;
      addressLines?: string[];
      city?: string;
      postcode?: string;
      countrySubdivision?: string;
      country: string;
      identifiers?: {
        scheme: string;
        value: string;
      }[];
    };
    Webhook: {
      id: string;
      url: string;
      createdAt: string;
    };
    Anomaly: {
      /** @enum {string} */
      kind: "OVER_DRAW_ATTEMPT" | "USE_IN_TWO_COUNTRIES" | "INVOICE_MISMATCH" | "ISSUANCE_BURST" | "SUSPENDED_ISSUER";
      /** @enum {string} */
      severity: "LOW" | "MEDIUM" | "HIGH";
      certificateId?: string;
      authorityId?: number;
      detectedAt: string;
      block?: number;
      evidence: {
        [key: string]: unknown;
      };
      explanation: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All parts up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Health"];
        };
      };
      /** @description A part is down. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Health"];
        };
      };
    };
  };
  jwks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description JWKS. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            keys: {
              [key: string]: unknown;
            }[];
          };
        };
      };
    };
  };
  searchCertificates: {
    parameters: {
      query?: {
        status?: "ISSUED" | "SUSPENDED" | "REVOKED" | "SUPERSEDED" | "ACCEPTED" | "REJECTED" | "EXHAUSTED";
        /** @description COO, PHYTO or one exact type. */
        type?: "COO" | "PHYTO" | "COO_NONPREFERENTIAL" | "COO_PREFERENTIAL" | "PHYTO_REEXPORT";
        issuer?: number;
        exportCountry?: string;
        importCountry?: string;
        /** @description WCO Unique Consignment Reference. */
        ucr?: string;
        from?: string;
        to?: string;
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Certificate"][];
            nextCursor?: string;
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  issueCertificate: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CertificateDocument"];
        "application/xml": string;
      };
    };
    responses: {
      /** @description Issued and anchored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IssuedCertificate"];
        };
      };
      /** @description Issued; anchoring is still under way (poll the Location). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IssuedCertificate"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCertificate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The certificate as the registry holds it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Certificate"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCertificateHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            certificate: components["schemas"]["Certificate"];
            /** @description Replaced and replacing certificates, oldest first. */
            lineage: string[];
            indexedToBlock?: number;
            history: components["schemas"]["HistoryEntry"][];
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCertificateDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document with its salt (its digest is SHA-256 of the JCS form of {salt, document}). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            certificateId: string;
            salt: string;
            cid: string;
            document: unknown;
          };
          "application/xml": string;
          "application/jose+json": unknown;
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  issueBatch: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          documents: components["schemas"]["CertificateDocument"][];
        };
      };
    };
    responses: {
      /** @description Anchored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            root: string;
            status: string;
            manifestCid: string;
            certificates: {
              certificateId: string;
              certificateNumber: string;
              digest: string;
              cid: string;
              proof: string[];
            }[];
          };
        };
      };
      /** @description Anchoring under way. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            root: string;
            status: string;
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokeCertificate: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description The registry's reason code (0–255). */
          reasonCode: number;
          /** @description Free text; its hash goes on chain. */
          reasonText?: string;
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Recorded; the gateway is still getting it on chain. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  promoteBatchMember: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": Record<string, never>;
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Recorded; the gateway is still getting it on chain. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  suspendCertificate: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description The registry's reason code (0–255). */
          reasonCode: number;
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Recorded; the gateway is still getting it on chain. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  reinstateCertificate: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": Record<string, never>;
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Recorded; the gateway is still getting it on chain. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  acceptCertificate: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": Record<string, never>;
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Recorded; the gateway is still getting it on chain. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rejectCertificate: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description The registry's reason code (0–255). */
          reasonCode: number;
          /** @description Free text; its hash goes on chain. */
          reasonText?: string;
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Recorded; the gateway is still getting it on chain. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  drawDown: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description The import declaration's reference (MRN). */
          declarationReference: string;
          /**
           * @description Decimal in the certificate's unit, at most 3 decimals.
           * @example 2500.5
           */
          amount: string;
          /** @description Invoice value declared at import. */
          invoiceValue?: string;
          invoiceCurrency?: string;
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Recorded; the gateway is still getting it on chain. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  replaceCertificate: {
    parameters: {
      query?: {
        /** @description false: answer 202 as soon as the action is recorded, without waiting for the chain. */
        wait?: "true" | "false";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description The registry's reason code (0–255). */
          reasonCode: number;
          document: components["schemas"]["CertificateDocument"];
        };
      };
    };
    responses: {
      /** @description Replaced. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IssuedCertificate"];
        };
      };
      /** @description Replacement under way. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IssuedCertificate"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  verify: {
    parameters: {
      query?: {
        receipt?: "jws";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["VerifyRequest"];
        "application/xml": string;
        "application/vc+jwt": string;
      };
    };
    responses: {
      /** @description The verification result (or its signed receipt). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["VerificationResult"];
          "application/jose": string;
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listAuthorities: {
    parameters: {
      query?: {
        country?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Authorities by id. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Authority"][];
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  registerAuthority: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          /** @enum {string} */
          kind: "CHAMBER" | "NPPO" | "CUSTOMS" | "AUDITOR";
          /** @default [] */
          certificateTypes?: ("COO_NONPREFERENTIAL" | "COO_PREFERENTIAL" | "PHYTO" | "PHYTO_REEXPORT")[];
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Under way. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getAuthority: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of the authority. */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The authority and its signing keys. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AuthorityWithKeys"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getAuthorityHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of the authority. */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            authorityId: number;
            history: components["schemas"]["HistoryEntry"][];
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  suspendAuthority: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of the authority. */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reasonCode: number;
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Under way. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  reinstateAuthority: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of the authority. */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": Record<string, never>;
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Under way. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  addSigningKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of the authority. */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          key?: string;
          /**
           * @description ISO 8601 date-time the key stops being valid.
           * @example 2030-12-31T23:59:59Z
           */
          validUntil: string;
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Under way. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rotateSigningKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of the authority. */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          oldKey: string;
          newKey?: string;
          /**
           * @description ISO 8601 date-time the key stops being valid.
           * @example 2030-12-31T23:59:59Z
           */
          validUntil: string;
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Under way. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokeSigningKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of the authority. */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          key: string;
        };
      };
    };
    responses: {
      /** @description Recorded on chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Under way. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionOutcome"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  exportCredential: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The credential. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/vc+jwt": string;
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  statusList: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        listId: string;
        purpose: "revocation" | "suspension";
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The status list credential; bits follow the indexed chain. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/vc+jwt": string;
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getConsignmentCertificates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description WCO Unique Consignment Reference, as the certificates state it. */
        ucr: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The consignment's certificates. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ConsignmentCertificates"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getDeclarationDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description WCO Unique Consignment Reference, as the certificates state it. */
        ucr: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The draft. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeclarationDraft"];
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCertificateQr: {
    parameters: {
      query?: {
        format?: "svg" | "png";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The QR code. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "image/svg+xml": string;
          "image/png": string;
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  events: {
    parameters: {
      query?: {
        certificate?: string;
        access_token?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Webhooks. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Webhook"][];
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  registerWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: uri */
          url: string;
        };
      };
    };
    responses: {
      /** @description Registered; keep the secret. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            url: string;
            createdAt: string;
            secret: string;
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  removeWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  webhookDeliveries: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deliveries, newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              [key: string]: unknown;
            }[];
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  anomalies: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        /** @description One kind only. */
        kind?:
          "OVER_DRAW_ATTEMPT" | "USE_IN_TWO_COUNTRIES" | "INVOICE_MISMATCH" | "ISSUANCE_BURST" | "SUSPENDED_ISSUER";
        /** @description e.g. 0.2 for 20 %. */
        invoiceTolerance?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Anomalies, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Anomaly"][];
          };
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  exportCertificateHistory: {
    parameters: {
      query?: {
        format?: "json" | "csv";
      };
      header?: never;
      path: {
        /** @description Registry id of a certificate: keccak256 of issuer id and certificate-number hash. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every event in chain order: JSON rows, or CSV with a fixed column set. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            rows: {
              [key: string]: unknown;
            }[];
          };
          "text/csv": string;
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  exportAuthorityHistory: {
    parameters: {
      query?: {
        format?: "json" | "csv";
      };
      header?: never;
      path: {
        /** @description Registry id of the authority. */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every event in chain order: JSON rows, or CSV with a fixed column set. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            rows: {
              [key: string]: unknown;
            }[];
          };
          "text/csv": string;
        };
      };
      /** @description Malformed or invalid request, unknown fields. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, malformed, forged or expired token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller's role or country may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such certificate or authority. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The lifecycle forbids it from the current status (named in currentStatus). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body larger than the limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests: wait and retry (see Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The chain, storage or database cannot be reached: retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
}
