import QRCode from "qrcode";
import { z } from "zod";
import { NotFoundError, TradesealError } from "../../domain/errors.js";
import type { HttpDeps } from "../http-deps.js";
import { defineRoute, type RouteSpec } from "../route.js";
import { idParams, problems } from "../schemas.js";

const MEDIA_TYPES = { svg: "image/svg+xml", png: "image/png" } as const;
/** Medium error correction survives a smudged or creased print; a 4-module quiet zone is what scanners expect. */
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;
/** Pixels per module in a PNG: about 3 cm wide at 300 dpi for a verification link. */
const PNG_SCALE = 8;

/** The QR code of a certificate's verification link, for its printed copies. */
export function qrRoutes({ ctx, config }: HttpDeps): RouteSpec[] {
  return [
    defineRoute({
      method: "get",
      path: "/v1/certificates/{id}/qr",
      operationId: "getCertificateQr",
      summary: "A QR code carrying the certificate's verification link, for printed copies (public)",
      description:
        "The code carries `<gateway>/verify/{id}`, the portal page that shows the certificate's verification result. " +
        "SVG by default; PNG with `Accept: image/png` or `?format=png`. Public: anyone holding the paper may scan it.",
      tag: "Certificates",
      access: "public",
      params: idParams,
      query: z.strictObject({ format: z.enum(["svg", "png"]).optional() }),
      responses: {
        "200": {
          description: "The QR code.",
          content: {
            [MEDIA_TYPES.svg]: { schema: z.string() },
            [MEDIA_TYPES.png]: { schema: z.string().meta({ format: "binary" }) },
          },
        },
        ...problems,
      },
      async handle({ params, query, req, res }) {
        const id = params.id.toLowerCase();
        if (!(await ctx.index.certificate(id)) && !(await ctx.documents.get(id))) {
          throw new NotFoundError(
            `No certificate ${id} is known here, so there is no verification link to print. Check the id; one issued ` +
              "moments ago is known once its block is indexed.",
          );
        }
        const link = `${config.publicUrl}/verify/${id}`;
        const format = query.format ?? negotiated(req.accepts(Object.values(MEDIA_TYPES)));
        res.vary("Accept").set("Cache-Control", "public, max-age=86400");
        if (format === "png") {
          res.type(MEDIA_TYPES.png).send(await QRCode.toBuffer(link, { ...QR_OPTIONS, type: "png", scale: PNG_SCALE }));
          return;
        }
        res.type(MEDIA_TYPES.svg).send(await QRCode.toString(link, { ...QR_OPTIONS, type: "svg" }));
      },
    }),
  ];
}

function negotiated(accepted: string | false): "svg" | "png" {
  if (accepted === false) {
    throw new TradesealError(
      "NOT_ACCEPTABLE",
      `The QR code comes as ${MEDIA_TYPES.svg} or ${MEDIA_TYPES.png}: accept one of them, or add ?format=svg or ?format=png.`,
    );
  }
  return accepted === MEDIA_TYPES.png ? "png" : "svg";
}
