import { db, type PrismaClient } from "@/lib/db/client";

/** User reads. Callers pass explicit, already-validated values (emails normalised by
 *  lib/auth/credentials-schema); permission decisions belong to the caller. */

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  createdAt: Date;
}

/** Includes the password hash: only for verifying a sign-in, never to send to a client. */
export interface UserWithPassword extends UserRecord {
  passwordHash: string | null;
}

const publicFields = { id: true, email: true, name: true, createdAt: true } as const;

export function findUserByEmail(email: string, prisma: PrismaClient = db()): Promise<UserRecord | null> {
  return prisma.user.findUnique({ where: { email }, select: publicFields });
}

export function findUserById(id: string, prisma: PrismaClient = db()): Promise<UserRecord | null> {
  if (!isUuid(id)) return Promise.resolve(null); // the column is uuid: a malformed id would throw
  return prisma.user.findUnique({ where: { id }, select: publicFields });
}

export function findUserForSignIn(email: string, prisma: PrismaClient = db()): Promise<UserWithPassword | null> {
  return prisma.user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
