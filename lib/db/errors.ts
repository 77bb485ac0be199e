/** "Unique constraint failed": Prisma's code (client and adapter), or Postgres's own from raw `pg`. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === "P2002" || code === "23505";
}
