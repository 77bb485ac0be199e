import { timingSafeEqual } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { z } from "zod";
import { getTranslator } from "@/lib/i18n/server";
import { findWorkshopAccess, findWorkshopById } from "@/lib/db/workshops/reads";
import { Presenter } from "./presenter";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("present.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The origin the projector reached us on: the room will reach us the same way. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const first = (v: string | null) => v?.split(",")[0]?.trim() || null;
  const host = first(h.get("x-forwarded-host")) ?? first(h.get("host")) ?? "localhost";
  const proto = first(h.get("x-forwarded-proto")) ?? "http";
  return `${proto}://${host}`;
}

/** The projector screen. No sign-in: the presenter key in the link is the credential, checked
 *  here (a wrong link gets a plain 404) and again by the socket handshake. */
export default async function PresentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ [key: string]: string | string[] | undefined }>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const key = query.key;
  if (!z.uuid().safeParse(id).success || typeof key !== "string" || key.length < 16 || key.length > 128) notFound();
  const access = await findWorkshopAccess(id);
  if (!access || !sameSecret(access.presenterKey, key)) notFound();
  const workshop = await findWorkshopById(id);
  if (!workshop) notFound();

  const origin = await requestOrigin();
  const joinUrl = `${origin}/join/${workshop.code}`;
  // White quiet zone around black modules: scanners want dark-on-light even on a dark slide.
  const svg = await QRCode.toString(joinUrl, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  const qrSrc = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
  const host = origin.replace(/^https?:\/\//, "");

  return <Presenter workshopId={id} presenterKey={key} joinHost={`${host}/join`} qrSrc={qrSrc} />;
}
