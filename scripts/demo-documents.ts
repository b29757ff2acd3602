/**
 * The certificates of the demo world: consignments between Pakistan, China and Georgia, dated
 * around the day of seeding so that they are current. Parties and numbers are invented; codes and
 * structure are as real certificates carry them.
 */
import type { CertificateOfOriginInput } from "../src/domain/documents/certificate-of-origin.js";
import type { PhytosanitaryCertificateInput } from "../src/domain/documents/phytosanitary-certificate.js";

/** The certification box of an issuing authority. */
export interface DemoIssuer {
  authorityId: number;
  name: string;
  country: string;
  placeOfIssue: string;
  signatoryName: string;
  signatoryTitle: string;
}

export interface DemoIssuers {
  chamberPK: DemoIssuer;
  nppoPK: DemoIssuer;
  chamberCN: DemoIssuer;
  nppoCN: DemoIssuer;
  chamberGE: DemoIssuer;
  nppoGE: DemoIssuer;
}

export interface DemoDocuments {
  /** One consignment of rice (UCR shared): its CoO and its ePhyto, whose gross weights differ by 50 kg. */
  riceCoo: CertificateOfOriginInput;
  ricePhyto: PhytosanitaryCertificateInput;
  yarnCoo: CertificateOfOriginInput;
  solarCoo: CertificateOfOriginInput;
  wineCoo: CertificateOfOriginInput;
  instrumentsCoo: CertificateOfOriginInput;
  /** Replaces instrumentsCoo, whose consignee address was wrong. */
  instrumentsReplacement: CertificateOfOriginInput;
  phonesCoo: CertificateOfOriginInput;
  hazelnutPhyto: PhytosanitaryCertificateInput;
  mandarinPhyto: PhytosanitaryCertificateInput;
  /** A chamber's batch of small non-preferential CoOs. */
  footballBatch: CertificateOfOriginInput[];
}

/** The demo documents for issuers with these authority ids, dated around `today`. */
export function demoDocuments(issuers: DemoIssuers, today: Date): DemoDocuments {
  const day = (offset: number): string => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const year = day(0).slice(0, 4);
  const coo = (
    fields: Omit<CertificateOfOriginInput, "kind" | "issueDate" | "validUntil" | "certificateType"> & {
      certificateType?: CertificateOfOriginInput["certificateType"];
    },
  ): CertificateOfOriginInput => ({
    kind: "COO",
    certificateType: "COO_NONPREFERENTIAL",
    issueDate: day(-6),
    validUntil: day(359),
    ...fields,
  });
  const phyto = (fields: Omit<PhytosanitaryCertificateInput, "kind" | "certificateType" | "issueDate">) =>
    ({
      kind: "PHYTO",
      certificateType: "PHYTO",
      issueDate: day(-5),
      ...fields,
    }) satisfies PhytosanitaryCertificateInput;

  const riceMills = {
    name: "Punjab Basmati Mills (Pvt.) Ltd.",
    addressLines: ["32-B Quaid-e-Azam Industrial Estate", "Kot Lakhpat"],
    city: "Lahore",
    postcode: "54770",
    country: "PK",
    identifiers: [{ scheme: "NTN", value: "4417203-6" }],
  };
  const riceBuyer = {
    name: "Guangzhou Golden Grain Trading Co., Ltd.",
    addressLines: ["88 Huangpu Avenue West", "Tianhe District"],
    city: "Guangzhou",
    postcode: "510620",
    country: "CN",
    identifiers: [{ scheme: "USCC", value: "91440101MA5CXR2K7Q" }],
  };
  const riceTransport = {
    mode: "1",
    conveyance: "COSCO Shipping Aries",
    voyageNumber: "082E",
    loading: { code: "PKKHI", name: "Karachi" },
    discharge: { code: "CNNSA", name: "Nansha, Guangzhou" },
    departureDate: day(-3),
    containers: [
      { number: "CSNU6184410", seals: ["PK7730215"] },
      { number: "CSNU6184426", seals: ["PK7730216"] },
    ],
  };
  const riceUcr = `${year.slice(2)}PK4417203-PBM0611`;
  const riceDeclaration = `KPEX-HC-${year}-207741`;
  const rice = {
    description: "Basmati rice, long grain, wholly milled, in 25 kg woven polypropylene bags",
    hsCode: "1006.30",
    quantity: { value: "50000", unit: "KGM" },
    netWeight: { value: "50000", unit: "KGM" },
    packages: [{ count: 2000, kind: "BG" }],
  };

  const sialkotWorks = {
    name: "Sialkot Surgical Works (Pvt.) Ltd.",
    addressLines: ["Small Industrial Estate", "Shahab Pura Road"],
    city: "Sialkot",
    postcode: "51310",
    country: "PK",
    identifiers: [{ scheme: "NTN", value: "2290318-1" }],
  };
  const tbilisiClinic = (street: string) => ({
    name: "Georgian Medical Supplies LLC",
    addressLines: [street],
    city: "Tbilisi",
    postcode: "0160",
    country: "GE",
    identifiers: [{ scheme: "TIN", value: "405112233" }],
  });
  const instruments = (
    certificateNumber: string,
    street: string,
    replaces?: { certificateNumber: string; date: string; reason: string },
  ) =>
    coo({
      certificateNumber,
      issuer: issuers.chamberPK,
      exporter: sialkotWorks,
      consignee: tbilisiClinic(street),
      exportCountry: "PK",
      importCountry: "GE",
      transport: {
        mode: "4",
        conveyance: "Turkish Airlines Cargo",
        voyageNumber: "TK6433",
        loading: { code: "PKSKT", name: "Sialkot" },
        discharge: { code: "GETBS", name: "Tbilisi" },
        transitCountries: ["TR"],
        departureDate: day(-2),
      },
      items: [
        {
          sequence: 1,
          description: "Surgical scissors and forceps of stainless steel",
          hsCode: "9018.90",
          originCountry: "PK",
          quantity: { value: "4800", unit: "NAR" },
          grossWeight: { value: "612", unit: "KGM" },
          netWeight: { value: "540", unit: "KGM" },
          packages: [{ count: 24, kind: "CT" }],
        },
      ],
      certifiedQuantity: { value: "4800", unit: "NAR" },
      invoices: [{ number: "SSW-2611-044", date: day(-8), value: { amount: "38400.00", currency: "USD" } }],
      ucr: `${year.slice(2)}PK2290318-SSW0044`,
      ...(replaces ? { replaces } : {}),
    });

  return {
    riceCoo: coo({
      certificateType: "COO_PREFERENTIAL",
      certificateNumber: `PK-KCCI-${year}-DEMO-0001`,
      issuer: issuers.chamberPK,
      exporter: riceMills,
      consignee: riceBuyer,
      exportCountry: "PK",
      importCountry: "CN",
      transport: riceTransport,
      items: [
        {
          sequence: 1,
          originCountry: "PK",
          originCriterion: "WO",
          grossWeight: { value: "50400", unit: "KGM" },
          shippingMarks: "GGT/NSA/0611 1-2000",
          ...rice,
        },
      ],
      certifiedQuantity: { value: "50000", unit: "KGM" },
      preferenceScheme: "CPFTA",
      invoices: [{ number: "PBM-EX-0611", date: day(-9), value: { amount: "61250.00", currency: "USD" } }],
      ucr: riceUcr,
      exportDeclaration: riceDeclaration,
      exporterDeclaration: { place: "Lahore", date: day(-7), signatoryName: "Usman Tariq" },
    }),
    ricePhyto: phyto({
      certificateNumber: `PK-DPP-${year}-DEMO-0001`,
      issuer: issuers.nppoPK,
      exporter: riceMills,
      consignee: riceBuyer,
      exportCountry: "PK",
      importCountry: "CN",
      transport: riceTransport,
      items: [
        {
          sequence: 1,
          scientificName: "Oryza sativa",
          commonName: "Rice",
          intendedUse: "Consumption",
          grossWeight: { value: "50350", unit: "KGM" },
          placesOfOrigin: [{ country: "PK", region: "Punjab" }],
          ...rice,
        },
      ],
      treatments: [
        {
          type: "Fumigation",
          chemical: "Aluminium phosphide",
          concentration: { value: "3", unit: "A93" },
          duration: { value: "120", unit: "HUR" },
          date: day(-7),
        },
      ],
      additionalDeclarations: [
        { text: "The consignment was inspected and found free from Trogoderma granarium (khapra beetle)." },
      ],
      pointOfEntry: { code: "CNNSA", name: "Nansha" },
      distinguishingMarks: "GGT/NSA/0611 1-2000",
      inspection: { date: day(-6), place: "DPP plant quarantine station, Karachi Port" },
      ucr: riceUcr,
      exportDeclaration: riceDeclaration,
    }),
    yarnCoo: coo({
      certificateType: "COO_PREFERENTIAL",
      certificateNumber: `PK-KCCI-${year}-DEMO-0002`,
      issuer: issuers.chamberPK,
      exporter: {
        name: "Faisalabad Spinning Mills Ltd.",
        addressLines: ["Sargodha Road"],
        city: "Faisalabad",
        country: "PK",
      },
      consignee: {
        name: "Ningbo Evergreen Textile Import & Export Co., Ltd.",
        addressLines: ["211 Zhongshan East Road"],
        city: "Ningbo",
        country: "CN",
      },
      exportCountry: "PK",
      importCountry: "CN",
      transport: {
        mode: "1",
        conveyance: "OOCL Tianjin",
        loading: { code: "PKKHI", name: "Karachi" },
        discharge: { code: "CNNGB", name: "Ningbo" },
      },
      items: [
        {
          sequence: 1,
          description: "Cotton yarn, combed, single, 20s Ne, not put up for retail sale",
          hsCode: "5205.22",
          originCountry: "PK",
          originCriterion: "PSR",
          quantity: { value: "21600", unit: "KGM" },
          netWeight: { value: "21600", unit: "KGM" },
          packages: [{ count: 480, kind: "CT" }],
        },
      ],
      certifiedQuantity: { value: "21600", unit: "KGM" },
      preferenceScheme: "CPFTA",
      invoices: [{ number: "FSM-2611-118", value: { amount: "64800.00", currency: "USD" } }],
      ucr: `${year.slice(2)}PK3310477-FSM0118`,
    }),
    solarCoo: coo({
      certificateNumber: `CN-CCPIT-${year}-DEMO-0001`,
      issuer: issuers.chamberCN,
      exporter: {
        name: "Zhejiang Sunrise Photovoltaic Co., Ltd.",
        addressLines: ["9 Xingye Road", "Xiaoshan District"],
        city: "Hangzhou",
        country: "CN",
      },
      consignee: {
        name: "Tbilisi Energy Solutions LLC",
        addressLines: ["14 Kakheti Highway"],
        city: "Tbilisi",
        country: "GE",
      },
      exportCountry: "CN",
      importCountry: "GE",
      transport: {
        mode: "1",
        conveyance: "MSC Ilona",
        loading: { code: "CNNGB", name: "Ningbo" },
        discharge: { code: "GEPTI", name: "Poti" },
        transitCountries: ["TR"],
      },
      items: [
        {
          sequence: 1,
          description: "Photovoltaic modules, monocrystalline, 550 W",
          hsCode: "8541.43",
          originCountry: "CN",
          quantity: { value: "1200", unit: "NAR" },
          grossWeight: { value: "34800", unit: "KGM" },
          packages: [{ count: 40, kind: "PX" }],
        },
      ],
      certifiedQuantity: { value: "1200", unit: "NAR" },
      invoices: [{ number: "ZSP-EX-26-3307", value: { amount: "118800.00", currency: "USD" } }],
      ucr: `${year.slice(2)}CN3307-ZSP3307`,
    }),
    wineCoo: coo({
      certificateType: "COO_PREFERENTIAL",
      certificateNumber: `GE-GCCI-${year}-DEMO-0001`,
      issuer: issuers.chamberGE,
      exporter: {
        name: "Kakheti Vineyards LLC",
        addressLines: ["Chavchavadze Street 7"],
        city: "Telavi",
        country: "GE",
      },
      consignee: {
        name: "Shanghai Red Vine Trading Co., Ltd.",
        addressLines: ["1200 Pudong Avenue"],
        city: "Shanghai",
        country: "CN",
      },
      exportCountry: "GE",
      importCountry: "CN",
      transport: {
        mode: "1",
        conveyance: "CMA CGM Kerguelen",
        loading: { code: "GEPTI", name: "Poti" },
        discharge: { code: "CNSHA", name: "Shanghai" },
      },
      items: [
        {
          sequence: 1,
          description: "Red wine of fresh grapes, Saperavi, in 0.75 l bottles",
          hsCode: "2204.21",
          originCountry: "GE",
          originCriterion: "WO",
          quantity: { value: "9000", unit: "LTR" },
          packages: [{ count: 1000, kind: "CT" }],
        },
      ],
      certifiedQuantity: { value: "9000", unit: "LTR" },
      preferenceScheme: "CN-GE FTA",
      invoices: [{ number: "KV-2026-77", value: { amount: "54000.00", currency: "USD" } }],
      ucr: `${year.slice(2)}GE4051-KV0077`,
    }),
    instrumentsCoo: instruments(`PK-KCCI-${year}-DEMO-0003`, "Vazha-Pshavela Avenue 71"),
    instrumentsReplacement: instruments(`PK-KCCI-${year}-DEMO-0004`, "Vazha-Pshavela Avenue 17", {
      certificateNumber: `PK-KCCI-${year}-DEMO-0003`,
      date: day(-6),
      reason: "The consignee's address was wrong (71 for 17).",
    }),
    phonesCoo: coo({
      certificateNumber: `CN-CCPIT-${year}-DEMO-0002`,
      issuer: issuers.chamberCN,
      exporter: {
        name: "Shenzhen Bright Mobile Technology Co., Ltd.",
        addressLines: ["Building 5, Keji Park"],
        city: "Shenzhen",
        country: "CN",
      },
      consignee: { name: "Lahore Digital Traders", city: "Lahore", country: "PK" },
      exportCountry: "CN",
      importCountry: "PK",
      items: [
        {
          sequence: 1,
          description: "Smartphones, 6.5 inch, 128 GB",
          hsCode: "8517.13",
          originCountry: "CN",
          quantity: { value: "3000", unit: "NAR" },
          packages: [{ count: 60, kind: "CT" }],
        },
      ],
      certifiedQuantity: { value: "3000", unit: "NAR" },
    }),
    hazelnutPhyto: phyto({
      certificateNumber: `GE-NFA-${year}-DEMO-0001`,
      issuer: issuers.nppoGE,
      exporter: { name: "Samegrelo Nut Company LLC", city: "Zugdidi", country: "GE" },
      consignee: { name: "Karachi Dry Fruit House", city: "Karachi", country: "PK" },
      exportCountry: "GE",
      importCountry: "PK",
      items: [
        {
          sequence: 1,
          description: "Hazelnuts in shell",
          hsCode: "0802.21",
          scientificName: "Corylus avellana",
          commonName: "Hazelnut",
          intendedUse: "Consumption",
          quantity: { value: "18000", unit: "KGM" },
          packages: [{ count: 720, kind: "BG" }],
          placesOfOrigin: [{ country: "GE", region: "Samegrelo-Zemo Svaneti" }],
        },
      ],
      pointOfEntry: { code: "PKKHI", name: "Karachi" },
    }),
    mandarinPhyto: phyto({
      certificateNumber: `CN-GACC-${year}-DEMO-0001`,
      issuer: issuers.nppoCN,
      exporter: { name: "Guangxi Citrus Growers Cooperative", city: "Nanning", country: "CN" },
      consignee: { name: "Batumi Fresh Fruit LLC", city: "Batumi", country: "GE" },
      exportCountry: "CN",
      importCountry: "GE",
      items: [
        {
          sequence: 1,
          description: "Fresh mandarins",
          hsCode: "0805.21",
          scientificName: "Citrus reticulata",
          commonName: "Mandarin",
          intendedUse: "Consumption",
          quantity: { value: "24000", unit: "KGM" },
          packages: [{ count: 2400, kind: "CT" }],
          placesOfOrigin: [{ country: "CN", region: "Guangxi" }],
        },
      ],
      treatments: [
        { type: "Cold treatment", temperature: { value: "1", unit: "CEL" }, duration: { value: "14", unit: "DAY" } },
      ],
      pointOfEntry: { code: "GEBUS", name: "Batumi" },
    }),
    footballBatch: [1, 2, 3, 4, 5].map((n) =>
      coo({
        certificateNumber: `PK-KCCI-${year}-DEMO-B00${n}`,
        issuer: issuers.chamberPK,
        exporter: { name: "Sialkot Sports Industries", city: "Sialkot", country: "PK" },
        consignee:
          n % 2 === 0
            ? { name: "Tbilisi Sport LLC", city: "Tbilisi", country: "GE" }
            : { name: "Hangzhou Sporting Goods Co., Ltd.", city: "Hangzhou", country: "CN" },
        exportCountry: "PK",
        importCountry: n % 2 === 0 ? "GE" : "CN",
        items: [
          {
            sequence: 1,
            description: "Footballs, hand-stitched, size 5",
            hsCode: "9506.62",
            originCountry: "PK",
            quantity: { value: String(400 * n), unit: "NAR" },
            packages: [{ count: 8 * n, kind: "CT" }],
          },
        ],
        certifiedQuantity: { value: String(400 * n), unit: "NAR" },
      }),
    ),
  };
}
