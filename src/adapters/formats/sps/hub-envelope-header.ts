/** The IPPC ePhyto Hub's envelope namespace. */
export const HUB = "http://ephyto.ippc.int/HUB.Entities";

/** Where the Hub says an envelope is. */
export const HUB_TRACKING_STATES = [
  "PendingDelivery",
  "Delivered",
  "FailedDelivery",
  "EnvelopeNotExists",
  "DeliveredWithWarnings",
  "DeliveredNotReadable",
] as const;
export type HubTrackingInfo = (typeof HUB_TRACKING_STATES)[number];

/** The routing header of a Hub envelope: from and to which NPPO (ISO country codes), and what it carries. */
export interface HubEnvelopeHeader {
  from: string;
  to: string;
  /** The SPS document type code: 851 phytosanitary, 657 re-export. */
  certificateType: string;
  /** The SPS status code, 70 for an issued certificate. */
  certificateStatus: string;
  nppoCertificateNumber: string;
  hubDeliveryNumber?: string;
  hubTrackingInfo?: HubTrackingInfo;
  hubDeliveryErrorMessage?: string;
}
